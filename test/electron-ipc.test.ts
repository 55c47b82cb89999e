import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../shared/api.ts';
import { createHandlers } from '../electron/api/handlers.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';

const registered = new Map<string, (event: unknown, input: unknown) => unknown>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: (event: unknown, input: unknown) => unknown) => registered.set(channel, handler) },
  app: { on: () => undefined },
  session: {},
  shell: {},
  net: {},
  protocol: {},
}));

const { registerIpc } = await import('../electron/app/ipc.ts');

function event(url: string, parent: unknown = null) {
  return { senderFrame: { url, parent } };
}

describe('IPC registration', () => {
  it('registers every channel of the contract and nothing else', () => {
    registered.clear();
    registerIpc(
      createHandlers(
        createStore(openDatabase(':memory:')),
        { saveFile: async () => null, openFile: async () => null, chooseFolder: async () => null },
        {
          preview: () => ({ html: '', css: '', missing: [], advice: [] }),
          write: async () => ({ missing: [] }),
          print: async () => null,
        },
      ),
    );
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it("answers the app's own top-level page", async () => {
    const listMeetings = registered.get('listMeetings');
    expect(await listMeetings?.(event('app://bien-ban/index.html'), {})).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['another origin', event('https://example.com/')],
    ['a file:// page', event('file:///tmp/index.html')],
    ['a frame inside the page', event('app://bien-ban/index.html', { url: 'app://bien-ban/index.html' })],
    ['no frame at all', { senderFrame: null }],
  ])('refuses %s, for every channel', async (_name, sender) => {
    for (const channel of CHANNELS) {
      expect(await registered.get(channel)?.(sender, {})).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'Yêu cầu bị từ chối: không đến từ cửa sổ của ứng dụng.' },
      });
    }
  });
});
