// Where the store lives by default: the per-user application-data folder, the same for the app and the CLI.
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';

export const APP_FOLDER = 'Bien Ban';
export const DATABASE_FILE = 'bien-ban.sqlite';
export const BACKUPS_FOLDER = 'backups';
export const AUDIO_FOLDER = 'audio';

/** Mirrors Electron's app.getPath('appData') so that both programs open the same file without Electron. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA || win32.join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return posix.join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || posix.join(homedir(), '.config');
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const { join } = platform === 'win32' ? win32 : posix;
  return join(appDataDir(env, platform), APP_FOLDER, DATABASE_FILE);
}

/** The automatic backups live beside the database, in backups/ (so <appData>/Bien Ban/backups/). */
export function backupsDirFor(databaseFile: string): string {
  return join(dirname(databaseFile), BACKUPS_FOLDER);
}

/** Recordings live beside the database too, one folder per meeting: audio/<meeting id>/. */
export function audioDirFor(databaseFile: string): string {
  return join(dirname(databaseFile), AUDIO_FOLDER);
}
