// Opening the store at start: a damaged database is detected, kept aside untouched, and the latest good
// backup offered in its place; a damaged write-ahead log is copied aside before SQLite drops what it
// cannot read, and the user told. The Electron entry only supplies the question to the user.
import { copyFileSync, existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import { describeFsError } from '../fs-errors.ts';
import { connect, createPrivateFile, damagedMessage } from '../store/db.ts';
import { openDatabase, type Db } from '../store/index.ts';
import type { StoreKey } from '../store/keys.ts';
import { inspectWal } from '../store/wal.ts';
import { backupsDirFor, listBackups, openBackup } from './backups.ts';

export { damagedMessage };

const stampOf = (now: Date) => now.toISOString().replace(/[:.]/g, '-');

function asidePath(file: string, tag: string, now: Date): string {
  let aside = `${file}.${tag}-${stampOf(now)}.sqlite`;
  for (let n = 2; existsSync(aside); n++) aside = `${file}.${tag}-${stampOf(now)}-${n}.sqlite`;
  return aside;
}

/** Renames the damaged database and its WAL and shared-memory files aside; returns the new path. */
export function setAside(file: string, now = new Date()): string {
  const aside = asidePath(file, 'hong', now);
  try {
    renameSync(file, aside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
    }
  } catch (error) {
    throw new AppError('DB_READ_ONLY', `Không để riêng được tệp hỏng ${file}: ${describeFsError(error)}. Chưa có gì bị thay đổi.`, { cause: error });
  }
  return aside;
}

/** Copies the database and its WAL aside, as they are (the originals stay in use); returns the copy's path. */
function copyAside(file: string, now: Date): string {
  const aside = asidePath(file, 'wal-hong', now);
  copyFileSync(file, aside);
  copyFileSync(`${file}-wal`, `${aside}-wal`);
  return aside;
}

/** The newest backup that opens (with the store's key, for an encrypted store) and passes its check, or null. */
export function latestGoodBackup(dir: string, key: StoreKey | null = null): BackupInfo | null {
  for (const info of listBackups(dir, key)) {
    if (info.meetings === null || info.encrypted !== (key !== null)) continue;
    try {
      openBackup(join(dir, info.name), key).db.close();
      return info;
    } catch {
      // Damaged or foreign: try the next one.
    }
  }
  return null;
}

/**
 * Puts the backup in place of the (already set aside) database: checked first, then VACUUM INTO from a
 * read-only connection, so an encrypted backup gives a database encrypted with the same key and header.
 */
export async function restoreDatabaseFile(file: string, backupFile: string, key: StoreKey | null = null): Promise<void> {
  openBackup(backupFile, key).db.close();
  const backup = connect(backupFile, key, { readonly: true, fileMustExist: true });
  try {
    createPrivateFile(file);
    backup.prepare('VACUUM INTO ?').run(file);
  } finally {
    backup.close();
  }
}

export interface RecoveryPrompt {
  /** Asks whether to restore; latest is null when there is no good backup. Resolves true to restore. */
  confirmRestore(message: string, latest: BackupInfo | null): Promise<boolean>;
}

export type OpenOutcome =
  /** notice: what was found and done (a damaged WAL copied aside), for the user. */
  | { kind: 'opened'; db: Db; notice?: string }
  | { kind: 'restored'; db: Db; aside: string; backup: BackupInfo; notice: string }
  | { kind: 'refused'; error: AppError };

const sizeOf = (file: string) => {
  try {
    return statSync(file).size;
  } catch {
    return null;
  }
};

/**
 * Opens the database at start. When it is damaged (or not readable as a database, or empty while backups
 * exist) the user is asked; on yes, the damaged file is renamed aside (never overwritten or deleted) and
 * the latest good backup takes its place. A newer version's database, or one that cannot be written
 * (read-only file or folder, full disk), is refused and left alone. Never throws.
 */
export async function openWithRecovery(
  file: string,
  prompt: RecoveryPrompt,
  backupsDir = backupsDirFor(file),
  now = new Date(),
  key: StoreKey | null = null,
): Promise<OpenOutcome> {
  try {
    let notice: string | undefined;
    const wal = inspectWal(`${file}-wal`);
    if (wal && wal.lostCommits > 0 && (sizeOf(file) ?? 0) > 0) {
      const aside = copyAside(file, now);
      notice =
        `Nhật ký ghi (tệp ${file}-wal) bị hỏng: ${wal.lostCommits} lần lưu cuối cùng không đọc lại được và sẽ không có trong dữ liệu. ` +
        `Bản sao nguyên vẹn của cơ sở dữ liệu và nhật ký hỏng được giữ ở ${aside} (và ${aside}-wal) để kiểm tra.`;
    }
    if (sizeOf(file) === 0 && listBackups(backupsDir).length > 0) {
      throw new AppError(
        'DB_DAMAGED',
        `Tệp cơ sở dữ liệu ${file} rỗng (0 byte) dù đã từng có dữ liệu (có bản sao lưu); có thể do mất điện hoặc lỗi ổ đĩa. Tệp sẽ được giữ nguyên để kiểm tra.`,
      );
    }
    const db = openDatabase(file, { key });
    return notice ? { kind: 'opened', db, notice } : { kind: 'opened', db };
  } catch (error) {
    return await recover(file, prompt, backupsDir, error, now, key);
  }
}

async function recover(file: string, prompt: RecoveryPrompt, backupsDir: string, error: unknown, now: Date, key: StoreKey | null): Promise<OpenOutcome> {
  const refused = (cause: unknown): OpenOutcome => ({
    kind: 'refused',
    error: cause instanceof AppError ? cause : new AppError('DB_OPEN_FAILED', `Không mở được cơ sở dữ liệu ${file}: ${describeFsError(cause)}.`, { cause }),
  });
  // A locked store or a wrong key is not damage: the user is asked for the passphrase again instead.
  if (!(error instanceof AppError) || ['DB_TOO_NEW', 'DB_READ_ONLY', 'DB_LOCKED', 'KEY_WRONG'].includes(error.code)) return refused(error);
  try {
    const latest = latestGoodBackup(backupsDir, key);
    const message = error.code === 'DB_DAMAGED' ? error.message : `${error.message} Tệp sẽ được giữ nguyên để kiểm tra.`;
    if (!latest || !(await prompt.confirmRestore(message, latest))) return refused(error);
    const aside = setAside(file, now);
    await restoreDatabaseFile(file, join(backupsDir, latest.name), key);
    const notice = `Đã khôi phục bản sao lưu lúc ${new Date(latest.createdAt).toLocaleString('vi-VN')} (${latest.meetings ?? 0} hội nghị). Tệp hỏng được giữ ở ${aside}.`;
    return { kind: 'restored', db: openDatabase(file, { key }), aside, backup: latest, notice };
  } catch (failure) {
    return refused(failure);
  }
}
