// Backups of the live database through SQLite's online backup API (never a copy of the live file),
// their listing, rotation, and restoring meetings from them into the live store.
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupInfo, RestoreResult } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import type { MeetingSummary } from '../../shared/model/meeting.ts';
import { describeFsError } from '../fs-errors.ts';
import { createStore, openSnapshot, type AppFiles, type Db, type Store } from '../store/index.ts';
import { safeFileName } from './files.ts';
import { importMeeting, parseMeetingFile, toMeetingFile } from './meeting-file.ts';
import { getMeetingRecord } from './meetings.ts';
import { readFileBounded } from './read-file.ts';
import { backupsToDelete, DEFAULT_RETENTION, type RetentionRule } from './retention.ts';

export type BackupReason = BackupInfo['reason'];
const REASONS: Record<BackupReason, string> = { start: 'khoi-dong', periodic: 'dinh-ky', 'before-restore': 'truoc-khoi-phuc', manual: 'thu-cong', imported: 'nhap-tu-tep' };
const NAME = /^bien-ban-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z-]+)\.sqlite$/;

export { backupsDirFor } from '../paths.ts';

export function backupName(reason: BackupReason, now: Date): string {
  return `bien-ban-${now.toISOString().replace(/[:.]/g, '-')}-${REASONS[reason]}.sqlite`;
}

function parseName(name: string): { time: number; reason: BackupReason } | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const [, day, h, m, s, ms, tag] = match;
  const reason = (Object.keys(REASONS) as BackupReason[]).find((r) => REASONS[r] === tag);
  const time = Date.parse(`${day}T${h}:${m}:${s}.${ms}Z`);
  return reason && Number.isFinite(time) ? { time, reason } : null;
}

/** Creates the folder; a failure keeps its real cause (a recursive mkdir reports EROFS as ENOENT). */
function ensureFolder(dir: string): void {
  if (existsSync(dir)) return;
  try {
    mkdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true });
  }
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be opened for syncing on Windows; the rename is durable there anyway.
  }
}

/**
 * Writes a consistent copy of the live database to target: online backup into a temporary file,
 * turned into a self-contained file (no WAL), checked, then renamed into place. Nothing at target
 * until everything is written.
 */
export async function writeBackup(db: Db, target: string): Promise<void> {
  const temp = join(dirname(target), `.${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.sqlite.tmp`);
  try {
    ensureFolder(dirname(target));
    // Made here first, so that a full, read-only or forbidden folder fails with its own errno.
    closeSync(openSync(temp, 'wx'));
    await db.backup(temp);
    const copy = new Database(temp);
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(`backup check: ${String(check)}`);
    } finally {
      copy.close();
    }
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    syncDir(dirname(target));
  } catch (error) {
    for (const leftover of [temp, `${temp}-journal`]) {
      try {
        rmSync(leftover, { force: true });
      } catch {
        // The folder itself is unusable: nothing was written there.
      }
    }
    throw new AppError('BACKUP_FAILED', `Không sao lưu được vào ${dirname(target)}: ${describeFsError(error)}.`, { cause: error });
  }
}

/** An automatic backup into dir; returns its path. */
export async function createBackup(db: Db, dir: string, reason: BackupReason, now = new Date()): Promise<string> {
  const target = join(dir, backupName(reason, now));
  await writeBackup(db, target);
  return target;
}

/**
 * A backup into a folder the user chose (a USB stick): a new file, never one that exists, and never in
 * the app's own backups folder (files: the live store's guard).
 */
