// The bundles Electron loads (built by `npm run build`): the main process evaluates every module it
// bundles without error, and the sandboxed preload requires nothing but Electron.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const OUT = new URL('../out/electron/', import.meta.url).pathname;

describe('Electron bundles', () => {
  it('are built', () => {
    expect(existsSync(`${OUT}main.cjs`) && existsSync(`${OUT}preload.cjs`), 'run npm run build first').toBe(true);
  });

  it('the main process loads with Electron stubbed, and a second instance quits at once', () => {
    // Electron is replaced by an object whose single-instance lock is already taken.
    const stub = `
      const Module = require('node:module');
      const load = Module._load;
      const calls = [];
      const app = new Proxy({}, { get: (_t, name) => (...args) => { calls.push(String(name)); return name === 'requestSingleInstanceLock' ? false : undefined; } });
      Module._load = function (request, ...rest) {
        return request === 'electron' ? { app, protocol: {}, net: {}, session: {}, ipcMain: {}, dialog: {}, Menu: {}, BrowserWindow: function () {} } : load.call(this, request, ...rest);
      };
      require(${JSON.stringify(`${OUT}main.cjs`)});
      process.stdout.write(JSON.stringify(calls));
    `;
    const result = spawnSync(process.execPath, ['-e', stub], { encoding: 'utf8', cwd: new URL('..', import.meta.url).pathname });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(['requestSingleInstanceLock', 'quit']);
  });

  it('the preload requires nothing but Electron', () => {
    const requires = [...readFileSync(`${OUT}preload.cjs`, 'utf8').matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
  });
});
