// The Electron entry: one window, one writer, everything locked down.
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { Session } from '../api/session.ts';
import { createDocuments } from '../minutes/documents.ts';
import { audioDirFor, backupsDirFor, defaultDatabasePath } from '../paths.ts';
import type { RecoveryPrompt } from '../services/recovery.ts';
import { nativeDialogs } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { keyVault } from './key-vault.ts';
import { buildMenu } from './menu.ts';
import { electronPrinter } from './print.ts';
import { APP_ORIGIN, registerScheme, serveRenderer } from './protocol.ts';
import { lockDown } from './security.ts';

let window: BrowserWindow | null = null;
let session: Session | null = null;

/** A damaged database: the user is asked, the file set aside, the latest good backup put in its place. */
const recoveryPrompt: RecoveryPrompt = {
  confirmRestore: async (message, latest) => {
    const when = latest ? new Date(latest.createdAt).toLocaleString('vi-VN') : '';
    const answer = await dialog.showMessageBox({
      type: 'warning',
      title: 'Biên Bản',
      message: 'Cơ sở dữ liệu bị hỏng',
      detail: `${message}\n\nKhôi phục bản sao lưu gần nhất (${when}, ${latest?.meetings ?? 0} hội nghị)?`,
      buttons: ['Khôi phục bản sao lưu', 'Thoát'],
      defaultId: 0,
      cancelId: 1,
    });
    return answer.response === 0;
  },
};

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: 'Biên Bản',
    show: false,
    webPreferences: {
      preload: join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // A middle click must not open a link in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    window = null;
  });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another window already owns the database: it is focused instead (second-instance below).
    app.quit();
    return;
  }
  registerScheme();
  // Vietnamese dates and the 24-hour clock in date and time fields, whatever the system's language.
  app.commandLine.appendSwitch('lang', 'vi');
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => session?.close());

  void app.whenReady().then(async () => {
    lockDown(() => session?.recording() ?? false);
    serveRenderer(join(__dirname, '..', 'renderer'));
    const dbSwitch = app.commandLine.getSwitchValue('db');
    const file = dbSwitch || defaultDatabasePath();
    // An encrypted store whose key this machine does not keep opens locked: the page asks the passphrase.
    session = new Session({
      file,
      backupsDir: backupsDirFor(file),
      dialogs: nativeDialogs(() => window),
      documents: createDocuments(electronPrinter()),
      vault: keyVault(file),
      prompt: recoveryPrompt,
      autoBackups: true,
      indexInBackground: true,
      audioDir: audioDirFor(file),
    });
    const opened = await session.start();
    if (opened.kind === 'refused') {
      dialog.showErrorBox('Biên Bản', opened.error.message);
      app.quit();
      return;
    }
    if (opened.kind !== 'locked' && opened.notice) {
      await dialog.showMessageBox({ type: 'warning', title: 'Biên Bản', message: 'Cơ sở dữ liệu', detail: opened.notice, buttons: ['Đồng ý'] });
    }
    registerIpc(session.handlers());
    Menu.setApplicationMenu(buildMenu(() => window, !app.isPackaged));
    window = createWindow();
  });
}

start();
