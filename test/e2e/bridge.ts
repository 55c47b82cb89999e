// Test-only bridge: serves the built renderer on 127.0.0.1 and answers the contract's channels with the
// real handlers over a real store, so a browser can drive the app without Electron. Never shipped.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { dispatch, type Handlers } from '../../electron/api/dispatch.ts';
import { createHandlers, type Dialogs, type Documents } from '../../electron/api/handlers.ts';
import { audioSealing } from '../../electron/audio/keys.ts';
import { createAudioStore, type AudioStore } from '../../electron/audio/store.ts';
import { audioDirFor } from '../../electron/paths.ts';
import { resolveRendererFile } from '../../electron/renderer-files.ts';
import type { Store } from '../../electron/store/index.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';

export interface Bridge {
  url: string;
  /** Paths the stubbed save dialog handed out, in order. */
  saved: string[];
  /** Paths the stubbed open dialog will hand out next. */
  toOpen: string[];
  close(): Promise<void>;
}

/**
 * Replaces window.api in the page: every channel becomes a POST to the bridge. Bytes (a recorded chunk, a
 * part read back) travel in JSON as {"$bytes": base64}, as IPC would carry a Uint8Array. Small requests are sent
 * with keepalive, so a save flushed on pagehide reaches the store even as the page goes (as an IPC
 * message does in Electron).
 */
export const BRIDGE_INIT_SCRIPT = `
  const toBase64 = (bytes) => {
    let text = '';
    for (let at = 0; at < bytes.length; at += 0x8000) text += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
    return btoa(text);
  };
  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  window.api = new Proxy({ onCommand: () => () => {} }, {
    get(target, channel) {
      if (channel in target) return target[channel];
      return (input) => {
        const body = JSON.stringify(input ?? {}, (_key, value) => (value instanceof Uint8Array ? { $bytes: toBase64(value) } : value));
        return fetch('/__api/' + String(channel), {
          method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: body.length < 60000,
        }).then((response) => response.text())
          .then((text) => JSON.parse(text, (_key, value) => (value && typeof value.$bytes === 'string' ? fromBase64(value.$bytes) : value)));
      };
    },
  });
`;

export interface BridgeOptions {
  root: string;
  store?: Store;
  /** The handlers of a session (security channels, a store that opens and closes) instead of the store's own. */
  handlers?(dialogs: Dialogs): Promise<Handlers>;
  documents: Documents;
  saveDir: string;
  /** The recordings' store (audio/ beside a file database by default). */
  audio?: AudioStore;
  /** Milliseconds to wait before answering these channels (a slow disk, a list that loads late). */
  slow?: Partial<Record<string, number>>;
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  // Only the renderer built for this run (inject('rendererDir')); a stale or missing out/ is an error here.
  if (!existsSync(join(options.root, 'index.html'))) throw new Error(`no built renderer in ${options.root}`);
  const saved: string[] = [];
  const toOpen: string[] = [];
  const dialogs: Dialogs = {
    saveFile: async ({ defaultName }) => {
      // A fresh name for every export, as a user choosing where to save would give.
      const path = join(options.saveDir, `${saved.length + 1} ${defaultName}`);
      saved.push(path);
      return path;
    },
    openFile: async () => toOpen.shift() ?? null,
    chooseFolder: async () => options.saveDir,
  };
  const backupsDir = join(options.saveDir, 'backups');
  const { store } = options;
  const audio = options.audio ?? (store && !store.db.memory ? createAudioStore(audioDirFor(store.db.name), store.files, audioSealing(store)) : undefined);
  const handlers = options.handlers ? await options.handlers(dialogs) : store ? createHandlers(store, dialogs, options.documents, { backupsDir, audio }) : null;
  if (!handlers) throw new Error('the bridge needs a store or handlers');

  let origin = '';
  const answering = new Set<Promise<void>>();
  const server: Server = createServer((request, response) => {
    const answer = (async () => {
      const url = new URL(request.url ?? '/', origin);
      if (request.method === 'POST' && url.pathname.startsWith('/__api/')) {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        let input: unknown;
        try {
          input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}', (_key, value: unknown) =>
            value && typeof (value as { $bytes?: unknown }).$bytes === 'string'
              ? new Uint8Array(Buffer.from((value as { $bytes: string }).$bytes, 'base64'))
              : value,
          );
        } catch {
          input = undefined;
        }
        const channel = url.pathname.slice('/__api/'.length);
        const wait = options.slow?.[channel];
        if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
        const result = await dispatch(handlers, channel, input);
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(
          JSON.stringify(result, function (this: Record<string, unknown>, key, value: unknown) {
            const original = this[key];
            return original instanceof Uint8Array ? { $bytes: Buffer.from(original).toString('base64') } : value;
          }),
        );
        return;
      }
      // The same rule as the app's protocol handler, for this server's origin.
      const target = resolveRendererFile(options.root, url.href, origin);
      if (!target) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(target.path);
        response.writeHead(200, { 'content-type': target.contentType, 'content-security-policy': CONTENT_SECURITY_POLICY });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
    answering.add(answer);
    void answer.finally(() => answering.delete(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}/`,
    saved,
    toOpen,
    // Requests still being answered finish first, so the store is not closed under them.
    close: async () => {
      audio?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.allSettled([...answering]);
    },
  };
}
