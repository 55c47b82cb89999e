// Opens the store: durability settings, migrations, and the refusal of foreign or newer databases.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';
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
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const inMemory = file === ':memory:';
  if (!inMemory) mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new AppError('DB_OPEN_FAILED', `Không mở được cơ sở dữ liệu ${file}.`, { cause: error });
  }
  try {
    configure(db);
    migrate(db, inMemory ? null : file, options);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('DB_OPEN_FAILED', `Tệp ${file} bị hỏng hoặc không phải cơ sở dữ liệu của Biên Bản.`, { cause: error });
  }
}

/**
 * A database held in memory from a file's bytes (a backup), migrated there: the file itself is never
 * written. Refuses foreign or newer databases like openDatabase.
 */
export function openSnapshot(bytes: Buffer, name: string): Db {
  let db: Db;
  try {
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
    throw new AppError('DB_OPEN_FAILED', `Tệp ${name} bị hỏng hoặc không phải cơ sở dữ liệu của Biên Bản.`, { cause: error });
  }
}

function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  // FULL: a committed transaction survives a power cut, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function migrate(db: Db, file: string | null, options: OpenOptions): void {
  // The triggers of the first search index (migration 3) call these until a later migration drops them.
  registerFoldingV1(db);
  const migrations = options.migrations ?? MIGRATIONS;
  const latest = migrations.length;
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
  if (version === latest) return;
  if (file && version > 0) {
    const backup = `${file}.before-v${latest}-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`;
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
