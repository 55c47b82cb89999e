// The main process's half of "nothing leaves the app", with Electron mocked: every web contents refuses
// navigation, redirects, webviews and new windows; every permission request is denied but the microphone,
// for the app's own top-level page, while a part is being recorded.
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
const appListeners = new Map<string, Listener>();
const session = {
  permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: object) => void),
  permissionCheck: null as null | ((contents: unknown, permission: string, origin: string, details: object) => boolean),
};
vi.mock('electron', () => ({
  app: { on: (event: string, listener: Listener) => appListeners.set(event, listener) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof session.permissionRequest) => {
        session.permissionRequest = handler;
      },
      setPermissionCheckHandler: (handler: typeof session.permissionCheck) => {
        session.permissionCheck = handler;
      },
    },
  },
  net: {},
  protocol: {},
}));

const { lockDown, isTrustedSender } = await import('../electron/app/security.ts');

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    listeners,
    open: (url: string) => openHandler?.({ url }),
    on: (event: string, listener: Listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  };
}

let recording = false;
const APP_PAGE = 'app://bien-ban/index.html';
const request = (permission: string, details: object) => {
  const callback = vi.fn();
  session.permissionRequest?.({}, permission, callback, { isMainFrame: true, requestingUrl: APP_PAGE, ...details });
  expect(callback).toHaveBeenCalledOnce();
  return callback.mock.calls[0]?.[0] as boolean;
};
const check = (permission: string, details: object, origin = 'app://bien-ban') =>
  session.permissionCheck?.({}, permission, origin, { isMainFrame: true, requestingUrl: APP_PAGE, ...details });

describe('main-process lock-down', () => {
  lockDown(() => recording);
  const contents = fakeContents();
  appListeners.get('web-contents-created')?.({}, contents);

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (event) => {
    const preventDefault = vi.fn();
    contents.listeners.get(event)?.({ preventDefault }, 'https://example.com/');
    expect(preventDefault).toHaveBeenCalledOnce();
  });

  it.each(['https://example.com/', 'app://bien-ban/index.html', 'file:///etc/passwd', 'javascript:alert(1)'])('opens no window for %s', (url) => {
    expect(contents.open(url)).toEqual({ action: 'deny' });
  });

  it.each([false, true])('denies every other permission (recording: %s)', (now) => {
    recording = now;
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'display-capture', 'midi', 'fullscreen']) {
      expect(request(permission, {})).toBe(false);
      expect(check(permission, {})).toBe(false);
    }
  });

  it("grants the microphone to the app's own top-level page only while recording", () => {
    recording = false;
    expect(request('media', { mediaTypes: ['audio'] })).toBe(false);
    expect(check('media', { mediaType: 'audio' })).toBe(false);
    recording = true;
    expect(request('media', { mediaTypes: ['audio'] })).toBe(true);
    expect(check('media', { mediaType: 'audio' })).toBe(true);
    recording = false;
    expect(request('media', { mediaTypes: ['audio'] })).toBe(false);
  });

  it('never grants the camera, the screen, another page or a frame, even while recording', () => {
    recording = true;
    expect(request('media', { mediaTypes: ['video'] })).toBe(false);
    expect(request('media', { mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(request('media', { mediaTypes: [] })).toBe(false);
    expect(request('media', {})).toBe(false);
    expect(check('media', { mediaType: 'video' })).toBe(false);
    expect(check('media', { mediaType: 'unknown' })).toBe(false);
    for (const url of ['https://example.com/', 'app://evil/index.html', 'http://127.0.0.1/', 'file:///index.html', 'not a url']) {
      expect(request('media', { mediaTypes: ['audio'], requestingUrl: url })).toBe(false);
      expect(check('media', { mediaType: 'audio' }, url)).toBe(false);
    }
    expect(request('media', { mediaTypes: ['audio'], isMainFrame: false })).toBe(false);
    expect(check('media', { mediaType: 'audio', isMainFrame: false })).toBe(false);
    recording = false;
  });

  it('trusts only the app page itself as an IPC sender', () => {
    const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as Electron.WebFrameMain;
    expect(isTrustedSender(frame('app://bien-ban/index.html'))).toBe(true);
    expect(isTrustedSender(frame('app://evil/index.html'))).toBe(false);
    expect(isTrustedSender(frame('http://127.0.0.1/'))).toBe(false);
    expect(isTrustedSender(frame('not a url'))).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
