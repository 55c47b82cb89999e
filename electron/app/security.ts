// Nothing leaves the app's own page: no navigation, no new windows, no webviews, and no permission but
// the microphone for the app's own page while it records (electron/audio/microphone.ts).
import { app, session, type WebContents } from 'electron';
import { grantsMicrophone } from '../audio/microphone.ts';
import { APP_ORIGIN } from './protocol.ts';

/** recording: whether a part of a meeting is being recorded now. */
export function lockDown(recording: () => boolean = () => false): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(grantsMicrophone({ permission, mediaTypes, origin: details.requestingUrl, isMainFrame: details.isMainFrame }, APP_ORIGIN, recording()));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    grantsMicrophone(
      { permission, mediaTypes: details.mediaType ? [details.mediaType] : [], origin: requestingOrigin, isMainFrame: details.isMainFrame },
      APP_ORIGIN,
      recording(),
    ),
  );
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
