// Nothing leaves the app's own page: no navigation, no new windows, no webviews, no permissions.
import { app, session, type WebContents } from 'electron';
import { APP_ORIGIN } from './protocol.ts';

export function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guard(contents));
}

function guard(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // An offline app has nothing to open: links and window.open go nowhere.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Only the app's own top-level page may call the main process. */
export function isTrustedSender(frame: Electron.WebFrameMain | null): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
