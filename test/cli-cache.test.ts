// The bundled tool's compile cache: in the user's own cache folder, made for the user alone, and not used where
// what is there could be someone else's; V8's code of each command, named by the tool's checksum.
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compileCacheDir, privateFolder } from '../electron/cli/cache.ts';
import { runTool } from '../electron/cli/code-cache.ts';
import { tempDir } from './support/store.ts';

describe('the compile cache of the command-line tool', () => {
  it("lives in each platform's per-user cache folder", () => {
    expect(compileCacheDir({ XDG_CACHE_HOME: '/home/thu/.cache' }, 'linux')).toBe('/home/thu/.cache/Bien Ban/compile-cache');
    expect(compileCacheDir({ LOCALAPPDATA: 'C:\\Users\\Thu\\AppData\\Local' }, 'win32')).toBe('C:\\Users\\Thu\\AppData\\Local\\Bien Ban\\Cache\\compile-cache');
    expect(compileCacheDir({}, 'darwin')).toMatch(/\/Library\/Caches\/Bien Ban\/compile-cache$/);
  });

  it.skipIf(process.platform === 'win32')('is made for the user alone', () => {
    const dir = join(tempDir(), 'cache', 'Bien Ban', 'compile-cache');
    expect(privateFolder(dir)).toBe(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(privateFolder(dir)).toBe(dir);
  });

  it.skipIf(process.platform === 'win32')('is not used when others may write to the folder, or it is a link or a file', () => {
    const root = tempDir();
    const shared = join(root, 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    expect(privateFolder(shared)).toBeUndefined();
    const own = join(root, 'own');
    mkdirSync(own, { mode: 0o700 });
    const link = join(root, 'link');
    symlinkSync(own, link);
    expect(privateFolder(link)).toBeUndefined();
    const file = join(root, 'file');
    writeFileSync(file, '');
    expect(privateFolder(file)).toBeUndefined();
    expect(privateFolder(join(file, 'below'))).toBeUndefined();
  });

  describe("V8's code of each command", () => {
    const runs = globalThis as { toolRuns?: string[] };
    /** A tool (CommonJS, as the bundle) that notes each run of its main, with a marker of the given length. */
    function toolFile(dir: string, marker: string): string {
      const file = join(dir, 'tool.cjs');
      writeFileSync(
        file,
        `exports.COMMAND_NAMES = ['list', 'minutes'];\nexports.main = async () => { (globalThis.toolRuns ??= []).push(${JSON.stringify(marker)}); };\n`,
      );
      return file;
    }
    const nameOf = (file: string, command: string) => `tool-${crc32(readFileSync(file)).toString(16).padStart(8, '0')}-${command}.v8cache`;

    it('is written after the command has run, and read (not written again) on the next run', async () => {
      const root = tempDir();
      const cache = join(root, 'cache');
      mkdirSync(cache, { mode: 0o700 });
      const file = toolFile(root, 'a');
      runs.toolRuns = [];
      await runTool(file, cache, 'minutes');
      expect(runs.toolRuns).toEqual(['a']);
      expect(readdirSync(cache)).toEqual([nameOf(file, 'minutes')]);
      const first = statSync(join(cache, nameOf(file, 'minutes')));
      expect(first.size).toBeGreaterThan(0);
      if (process.platform !== 'win32') expect(first.mode & 0o777).toBe(0o600);
      await runTool(file, cache, 'minutes');
      expect(runs.toolRuns).toEqual(['a', 'a']);
      expect(statSync(join(cache, nameOf(file, 'minutes'))).mtimeMs).toBe(first.mtimeMs);
    });

    it("of a rebuilt tool (same length, other code) is the new one's own; the old one is removed", async () => {
      const root = tempDir();
      const cache = join(root, 'cache');
      mkdirSync(cache, { mode: 0o700 });
      runs.toolRuns = [];
      const old = nameOf(toolFile(root, 'a'), 'list');
      await runTool(join(root, 'tool.cjs'), cache, 'list');
      const file = toolFile(root, 'b');
      expect(nameOf(file, 'list')).not.toBe(old);
      await runTool(file, cache, 'list');
      // The new code ran, not the code cached for the old source.
      expect(runs.toolRuns).toEqual(['a', 'b']);
      expect(readdirSync(cache)).toEqual([nameOf(file, 'list')]);
    });

    it('is not written for a name that is no command, nor without a private folder', async () => {
      const root = tempDir();
      const cache = join(root, 'cache');
      mkdirSync(cache, { mode: 0o700 });
      const file = toolFile(root, 'c');
      runs.toolRuns = [];
      await runTool(file, cache, 'xoa-het');
      await runTool(file, cache, '../../etc');
      await runTool(file, cache, undefined);
      await runTool(file, undefined, 'list');
      expect(runs.toolRuns).toEqual(['c', 'c', 'c', 'c']);
      expect(readdirSync(cache)).toEqual([]);
      expect(readdirSync(root).sort()).toEqual(['cache', 'tool.cjs']);
    });
  });
});
