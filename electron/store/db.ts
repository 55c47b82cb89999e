// Opens the store: foreign, newer or damaged databases refused on a read-only connection first, then
// durability settings and migrations. An encrypted store is opened with its raw key (keys.ts) on every
// connection, the read-only check's included.
import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, closeSync, mkdirSync, openSync, rmSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { describeFsError, fsErrorCode, isWriteRefused } from '../fs-errors.ts';
import { keyFits, keyPragmas, readHeader, type StoreKey } from './keys.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';
import { registerFoldingV1 } from './migrations/search-index-1.ts';

export type Db = Database.Database;

/** "BBN1": marks a SQLite file as a Biên Bản store. */
export const APPLICATION_ID = 0x42424e31;

export interface OpenOptions {
  /** Called with the path of the copy taken before an existing store is migrated. */
  onBackup?: (path: string) => void;
  /** For tests of the migration mechanism; the app always uses MIGRATIONS. */
  migrations?: readonly Migration[];
  /** The key of an encrypted store (a new file is created encrypted with it); absent or null: plain. */
  key?: StoreKey | null | undefined;
  /**
   * The caller only reads (the command line's documents): when no migration is due, nothing will be written, and the
   * pages are not all checked first (a cost that grows with the archive); SQLite still refuses a damaged page it reads.
   */
  reading?: boolean;
}

/** Files only the user can read or list (Linux, macOS; on Windows the per-user profile is what protects). */
export const FILE_MODE = 0o600;
export const FOLDER_MODE = 0o700;

/** Creates a folder (and its missing parents) user-only. */
export function makeFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
}

/** Creates an empty file user-only (SQLite gives its -wal and -journal the same mode); fails if it exists. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', FILE_MODE));
}

/** Takes back group and other access from an existing file (a store created before files were user-only). */
export function restrictFile(path: string): void {
  if (process.platform === 'win32') return;
  try {
    if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, FILE_MODE);
  } catch {
    // A read-only disk: the file stays as it is, and is opened as such.
  }
}

const keys = new WeakMap<Db, StoreKey>();

/** The key a connection was opened with; null for a plain one. */
export function keyOf(db: Db): StoreKey | null {
  return keys.get(db) ?? null;
}

