// Where the bundled tool keeps V8's compiled code between runs: a folder of the user's own cache, never the
// system's shared temporary folder (Node's default), where another account could put code of its own first.
import { lstatSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { APP_FOLDER } from '../paths.ts';

/** The per-user cache folder of the platform (where the app's own cache would go), then the app's and the tool's. */
export function compileCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return win32.join(env.LOCALAPPDATA || win32.join(homedir(), 'AppData', 'Local'), APP_FOLDER, 'Cache', 'compile-cache');
  const base = platform === 'darwin' ? posix.join(homedir(), 'Library', 'Caches') : env.XDG_CACHE_HOME || posix.join(homedir(), '.cache');
  return posix.join(base, APP_FOLDER, 'compile-cache');
}

/**
 * The folder, made for this user alone if it is not there; undefined (the tool then runs without a cache) when it
 * cannot be made, or what is there is not a real folder of this user that no one else may write to.
 */
export function privateFolder(dir: string, platform: NodeJS.Platform = process.platform): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory()) return undefined;
    // Windows gives a user's own profile folders to that user; elsewhere the owner and the mode are checked.
    if (platform !== 'win32' && (stat.uid !== process.getuid?.() || (stat.mode & 0o022) !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}