export async function backupToFolder(db: Db, folder: string, files: AppFiles, now = new Date()): Promise<string> {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}-${pad(now.getMinutes())}`;
  const base = safeFileName(`Sao lưu Biên Bản ${stamp}`, 'sqlite').replace(/\.sqlite$/, '');
  let target = join(folder, `${base}.sqlite`);
  for (let n = 2; existsSync(target); n++) target = join(folder, `${base} (${n}).sqlite`);
  files.writeTarget(target, `Không sao lưu được vào ${folder}`, 'BACKUP_FAILED');
  await writeBackup(db, target);
  return target;
}

function countMeetings(path: string): number | null {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM meetings').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** The automatic backups, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const infos: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const path = join(dir, name);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      continue;
    }
    infos.push({ name, createdAt: new Date(parsed.time).toISOString(), size, meetings: countMeetings(path), reason: parsed.reason });
  }
  return infos.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1));
}

/** Deletes the automatic backups the retention rule no longer keeps; returns their names. */
export function pruneBackups(dir: string, now = Date.now(), rule: RetentionRule = DEFAULT_RETENTION): string[] {
  const dated = readdirSyncSafe(dir).flatMap((name) => {
    const parsed = parseName(name);
    return parsed ? [{ name, time: parsed.time }] : [];
  });
  const doomed = backupsToDelete(dated, now, rule);
  for (const name of doomed) rmSync(join(dir, name), { force: true });
  return doomed;
}

function readdirSyncSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** The path of a backup named by the screens: only a file of the listing, never any other path. */
export function backupPath(dir: string, name: string): string {
  if (!parseName(name)) throw new AppError('NOT_FOUND', 'Không tìm thấy bản sao lưu này.');
  const path = join(dir, name);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', 'Không tìm thấy bản sao lưu này.');
  return path;
}

/** The largest backup file read (it is held in memory while open). */
export const BACKUP_MAX_BYTES = 2 * 1024 * 1024 * 1024 - 1;

/** A backup opened in memory (migrated there if older); the file is only read. Close its db. */
export function openBackup(path: string): Store {
  const bytes = readFileBounded(path, { maxBytes: BACKUP_MAX_BYTES, context: 'Không đọc được bản sao lưu' });
  const db = openSnapshot(bytes, path);
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    db.close();
    throw new AppError('DB_DAMAGED', 'Bản sao lưu này bị hỏng.');
  }
  return createStore(db);
}

export function backupMeetings(path: string): MeetingSummary[] {
  const backup = openBackup(path);
  try {
    return backup.meetings.list();
  } finally {
    backup.db.close();
  }
}

/**
 * Restores from a backup into the live store: one meeting (added as a new meeting; the current one
 * stays) or all (the current meetings and profile are replaced by the backup's). The current state is
 * backed up first; the restore is one transaction.
 */
export async function restoreFromBackup(store: Store, dir: string, path: string, meetingId?: number): Promise<RestoreResult> {
  const backup = openBackup(path);
  try {
    const ids = meetingId === undefined ? backup.meetings.list().map((m) => m.id).reverse() : [meetingId];
    // A backup may come from another machine: its records pass the file schema once, as an imported file does.
    const files = ids.map((id) => parseMeetingFile(toMeetingFile(getMeetingRecord(backup, id))));
    const profile = backup.profile.get();
    const safetyBackup = await createBackup(store.db, dir, 'before-restore');
    const meetingIds = store.transaction(() => {
      if (meetingId === undefined) {
        for (const meeting of store.meetings.list()) store.meetings.remove(meeting.id);
        store.profile.update(profile);
      }
      return files.map((file) => importMeeting(store, file));
    });
    return { meetingIds, safetyBackup };
  } finally {
    backup.db.close();
  }
}

/**
 * Brings a backup file from elsewhere (a USB stick, another machine) into the backups folder, so it can be
 * looked at and restored like the automatic ones. The file is only read, checked as a Biên Bản database
 * and written anew through the backup API; it must hold a Biên Bản database of this or an older version.
 */
export async function addBackupFile(dir: string, path: string, files: AppFiles, now = new Date()): Promise<BackupInfo> {
  files.assertNotOwn(path, 'Không mở được tệp này làm bản sao lưu');
  const backup = openBackup(path);
  try {
    const name = backupName('imported', now);
    await writeBackup(backup.db, join(dir, name));
    const added = listBackups(dir).find((info) => info.name === name);
    if (!added) throw new AppError('BACKUP_FAILED', 'Không chép được bản sao lưu vào thư mục sao lưu.');
    return added;
  } finally {
    backup.db.close();
  }
}
