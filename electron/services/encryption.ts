// Moving a store between plain and encrypted, or to a new key (a new passphrase), all or nothing: the
// whole database is exported into a new file beside it (store/export.ts, with progress), the live
// connection closed with its log merged, and the new file renamed over the old one in one step. Killed at
// any moment before the rename, the old file is intact (a leftover copy is removed at the next move);
// after it, the new file is whole. Then the automatic backups follow, each file the same way.
// Before encrypting, a plain copy is kept beside the store: the user is told where, and can delete it.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { describeFsError } from '../fs-errors.ts';
import { keyOf, openDatabase, type Db } from '../store/index.ts';
import { exportDatabase, type Progress } from '../store/export.ts';
import { readHeader, type StoreKey } from '../store/keys.ts';
import { listBackups, openBackup, writeBackup, type BackupKeys } from './backups.ts';
import { syncFolder } from './files.ts';

export interface MoveProgress extends Progress {
  /** The store itself, then its automatic backups. */
  phase: 'store' | 'backups';
}

export interface MoveResult {
  db: Db;
  /** The plain copy taken before encrypting, for the user to keep or delete. */
  plainCopy: string | null;
  /** Automatic backups that could not be moved (still in their old form), by name. */
  backupsLeft: string[];
}

const stamp = (now: Date) => now.toISOString().replace(/[:.]/g, '-');
/** The copy being written; a name the store's guard protects (it starts with the database's name). */
export const movingPath = (file: string) => `${file}.dang-chuyen.tmp`;
export const plainCopyPattern = (file: string) =>
  new RegExp(
    `^${file
      .split(/[\\/]/)
      .pop()
      ?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.ban-chua-ma-hoa-.*\\.sqlite$`,
  );

/**
 * Moves the store at file (open as db) to key `to` (null: plain). db is closed; the result holds the
 * store opened anew. Nothing changes when it fails before the rename (the error says why).
 */
export async function moveStore(
  db: Db,
  file: string,
  backupsDir: string,
  to: StoreKey | null,
  onProgress: (progress: MoveProgress) => void = () => {},
  now = new Date(),
): Promise<MoveResult> {
  const from = keyOf(db);
  if (!from && !to) throw new AppError('BUSY', 'Cơ sở dữ liệu đã ở dạng không mã hóa.');
  const temp = movingPath(file);
  rmSync(temp, { force: true });
  let plainCopy: string | null = null;
  try {
    if (!from) {
      plainCopy = `${file}.ban-chua-ma-hoa-${stamp(now)}.sqlite`;
      await writeBackup(db, plainCopy, null);
    }
    await exportDatabase(db, temp, to, (progress) => onProgress({ phase: 'store', ...progress }));
  } catch (error) {
    rmSync(temp, { force: true });
    if (plainCopy) rmSync(plainCopy, { force: true });
    throw moveFailed(error);
  }
  // The log is merged and removed by the close, so that no old -wal can ever be read with the new file.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(file + suffix, { force: true });
  renameSync(temp, file);
  syncFolder(file);
  const opened = openDatabase(file, { key: to });
  const backupsLeft = await moveBackups(backupsDir, from, to, (progress) => onProgress({ phase: 'backups', ...progress }));
  return { db: opened, plainCopy, backupsLeft };
}

function moveFailed(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('FILE_WRITE_FAILED', `Không chuyển được cơ sở dữ liệu: ${describeFsError(error)}. Dữ liệu vẫn như trước, không có gì thay đổi.`, {
    cause: error,
  });
}

const keyed = (path: string, key: StoreKey | null) => {
  const { kind, header } = readHeader(path);
  return key ? kind === 'encrypted' && header.equals(key.header) : kind === 'plain';
};

/**
 * Rewrites every automatic backup that `from` opens (the old key or keys; plain ones always) with `to`; those
 * that are already in the new form are left. Returns the names that could not be rewritten.
 */
export async function moveBackups(dir: string, from: BackupKeys, to: StoreKey | null, onProgress: (progress: Progress) => void = () => {}): Promise<string[]> {
  const todo = listBackups(dir).filter((info) => !keyed(join(dir, info.name), to));
  const left: string[] = [];
  let done = 0;
  onProgress({ done, total: todo.length });
  for (const info of todo) {
    const path = join(dir, info.name);
    try {
      const backup = openBackup(path, from);
      try {
        // Written beside it and renamed over it: the backup is whole in its old form or its new one.
        await writeBackup(backup.db, path, to);
      } finally {
        backup.db.close();
      }
    } catch {
      left.push(info.name);
    }
    onProgress({ done: ++done, total: todo.length });
  }
  return left;
}

/** The plain copies taken before encrypting that are still beside the store. */
export function plainCopies(file: string): string[] {
  const folder = join(file, '..');
  const pattern = plainCopyPattern(file);
  try {
    return readdirSync(folder)
      .filter((name) => pattern.test(name))
      .map((name) => join(folder, name))
      .filter((path) => statSync(path).isFile());
  } catch {
    return [];
  }
}

/** Deletes the plain copies taken before encrypting (unlinked: on SSDs and sticks no overwrite is reliable). */
export function deletePlainCopies(file: string): number {
  const copies = plainCopies(file);
  for (const path of copies) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) if (existsSync(path + suffix)) rmSync(path + suffix, { force: true });
  }
  return copies.length;
}
