// The Electron entry: one window, one writer, everything locked down.
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { createHandlers } from '../api/handlers.ts';
import { documents } from '../minutes/documents.ts';
import { createAudioStore, type AudioStore } from '../audio/store.ts';
import { audioDirFor, backupsDirFor, defaultDatabasePath } from '../paths.ts';
import { AutoBackups } from '../services/auto-backups.ts';
import { openWithRecovery } from '../services/recovery.ts';
import { startSearchIndexer } from '../services/search-indexer.ts';
import { createStore, type Store } from '../store/index.ts';
import { nativeDialogs } from './dialogs.ts';
import { registerIpc } from './ipc.ts';
import { buildMenu } from './menu.ts';
import { APP_ORIGIN, registerScheme, serveRenderer } from './protocol.ts';
import { lockDown } from './security.ts';

let window: BrowserWindow | null = null;
let store: Store | null = null;
let autoBackups: AutoBackups | null = null;
let searchIndexer: { stop(): void } | null = null;
let audio: AudioStore | null = null;

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
  app.on('will-quit', () => {
    searchIndexer?.stop();
    autoBackups?.stop();
    audio?.close();
    store?.db.close();
  });

  void app.whenReady().then(async () => {
    lockDown(() => audio?.isRecording() ?? false);
    serveRenderer(join(__dirname, '..', 'renderer'));
    const dbSwitch = app.commandLine.getSwitchValue('db');
    const file = dbSwitch || defaultDatabasePath();
    const backupsDir = backupsDirFor(file);
    // A damaged database: the user is asked, the file set aside, the latest good backup put in its place.
    const opened = await openWithRecovery(file, {
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
    }, backupsDir);
    if (opened.kind === 'refused') {
      dialog.showErrorBox('Biên Bản', opened.error.message);
      app.quit();
      return;
    }
    if (opened.notice) {
      await dialog.showMessageBox({ type: 'warning', title: 'Biên Bản', message: 'Cơ sở dữ liệu', detail: opened.notice, buttons: ['Đồng ý'] });
    }
    store = createStore(opened.db, { backupsDir });
    store.trash.purge();
    const backups = new AutoBackups(opened.db, backupsDir);
    autoBackups = backups;
    void backups.start();
    searchIndexer = startSearchIndexer(store);
    audio = createAudioStore(audioDirFor(file), store.files);
    registerIpc(createHandlers(store, nativeDialogs(() => window), documents, { backupsDir, backupStatus: () => backups.current(), audio }));
    Menu.setApplicationMenu(buildMenu(() => window, !app.isPackaged));
    window = createWindow();
  });
}

start();
