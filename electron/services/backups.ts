// Backups of the live database through VACUUM INTO (never a copy of the live file), their listing,
// rotation, and restoring meetings from them into the live store. An encrypted store's backups are
// encrypted with its key (VACUUM INTO keeps the connection's key and the file's KDF header); a backup
// with another key (another machine, an older passphrase) opens with its own passphrase.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BackupInfo, RestoreResult } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import type { MeetingSummary } from '../../shared/model/meeting.ts';
import { describeFsError } from '../fs-errors.ts';
import { connect, createPrivateFile, FOLDER_MODE, keyOf } from '../store/db.ts';
import { exportDatabase } from '../store/export.ts';
import { createStore, openSnapshot, type AppFiles, type Db, type Store } from '../store/index.ts';
import { deriveKey, readHeader, type StoreKey } from '../store/keys.ts';
import { safeFileName, syncFolder } from './files.ts';
import { importMeeting, parseMeetingFile, toMeetingFile } from './meeting-file.ts';
import { getMeetingRecord } from './meetings.ts';
import { readFileBounded } from './read-file.ts';
import { backupsToDelete, DEFAULT_RETENTION, type RetentionRule } from './retention.ts';
import { backupAudio, restoreAudio } from '../audio/backup.ts';
import type { AudioStore } from '../audio/store.ts';
import { audioTrash } from '../audio/trash.ts';

export type BackupReason = BackupInfo['reason'];
const REASONS: Record<BackupReason, string> = {
  start: 'khoi-dong',
  periodic: 'dinh-ky',
  'before-restore': 'truoc-khoi-phuc',
  manual: 'thu-cong',
  imported: 'nhap-tu-tep',
};
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

/** Creates the folder user-only; a failure keeps its real cause (a recursive mkdir reports EROFS as ENOENT). */
function ensureFolder(dir: string): void {
  if (existsSync(dir)) return;
  try {
    mkdirSync(dir, { mode: FOLDER_MODE });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  }
}

/**
 * Writes a consistent copy of a database to target, encrypted with key (by default the connection's own;
 * null: plain): VACUUM INTO a temporary file (one read transaction of the source), or, when the copy is
 * keyed otherwise than its source, the export of store/export.ts; fill adds to the copy what lives beside the
 * database (the recordings, when chosen); made self-contained (no WAL), checked, then renamed into place.
 * Nothing at target until everything is written.
 */
