// Shared by the hostile corpus: a file store with a meeting to lose, the real handlers over it with
// scripted dialogs, the bytes of the store's files, and files that are not what their name says.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import { createHandlers, type Dialogs, type Documents } from '../../electron/api/handlers.ts';
import { documents } from '../../electron/minutes/documents.ts';
import { importMeetingFile } from '../../electron/services/meeting-file.ts';
import { createStore, type Store } from '../../electron/store/index.ts';
import { snapshot, tempDir } from './store.ts';
import { openTestDatabase } from './test-key.ts';

export const FIXTURE = new URL('../fixtures/online-quarterly-review-2021.json', import.meta.url).pathname;

export type Result = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

export interface HostileStore {
  dir: string;
  file: string;
  backups: string;
  store: Store;
  /** What the dialogs answer next: the path picked (open and save) or the folder chosen. */
  answer: { save: string | null; open: string | null; folder: string | null };
  call(channel: string, input?: unknown): Promise<Result>;
  /** Rows of every table and the bytes of the database's files: what a refusal must leave as it was. */
  state(): { rows: Record<string, unknown[]>; files: Record<string, string | null> };
}

/** sha256 of a regular file's bytes; null when it does not exist; its kind for anything else (never read). */
export function hashOf(path: string): string | null {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return null;
  }
  return stats.isFile() ? createHash('sha256').update(readFileSync(path)).digest('hex') : `not a file (mode ${stats.mode.toString(8)})`;
}

/** A file database with the 2021 fixture meeting in it, closed after the test; its documents printed by `docs`. */
export function hostileStore(docs: Documents = documents): HostileStore {
  const dir = tempDir();
  const file = join(dir, 'bien-ban.sqlite');
  const backups = join(dir, 'backups');
  const store = createStore(openTestDatabase(file));
  onTestFinished(() => {
    store.db.close();
  });
  importMeetingFile(store, FIXTURE);
  // Indexed as the app's background indexer would within a second, so a search has nothing left to write.
  store.search.index.update();
  mkdirSync(backups);
  writeFileSync(join(backups, 'bien-ban-2026-11-20T08-30-00-000Z-khoi-dong.sqlite'), 'không phải sao lưu thật');
  const answer: HostileStore['answer'] = { save: null, open: null, folder: null };
  const dialogs: Dialogs = { saveFile: async () => answer.save, openFile: async () => answer.open, chooseFolder: async () => answer.folder };
  const handlers = createHandlers(store, dialogs, docs, { backupsDir: backups });
  // The -shm file is SQLite's shared index of the WAL, which every reader updates: not data.
  const sides = ['', '-wal', '-journal'];
  return {
    dir,
    file,
    backups,
    store,
    answer,
    call: (channel, input = {}) => dispatch(handlers, channel, input) as Promise<Result>,
    state: () => ({ rows: snapshot(store), files: Object.fromEntries(sides.map((s) => [s || 'db', hashOf(file + s)])) }),
  };
}

export type Special =
  | 'fifo'
  | 'socket'
  | 'directory'
  | 'char-device'
  | 'symlink-to-device'
  | 'dangling-symlink'
  | 'symlink-loop'
  | 'name-too-long'
  | 'not-a-directory'
  | 'missing-folder';

/** A path of the given kind (created where it needs to exist); sockets are closed after the test. */
export async function special(dir: string, kind: Special, name = 'tep.json'): Promise<string> {
  const path = join(dir, `${kind}-${name}`);
  switch (kind) {
    case 'fifo':
      if (spawnSync('mkfifo', [path]).status !== 0) throw new Error('mkfifo failed');
      return path;
    case 'socket': {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(path, resolve));
      onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
      return path;
    }
    case 'directory':
      mkdirSync(path);
      return path;
    case 'char-device':
      return '/dev/zero';
    case 'symlink-to-device':
      symlinkSync('/dev/urandom', path);
      return path;
    case 'dangling-symlink':
      symlinkSync(join(dir, 'không-có'), path);
      return path;
    case 'symlink-loop':
      symlinkSync(`${path}.b`, path);
      symlinkSync(path, `${path}.b`);
      return path;
    case 'name-too-long':
      return join(dir, `${'dài'.repeat(200)}-${name}`);
    case 'not-a-directory':
      writeFileSync(`${path}.txt`, 'một tệp');
      return join(`${path}.txt`, name);
    case 'missing-folder':
      return join(dir, 'không-có-thư-mục', name);
  }
}

/** A hard link to a file, in dir. */
export function hardLink(target: string, dir: string, name: string): string {
  const path = join(dir, name);
  linkSync(target, path);
  return path;
}