/** A connection to a database file, keyed when key is given; nothing else set. */
export function connect(file: string, key: StoreKey | null | undefined, options: Database.Options = {}): Db {
  const db = new Database(file, options);
  try {
    if (key) {
      for (const pragma of keyPragmas(key)) db.pragma(pragma);
      keys.set(db, key);
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Refuses, before SQLite reads anything, a key that is not this file's and an encrypted file without one. */
function checkKey(file: string, key: StoreKey | null | undefined): boolean {
  const { kind, header } = readHeader(file);
  if (kind === 'encrypted') {
    if (!key) throw new AppError('DB_LOCKED', `Cơ sở dữ liệu ${file} được mã hóa: cần cụm mật khẩu hoặc khóa khôi phục để mở.`);
    if (!header.equals(key.header) || !keyFits(key.key, header)) {
      throw new AppError('KEY_WRONG', 'Cụm mật khẩu hoặc khóa khôi phục không đúng với cơ sở dữ liệu này.');
    }
    return true;
  }
  if (kind === 'plain' && key) throw new AppError('DB_OPEN_FAILED', `Cơ sở dữ liệu ${file} không được mã hóa, nên không mở bằng khóa được.`);
  return false;
}

const statOrNull = (path: string) => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};

function openFailed(file: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (fsErrorCode(error).startsWith('SQLITE_CORRUPT')) return new AppError('DB_DAMAGED', damagedMessage(file), { cause: error });
  if (isWriteRefused(error)) {
    return new AppError(
      'DB_READ_ONLY',
      `Không mở được cơ sở dữ liệu ${file} để ghi: ${describeFsError(error)}. Dữ liệu không bị thay đổi; hãy chọn thư mục có quyền ghi hoặc giải phóng chỗ trên ổ đĩa.`,
      { cause: error },
    );
  }
  const code = fsErrorCode(error);
  if (code.startsWith('E')) return new AppError('DB_OPEN_FAILED', `Không mở được cơ sở dữ liệu ${file}: ${describeFsError(error)}.`, { cause: error });
  return new AppError('DB_OPEN_FAILED', `Tệp ${file} bị hỏng hoặc không phải cơ sở dữ liệu của Biên Bản.`, { cause: error });
}

/**
 * Checks an existing database on a read-only connection, so that a refused file is left byte for byte:
 * another program's SQLite file, a newer version's store, damaged pages.
 */
function inspect(file: string, latest: number, key: StoreKey | null | undefined, fits: boolean, reading: boolean): void {
  // A read-only connection to a WAL database creates its -shm (and -wal) files. Without a -shm before, no
  // other connection had the store open: what this one made is removed again (a -wal only if empty), so
  // that a refused file's folder is as it was.
  const created = ['-wal', '-shm'].filter((suffix) => statOrNull(file + suffix) === null);
  try {
    inspectReadOnly(file, latest, key, fits, reading);
  } finally {
    if (created.includes('-shm')) {
      const ours = created.filter((suffix) => suffix === '-shm' || (statOrNull(file + suffix)?.size ?? 0) === 0);
      for (const suffix of ours) {
        try {
          rmSync(file + suffix, { force: true });
        } catch {
          // Could not be removed (a read-only folder could not have had it made either).
        }
      }
    }
  }
}

function inspectReadOnly(file: string, latest: number, key: StoreKey | null | undefined, fits: boolean, reading: boolean): void {
  let db: Db;
  try {
    db = connect(file, key, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw openFailed(file, error);
  }
  try {
    // The pages are checked before anything may be written to them: a migration, or any write of the app.
    if (checkOwnership(db, latest) === latest && reading) return;
    let check: unknown;
    try {
      check = db.pragma('quick_check', { simple: true });
    } catch (error) {
      // With the key's check passed, a page that does not decrypt is a damaged page.
      if (fsErrorCode(error) === 'SQLITE_NOTADB' && !fits) throw error;
      throw new AppError('DB_DAMAGED', damagedMessage(file), { cause: error });
    }
    if (check !== 'ok') throw new AppError('DB_DAMAGED', damagedMessage(file));
  } catch (error) {
    if (fits && fsErrorCode(error) === 'SQLITE_NOTADB') throw new AppError('DB_DAMAGED', damagedMessage(file), { cause: error });
    throw openFailed(file, error);
  } finally {
    db.close();
  }
}

export function damagedMessage(file: string): string {
  return `Cơ sở dữ liệu ${file} bị hỏng (có thể do mất điện hoặc lỗi ổ đĩa) nên không mở được. Tệp hỏng sẽ được giữ nguyên để kiểm tra.`;
}

/**
 * Opens the store: an existing file is first checked read-only (ownership, version, pages); only then is
 * it opened for writing, set to WAL with synchronous FULL, and migrated (after a copy beside it).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const inMemory = file === ':memory:';
  const latest = (options.migrations ?? MIGRATIONS).length;
  if (!inMemory) {
    let existing: Stats | null = null;
    try {
      existing = statSync(file);
    } catch (error) {
      if (fsErrorCode(error) !== 'ENOENT') throw openFailed(file, error);
    }
    if (existing && !existing.isFile()) throw new AppError('DB_OPEN_FAILED', `Không mở được cơ sở dữ liệu ${file}: đường dẫn không phải là một tệp.`);
    // An empty file holds nothing to check (a store that was being created); it becomes a new store.
    if (existing && existing.size > 0) {
      // Pages that do not decrypt under a key that fits the file's header are damaged pages.
      const fits = checkKey(file, options.key);
      inspect(file, latest, options.key, fits, options.reading ?? false);
      restrictFile(file);
    }
    try {
      if (!existing) {
        makeFolder(dirname(file));
        createPrivateFile(file);
      }
    } catch (error) {
      throw openFailed(file, error);
    }
  }
  let db: Db;
  try {
    db = connect(file, inMemory ? null : options.key);
  } catch (error) {
    throw openFailed(file, error);
  }
  try {
    configure(db);
    migrate(db, inMemory ? null : file, options);
    return db;
  } catch (error) {
    db.close();
    throw openFailed(file, error);
  }
}

/**
 * A database held in memory from a file's bytes (a backup), migrated there: the file itself is never
 * written. Refuses foreign or newer databases like openDatabase.
 */
export function openSnapshot(bytes: Buffer, name: string): Db {
  let db: Db;
  try {
    // A copy of a live store is in WAL mode, which a database in memory cannot use: this copy of its
    // bytes is marked as a rollback-journal file (header bytes 18 and 19), as SQLite documents.
    if (bytes.length >= 100 && bytes[18] === 2 && bytes[19] === 2) {
      bytes = Buffer.from(bytes);
      bytes[18] = 1;
      bytes[19] = 1;
    }
    db = new Database(bytes);
    db.pragma('foreign_keys = ON');
  } catch (error) {
    throw new AppError('DB_OPEN_FAILED', `Tệp ${name} bị hỏng hoặc không phải cơ sở dữ liệu của Biên Bản.`, { cause: error });
  }
  try {
    migrate(db, null, {});
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    if (fsErrorCode(error).startsWith('SQLITE_CORRUPT')) throw new AppError('DB_DAMAGED', 'Bản sao lưu này bị hỏng.', { cause: error });
    throw new AppError('DB_OPEN_FAILED', `Tệp ${name} bị hỏng hoặc không phải cơ sở dữ liệu của Biên Bản.`, { cause: error });
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // Deleted means gone: freed pages are overwritten; temporary tables and indices never touch the disk.
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  // FULL: a committed transaction survives a power cut, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Refuses another program's SQLite file and a store of a newer version; returns the store's version. */
function checkOwnership(db: Db, latest: number): number {
  const version = db.pragma('user_version', { simple: true }) as number;
  const appId = db.pragma('application_id', { simple: true }) as number;
  const hasTables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0;
  if (appId !== APPLICATION_ID && (appId !== 0 || hasTables)) {
    throw new AppError('DB_OPEN_FAILED', 'Tệp này là cơ sở dữ liệu SQLite nhưng không phải của Biên Bản.');
  }
  if (version > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `Cơ sở dữ liệu được tạo bởi phiên bản Biên Bản mới hơn (dữ liệu phiên bản ${version}, ứng dụng này đọc được đến phiên bản ${latest}). Hãy cập nhật ứng dụng.`,
    );
  }
  return version;
}

function migrate(db: Db, file: string | null, options: OpenOptions): void {
  // The triggers of the first search index (migration 3) call these until a later migration drops them.
  registerFoldingV1(db);
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  const version = checkOwnership(db, latest);
  if (version === latest) return;
  if (file && version > 0) {
    const backup = `${file}.before-v${latest}-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`;
    // Made user-only first; VACUUM INTO writes it with the connection's key, so an encrypted store's copy is encrypted.
    createPrivateFile(backup);
    db.prepare('VACUUM INTO ?').run(backup);
    options.onBackup?.(backup);
  }
  for (let next = version; next < latest; next++) {
    const migration = migrations[next];
    if (!migration) break;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${next + 1}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    })();
  }
}