export async function writeBackup(db: Db, target: string, key: StoreKey | null = keyOf(db), fill?: BackupFill): Promise<void> {
  const temp = join(dirname(target), `.${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}.sqlite.tmp`);
  try {
    ensureFolder(dirname(target));
    if (key === keyOf(db)) {
      // Made here first (user-only), so that a full, read-only or forbidden folder fails with its own errno.
      createPrivateFile(temp);
      db.prepare('VACUUM INTO ?').run(temp);
    } else {
      await exportDatabase(db, temp, key);
    }
    const copy = connect(temp, key);
    try {
      copy.pragma('journal_mode = DELETE');
      fill?.(copy);
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
    syncFolder(target);
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

/** What a backup carries besides the database, written into the copy. */
export type BackupFill = (copy: Db) => void;

/** An automatic backup into dir; returns its path. */
export async function createBackup(db: Db, dir: string, reason: BackupReason, now = new Date(), fill?: BackupFill): Promise<string> {
  const target = join(dir, backupName(reason, now));
  await writeBackup(db, target, keyOf(db), fill);
  return target;
}

/** The keys a backup may be opened with: the store's, and those of passphrases typed for other backups. */
export type BackupKeys = StoreKey | null | readonly StoreKey[];

const keyList = (keys: BackupKeys): readonly StoreKey[] => (keys === null ? [] : Array.isArray(keys) ? keys : [keys as StoreKey]);

/** The key among keys that opens the file; null for a plain file; PASSPHRASE_NEEDED when none does. */
function keyFor(path: string, keys: BackupKeys): StoreKey | null {
  const { kind, header } = readHeader(path);
  if (kind !== 'encrypted') return null;
  const key = keyList(keys).find((candidate) => candidate.header.equals(header));
  if (!key)
    throw new AppError(
      'PASSPHRASE_NEEDED',
      'Bản sao lưu này được mã hóa bằng một cụm mật khẩu khác (của máy khác hoặc cụm mật khẩu cũ): hãy nhập cụm mật khẩu của nó.',
    );
  return key;
}

/** The key of an encrypted backup for a passphrase typed for it (KEY_WRONG when it is not its passphrase). */
export async function backupKeyFor(path: string, passphrase: string): Promise<StoreKey | null> {
  const { kind, header } = readHeader(path);
  if (kind !== 'encrypted') return null;
  const key = await deriveKey(passphrase, header);
  if (!key) throw new AppError('KEY_WRONG', 'Cụm mật khẩu không đúng với bản sao lưu này; chưa có gì thay đổi.');
  return key;
}

/**
 * A backup into a folder the user chose (a USB stick): a new file, never one that exists, and never in
 * the app's own backups folder (files: the live store's guard).
 */
export async function backupToFolder(db: Db, folder: string, files: AppFiles, now = new Date(), fill?: BackupFill): Promise<string> {
  // The copy is encrypted with the store's key: on another machine it opens with the store's passphrase.
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}-${pad(now.getMinutes())}`;
  const base = safeFileName(`Sao lưu Biên Bản ${stamp}`, 'sqlite').replace(/\.sqlite$/, '');
  let target = join(folder, `${base}.sqlite`);
  for (let n = 2; existsSync(target); n++) target = join(folder, `${base} (${n}).sqlite`);
  files.writeTarget(target, `Không sao lưu được vào ${folder}`, 'BACKUP_FAILED');
  await writeBackup(db, target, keyOf(db), fill);
  return target;
}

function countMeetings(path: string, keys: BackupKeys): number | null {
  try {
    const db = connect(path, keyFor(path, keys), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM meetings').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** The automatic backups, newest first; keys: those that may open them (meetings is null for the others). */
export function listBackups(dir: string, keys: BackupKeys = null): BackupInfo[] {
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
    const encrypted = readHeader(path).kind === 'encrypted';
    infos.push({ name, createdAt: new Date(parsed.time).toISOString(), size, meetings: countMeetings(path, keys), reason: parsed.reason, encrypted });
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

/**
 * A backup opened in memory (migrated there if older); the file is only read. An encrypted one is read
 * through a read-only keyed connection, whose pages come out decrypted, into memory. Close its db.
 */
export function openBackup(path: string, keys: BackupKeys = null): Store {
  let bytes = readFileBounded(path, { maxBytes: BACKUP_MAX_BYTES, context: 'Không đọc được bản sao lưu' });
  const key = keyFor(path, keys);
  if (key) bytes = decrypted(path, key);
  const db = openSnapshot(bytes, path);
  const check = db.pragma('quick_check', { simple: true });
  if (check !== 'ok') {
    db.close();
    throw new AppError('DB_DAMAGED', 'Bản sao lưu này bị hỏng.');
  }
  return createStore(db);
}

function decrypted(path: string, key: StoreKey): Buffer {
  let db: Db;
  try {
    db = connect(path, key, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new AppError('DB_OPEN_FAILED', `Tệp ${path} bị hỏng hoặc không phải cơ sở dữ liệu của Biên Bản.`, { cause: error });
  }
  try {
    return db.serialize();
  } catch (error) {
    throw new AppError('DB_DAMAGED', 'Bản sao lưu này bị hỏng.', { cause: error });
  } finally {
    db.close();
  }
}

export function backupMeetings(path: string, keys: BackupKeys = null): MeetingSummary[] {
  const backup = openBackup(path, keys);
  try {
    return backup.meetings.list();
  } finally {
    backup.db.close();
  }
}

/**
 * Restores from a backup into the live store: one meeting (added as a new meeting; the current one
 * stays) or all (the current meetings and profile are replaced by the backup's). The current state is
 * backed up first; the restore is one transaction. With audio, the recordings the backup carries come back
 * with their meetings (and, restoring all, those of the replaced meetings are set aside, never deleted).
 */
export async function restoreFromBackup(store: Store, dir: string, path: string, meetingId?: number, audio?: AudioStore): Promise<RestoreResult> {
  const backup = openBackup(path, store.key);
  try {
    const ids =
      meetingId === undefined
        ? backup.meetings
            .list()
            .map((m) => m.id)
            .reverse()
        : [meetingId];
    // A backup may come from another machine: its records pass the file schema once, as an imported file does.
    const files = ids.map((id) => parseMeetingFile(toMeetingFile(getMeetingRecord(backup, id))));
    const profile = backup.profile.get();
    const safetyBackup = await createBackup(store.db, dir, 'before-restore', new Date(), backupAudio(store, audio));
    const replaced = meetingId === undefined ? store.meetings.list().map((m) => m.id) : [];
    const setAside = audio ? audioTrash(audio).setAside(replaced) : () => undefined;
    let meetingIds: number[];
    try {
      meetingIds = store.transaction(() => {
        for (const id of replaced) store.meetings.remove(id);
        if (meetingId === undefined) store.profile.update(profile);
        const made = files.map((file) => importMeeting(store, file));
        // Inside the transaction: a recording that cannot be restored leaves everything as it was.
        if (audio)
          restoreAudio(
            backup,
            audio,
            ids.map((from, index) => ({ from, to: made[index] as number })),
          );
        return made;
      });
    } catch (error) {
      setAside();
      throw error;
    }
    return { meetingIds, safetyBackup };
  } finally {
    backup.db.close();
  }
}

/**
 * Brings a backup file from elsewhere (a USB stick, another machine) into the backups folder, so it can be
 * looked at and restored like the automatic ones. The file is only read, checked as a Biên Bản database
 * and written anew, with the store's key (key; null for a plain store); it must hold a Biên Bản database
 * of this or an older version. One encrypted with another passphrase needs that passphrase.
 */
export async function addBackupFile(
  dir: string,
  path: string,
  files: AppFiles,
  key: StoreKey | null,
  passphrase?: string,
  now = new Date(),
): Promise<BackupInfo> {
  files.assertNotOwn(path, 'Không mở được tệp này làm bản sao lưu');
  const own = keyList(key);
  const typed = passphrase === undefined || own.some((k) => k.header.equals(readHeader(path).header)) ? null : await backupKeyFor(path, passphrase);
  const backup = openBackup(path, typed ? [...own, typed] : own);
  try {
    const name = backupName('imported', now);
    await writeBackup(backup.db, join(dir, name), key);
    const added = listBackups(dir, key).find((info) => info.name === name);
    if (!added) throw new AppError('BACKUP_FAILED', 'Không chép được bản sao lưu vào thư mục sao lưu.');
    return added;
  } finally {
    backup.db.close();
  }
}
