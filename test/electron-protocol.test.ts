// The app:// handler with Electron mocked: it answers through the shared resolver, with the CSP; a
// request outside the renderer never reaches the file system fetch.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { tempDir } from './support/store.ts';

const electron = vi.hoisted(() => ({
  handler: null as null | ((request: Request) => Promise<Response>),
  fetched: [] as string[],
}));
vi.mock('electron', () => ({
  protocol: {
    handle: (_scheme: string, handler: (request: Request) => Promise<Response>) => {
      electron.handler = handler;
    },
    registerSchemesAsPrivileged: () => {},
  },
  net: {
    fetch: async (url: string) => {
      electron.fetched.push(url);
      return new Response('contents');
    },
  },
}));

const { serveRenderer } = await import('../electron/app/protocol.ts');

describe('app:// protocol handler', () => {
  it('serves files of the renderer with the CSP and refuses the rest without touching the disk', async () => {
    const root = join(tempDir(), 'renderer');
    mkdirSync(root);
    writeFileSync(join(root, 'index.html'), '');
    serveRenderer(root);
    const handle = electron.handler;
    if (!handle) throw new Error('no handler registered');
    const ok = await handle(new Request('app://bien-ban/'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(electron.fetched).toEqual([`file://${join(root, 'index.html')}`]);
    for (const url of ['app://bien-ban/%2e%2e/%2e%2e/etc/passwd', 'app://other/index.html', 'app://bien-ban/missing.js']) {
      expect((await handle(new Request(url))).status, url).toBe(404);
    }
    expect(electron.fetched).toHaveLength(1);
  });
});
