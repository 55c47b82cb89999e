// The main process's half of "nothing leaves the app", with Electron mocked: every web contents refuses
// navigation, redirects, webviews and new windows; every permission request is denied.
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
const appListeners = new Map<string, Listener>();
const session = {
  permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
};
vi.mock('electron', () => ({
  app: { on: (event: string, listener: Listener) => appListeners.set(event, listener) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: typeof session.permissionRequest) => { session.permissionRequest = handler; },
      setPermissionCheckHandler: (handler: typeof session.permissionCheck) => { session.permissionCheck = handler; },
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
    setWindowOpenHandler: (handler: typeof openHandler) => { openHandler = handler; },
  };
}

describe('main-process lock-down', () => {
  lockDown();
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

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])('denies the %s permission', (permission) => {
    const callback = vi.fn();
    session.permissionRequest?.({}, permission, callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheck?.()).toBe(false);
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
