// The bundled tool's compile cache: in the user's own cache folder, made for the user alone, and not used where
// what is there could be someone else's.
import { chmodSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheDir, privateFolder } from '../electron/cli/cache.ts';
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
});
