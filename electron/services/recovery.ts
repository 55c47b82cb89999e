// Opening the store at start: a damaged database is detected, kept aside untouched, and the latest good
// backup offered in its place. The Electron entry only supplies the question to the user.
import { existsSync, renameSync } from 'node:fs';
import type { BackupInfo } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import { openDatabase, type Db } from '../store/index.ts';
import { backupsDirFor, listBackups, openBackup } from './backups.ts';
import { join } from 'node:path';

/** Opens the store and checks its pages (quick_check); throws DB_DAMAGED when they are not intact. */
export function openCheckedDatabase(file: string): Db {
  const db = openDatabase(file);
  let check: unknown;
  try {
    check = db.pragma('quick_check', { simple: true });
  } catch (error) {
    db.close();
    throw new AppError('DB_DAMAGED', damagedMessage(file), { cause: error });
  }
  if (check !== 'ok') {
    db.close();
    throw new AppError('DB_DAMAGED', damagedMessage(file));
  }
  return db;
}

export function damagedMessage(file: string): string {
  return `Cơ sở dữ liệu ${file} bị hỏng (có thể do mất điện hoặc lỗi ổ đĩa) nên không mở được. Tệp hỏng sẽ được giữ nguyên để kiểm tra.`;
}

/** Renames the damaged database and its WAL and shared-memory files aside; returns the new path. */
export function setAside(file: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  let aside = `${file}.hong-${stamp}.sqlite`;
  for (let n = 2; existsSync(aside); n++) aside = `${file}.hong-${stamp}-${n}.sqlite`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  }
  return aside;
}

/** The newest backup that opens and passes its check, or null. */
export function latestGoodBackup(dir: string): BackupInfo | null {
  for (const info of listBackups(dir)) {
    if (info.meetings === null) continue;
    try {
      openBackup(join(dir, info.name)).db.close();
      return info;
    } catch {
      // Damaged or foreign: try the next one.
    }
  }
  return null;
}

/** Puts the backup in place of the (already set aside) database, through the online backup API. */
export async function restoreDatabaseFile(file: string, backupFile: string): Promise<void> {
  const backup = openBackup(backupFile);
  try {
    await backup.db.backup(file);
  } finally {
    backup.db.close();
  }
}

export interface RecoveryPrompt {
  /** Asks whether to restore; latest is null when there is no good backup. Resolves true to restore. */
  confirmRestore(message: string, latest: BackupInfo | null): Promise<boolean>;
}

export type OpenOutcome =
  | { kind: 'opened'; db: Db }
  | { kind: 'restored'; db: Db; aside: string; backup: BackupInfo }
  | { kind: 'refused'; error: AppError };

/**
 * Opens the database at start. When it is damaged (or not readable as a database) the user is asked;
 * on yes, the damaged file is renamed aside (never overwritten or deleted) and the latest good backup
 * takes its place. A database of a newer app version is refused and left alone.
 */
export async function openWithRecovery(file: string, prompt: RecoveryPrompt, backupsDir = backupsDirFor(file)): Promise<OpenOutcome> {
  try {
    return { kind: 'opened', db: openCheckedDatabase(file) };
  } catch (error) {
    if (!(error instanceof AppError) || error.code === 'DB_TOO_NEW') {
      return { kind: 'refused', error: error instanceof AppError ? error : new AppError('DB_OPEN_FAILED', `Không mở được cơ sở dữ liệu ${file}.`, { cause: error }) };
    }
    const latest = latestGoodBackup(backupsDir);
    const message = error.code === 'DB_DAMAGED' ? error.message : `${error.message} Tệp sẽ được giữ nguyên để kiểm tra.`;
    if (!latest || !(await prompt.confirmRestore(message, latest))) return { kind: 'refused', error };
    const aside = setAside(file);
    await restoreDatabaseFile(file, join(backupsDir, latest.name));
    return { kind: 'restored', db: openCheckedDatabase(file), aside, backup: latest };
  }
}
