import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../electron/store/db.ts';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../electron/store/migrations.ts';
import { tempDir } from '../support/store.ts';
import { openTestDatabase, rawTestDatabase } from '../support/test-key.ts';

function columns(db: Database.Database): Record<string, string[]> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name)]));
}

describe('migrations', () => {
  it('brings a new database to the latest version with the Biên Bản application id', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('uses WAL and full synchronous writes on a database file', () => {
    const db = openTestDatabase(join(tempDir(), 'a.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it.each(MIGRATIONS.map((migration, index) => [index + 1, migration.name, migration] as const))(
    'migration %i (%s) applies on the previous version and keeps existing rows',
    (version, _name, migration) => {
      const db = new Database(':memory:');
      db.pragma('foreign_keys = ON');
      for (const earlier of MIGRATIONS.slice(0, version - 1)) earlier.up(db);
      const before = columns(db);
      const rowsBefore = Object.fromEntries(Object.keys(before).map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));
      migration.up(db);
      const after = columns(db);
      // Never destructive: every table and column that existed is still there, with its rows. The search index
      // (search_*) is derived data: a migration may replace it, and test/store/search-migration.test.ts shows
      // that everything is found again.
      for (const [table, cols] of Object.entries(before).filter(([t]) => !t.startsWith('search_'))) {
        expect(after[table], `table ${table}`).toEqual(expect.arrayContaining(cols));
        expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(rowsBefore[table]);
      }
      expect(Object.keys(after).length).toBeGreaterThanOrEqual(Object.keys(before).length);
      db.close();
    },
  );

  it('minutes read and approved: Party meetings stored before keep the sentence they always printed, State ones do not get it', () => {
    const db = new Database(':memory:');
    const at = MIGRATIONS.findIndex((m) => m.name === 'minutes read and approved');
    for (const earlier of MIGRATIONS.slice(0, at)) earlier.up(db);
    const insert = db.prepare(
      "INSERT INTO meetings (title, format, mode, confidentiality, status, created_at, updated_at) VALUES (?, ?, 'in_person', 'none', 'draft', '2021-01-01', '2021-01-01')",
    );
    insert.run('Đảng', 'party');
    insert.run('Nhà nước', 'state');
    MIGRATIONS[at]?.up(db);
    expect(db.prepare('SELECT format, minutes_approved FROM meetings ORDER BY id').all()).toEqual([
      { format: 'party', minutes_approved: 1 },
      { format: 'state', minutes_approved: 0 },
    ]);
    db.close();
  });

  it('matches the schema snapshot (a change here needs a new migration, never an edit of an old one)', () => {
    const db = openDatabase(':memory:');
    expect(columns(db)).toMatchSnapshot();
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const file = join(tempDir(), 'newer.sqlite');
    const db = openTestDatabase(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => openTestDatabase(file)).toThrow(/phiên bản Biên Bản mới hơn/);
    const raw = rawTestDatabase(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    raw.close();
  });

  it('refuses a SQLite file of another program', () => {
    const file = join(tempDir(), 'other.sqlite');
    const other = rawTestDatabase(file);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => openTestDatabase(file)).toThrow(/không phải của Biên Bản/);
  });

  it('refuses a file that is not a database, with a Vietnamese message', () => {
    const file = join(tempDir(), 'text.sqlite');
    writeFileSync(file, 'đây không phải cơ sở dữ liệu '.repeat(200));
    expect(() => openTestDatabase(file)).toThrow(/bị hỏng hoặc không phải cơ sở dữ liệu của Biên Bản/);
  });

  it('takes a backup of an existing database before migrating it, and keeps its data', () => {
    const dir = tempDir();
    const file = join(dir, 'store.sqlite');
    const db = openTestDatabase(file);
    db.prepare(
      "INSERT INTO meetings (format, mode, confidentiality, status, title, created_at, updated_at) VALUES ('party', 'online', 'none', 'draft', 'Giao ban quý III', '', '')",
    ).run();
    db.close();
    const extra: Migration = { name: 'test: add a column', up: (d) => d.exec("ALTER TABLE meetings ADD COLUMN note TEXT NOT NULL DEFAULT ''") };
    const backups: string[] = [];
    const migrated = openTestDatabase(file, { migrations: [...MIGRATIONS, extra], onBackup: (path) => backups.push(path) });
    expect(migrated.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    expect(migrated.prepare('SELECT title, note FROM meetings').get()).toEqual({ title: 'Giao ban quý III', note: '' });
    migrated.close();
    expect(backups).toHaveLength(1);
    expect(existsSync(backups[0] ?? '')).toBe(true);
    const backup = rawTestDatabase(backups[0] ?? '', { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(backup.prepare('SELECT title FROM meetings').pluck().get()).toBe('Giao ban quý III');
    backup.close();
  });

  it('takes no backup of a brand-new database', () => {
    const dir = tempDir();
    openTestDatabase(join(dir, 'new.sqlite')).close();
    expect(readdirSync(dir).filter((f) => f.includes('.before-v'))).toEqual([]);
  });

  it('rolls back a failing migration: the version and data stay as they were', () => {
    const file = join(tempDir(), 'store.sqlite');
    openTestDatabase(file).close();
    const broken: Migration = {
      name: 'test: broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x)');
        d.exec('THIS IS NOT SQL');
      },
    };
    expect(() => openTestDatabase(file, { migrations: [...MIGRATIONS, broken] })).toThrow();
    const raw = rawTestDatabase(file);
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    raw.close();
  });
});
