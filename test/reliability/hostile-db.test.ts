// Hostile databases at opening: a newer version's store, another program's SQLite file (rollback journal
// or WAL), garbage, truncated or damaged files, a folder, a FIFO or a device as the database, an empty
// file. Everything is checked on a read-only connection first: a refused file is byte for byte as it was,
// and no -wal or -shm is left beside it. A damaged WAL is reported and copied aside before SQLite drops
// what it cannot read.
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../electron/services/backups.ts';
import { importMeetingFile } from '../../electron/services/meeting-file.ts';
import { openWithRecovery } from '../../electron/services/recovery.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { inspectWal } from '../../electron/store/wal.ts';
import { FIXTURE, hashOf, special } from '../support/hostile.ts';
import { tempDir } from '../support/store.ts';

/** A Biên Bản database with the fixture meeting, closed. */
function storeFile(dir: string, name = 'bien-ban.sqlite'): string {
  const file = join(dir, name);
  const store = createStore(openDatabase(file));
  importMeetingFile(store, FIXTURE);
  store.db.close();
  return file;
}

function raw(file: string, sql: string, wal = false): string {
  const db = new Database(file);
  if (wal) db.pragma('journal_mode = WAL');
  db.exec(sql);
  db.close();
  return file;
}

interface Case {
  name: string;
  make: (dir: string) => string | Promise<string>;
  code: string;
  message: RegExp;
}

const FOREIGN = /^Tệp này là cơ sở dữ liệu SQLite nhưng không phải của Biên Bản\.$/;
const GARBAGE = /^Tệp .* bị hỏng hoặc không phải cơ sở dữ liệu của Biên Bản\.$/;
const NOT_FILE = /^Không mở được cơ sở dữ liệu .*: đường dẫn không phải là một tệp\.$/;
const CASES: Case[] = [
  {
    name: 'a store of a newer version',
    make: (d) => raw(storeFile(d), 'PRAGMA user_version = 99'),
    code: 'DB_TOO_NEW',
    message: /phiên bản Biên Bản mới hơn \(dữ liệu phiên bản 99, ứng dụng này đọc được đến phiên bản \d+\)/,
  },
  { name: 'a store of a newer version, with its WAL after a crash', make: (d) => newerWithWal(d), code: 'DB_TOO_NEW', message: /phiên bản Biên Bản mới hơn/ },
  {
    name: "another program's SQLite file (rollback journal)",
    make: (d) => raw(join(d, 'khac.sqlite'), "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('An')"),
    code: 'DB_OPEN_FAILED',
    message: FOREIGN,
  },
  {
    name: "another program's SQLite file in WAL mode",
    make: (d) => raw(join(d, 'khac.sqlite'), 'CREATE TABLE notes (body TEXT)', true),
    code: 'DB_OPEN_FAILED',
    message: FOREIGN,
  },
  {
    name: "another program's application id, no tables",
    make: (d) => raw(join(d, 'khac.sqlite'), 'PRAGMA application_id = 305419896'),
    code: 'DB_OPEN_FAILED',
    message: FOREIGN,
  },
  { name: 'our tables under another application id', make: (d) => raw(storeFile(d), 'PRAGMA application_id = 7'), code: 'DB_OPEN_FAILED', message: FOREIGN },
  { name: 'a text file', make: (d) => write(d, 'Họ và tên,Chức vụ\n'), code: 'DB_OPEN_FAILED', message: GARBAGE },
  {
    name: 'a PNG named .sqlite',
    make: (d) => write(d, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(600).fill(7)])),
    code: 'DB_OPEN_FAILED',
    message: GARBAGE,
  },
  {
    name: 'the first 100 bytes of a store',
    make: (d) => write(d, readFileSync(storeFile(d, 'full.sqlite')).subarray(0, 100)),
    code: 'DB_DAMAGED',
    message: /bị hỏng \(có thể do mất điện/,
  },
  {
    name: 'a store cut in half',
    make: (d) => write(d, halve(readFileSync(storeFile(d, 'full.sqlite')))),
    code: 'DB_DAMAGED',
    message: /bị hỏng \(có thể do mất điện hoặc lỗi ổ đĩa\) nên không mở được\. Tệp hỏng sẽ được giữ nguyên/,
  },
  { name: 'a store with garbage over its pages', make: (d) => damagePages(storeFile(d)), code: 'DB_DAMAGED', message: /bị hỏng \(có thể do mất điện/ },
  { name: 'a folder', make: (d) => special(d, 'directory', 'bien-ban.sqlite'), code: 'DB_OPEN_FAILED', message: NOT_FILE },
  { name: 'a FIFO', make: (d) => special(d, 'fifo', 'bien-ban.sqlite'), code: 'DB_OPEN_FAILED', message: NOT_FILE },
  {
    name: 'a symlink to /dev/zero',
    make: (d) => {
      const p = join(d, 'zero.sqlite');
      symlinkSync('/dev/zero', p);
      return p;
    },
    code: 'DB_OPEN_FAILED',
    message: NOT_FILE,
  },
  {
    name: 'a path through a file',
    make: (d) => special(d, 'not-a-directory', 'bien-ban.sqlite'),
    code: 'DB_OPEN_FAILED',
    message: /: một phần của đường dẫn không phải là thư mục\.$/,
  },
  {
    name: 'a name too long',
    make: (d) => special(d, 'name-too-long', 'bien-ban.sqlite'),
    code: 'DB_OPEN_FAILED',
    message: /: tên tệp hoặc đường dẫn quá dài\.$/,
  },
];

function write(dir: string, content: string | Buffer): string {
  const file = join(dir, 'bien-ban.sqlite');
  writeFileSync(file, content);
  return file;
}
const halve = (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 4096 / 2) * 4096);
function damagePages(file: string): string {
  const bytes = readFileSync(file);
  for (let at = 4096 * 2; at < bytes.length; at += 4096 * 2) bytes.fill(0x5a, at, at + 2048);
  writeFileSync(file, bytes);
  return file;
}
/** A newer store whose last commits are still in its WAL (copied while the writer had it open). */
function newerWithWal(dir: string): string {
  const source = storeFile(dir, 'nguon.sqlite');
  const db = new Database(source);
  db.pragma('wal_autocheckpoint = 0');
  db.exec("PRAGMA user_version = 99; UPDATE meetings SET title = 'sau'");
  const file = join(dir, 'bien-ban.sqlite');
  copyFileSync(source, file);
  copyFileSync(`${source}-wal`, `${file}-wal`);
  db.close();
  return file;
}

export const DB_CASES = CASES.length;

describe('hostile databases at opening', () => {
  it.each(CASES)('$name: refused, the file and its folder as they were', async (c) => {
    const dir = tempDir();
    const file = await c.make(dir);
    const files = readdirSync(dir).sort();
    const before = [hashOf(file), hashOf(`${file}-wal`)];
    let thrown: unknown;
    try {
      openDatabase(file).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: c.code, message: expect.stringMatching(c.message) });
    expect([hashOf(file), hashOf(`${file}-wal`)]).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(files);
    // At start, with no backup to offer: refused the same way, nothing renamed or written.
    const outcome = await openWithRecovery(file, { confirmRestore: async () => true }, join(dir, 'backups'));
    expect(outcome).toMatchObject({ kind: 'refused', error: { code: c.code } });
    expect([hashOf(file), hashOf(`${file}-wal`)]).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it('an empty file with backups beside it is damaged (not a new store): declined, it stays; accepted, it is set aside', async () => {
    const dir = tempDir();
    const file = storeFile(dir);
    const store = createStore(openDatabase(file));
    await createBackup(store.db, join(dir, 'backups'), 'start');
    store.db.close();
    writeFileSync(file, '');
    const asked: string[] = [];
    const declined = await openWithRecovery(file, { confirmRestore: async (message) => (asked.push(message), false) });
    expect(declined).toMatchObject({ kind: 'refused', error: { code: 'DB_DAMAGED' } });
    expect(asked[0]).toMatch(/^Tệp cơ sở dữ liệu .* rỗng \(0 byte\) dù đã từng có dữ liệu \(có bản sao lưu\)/);
    expect(statSync(file).size).toBe(0);
    const restored = await openWithRecovery(file, { confirmRestore: async () => true });
    if (restored.kind !== 'restored') throw new Error(restored.kind);
    expect(restored.notice).toMatch(/^Đã khôi phục bản sao lưu lúc .* \(1 hội nghị\)\. Tệp hỏng được giữ ở .*\.hong-.*\.sqlite\.$/);
    expect(statSync(restored.aside).size).toBe(0);
    expect(createStore(restored.db).meetings.list()).toHaveLength(1);
    restored.db.close();
  });

  it('an empty file with no backup anywhere is a store being created: it opens as a new store', async () => {
    const dir = tempDir();
    const file = write(dir, '');
    const outcome = await openWithRecovery(file, { confirmRestore: async () => true });
    if (outcome.kind !== 'opened') throw new Error(outcome.kind);
    expect(createStore(outcome.db).meetings.list()).toEqual([]);
    outcome.db.close();
  });
});

/** A store with 20 commits left in its WAL (autocheckpoint off; copied while open), as after a crash. */
function withWal(dir: string): { file: string; frames: number } {
  const source = storeFile(dir, 'nguon.sqlite');
  const db = new Database(source);
  db.pragma('wal_autocheckpoint = 0');
  for (let i = 0; i < 20; i++) db.prepare('UPDATE meetings SET title = ?').run(`Tiêu đề ${i}`);
  const file = join(dir, 'bien-ban.sqlite');
  copyFileSync(source, file);
  copyFileSync(`${source}-wal`, `${file}-wal`);
  db.close();
  return { file, frames: inspectWal(`${file}-wal`)?.frames ?? 0 };
}

describe('a damaged write-ahead log', () => {
  it('is counted, copied aside byte for byte and reported before SQLite drops the commits after the damage', async () => {
    const dir = tempDir();
    const { file, frames } = withWal(dir);
    expect(inspectWal(`${file}-wal`)).toMatchObject({ frames, usable: frames, lostCommits: 0 });
    // One byte of a page in the first third of the log.
    const wal = readFileSync(`${file}-wal`);
    const page = (wal.length - 32) / frames;
    const frame = Math.floor(frames / 3);
    const at = 32 + frame * page + 100;
    wal.writeUInt8((wal.readUInt8(at) ^ 0xff) & 0xff, at);
    writeFileSync(`${file}-wal`, wal);
    const report = inspectWal(`${file}-wal`);
    expect(report?.lostCommits).toBeGreaterThan(0);
    const before = [hashOf(file), hashOf(`${file}-wal`)];
    const outcome = await openWithRecovery(file, { confirmRestore: async () => false });
    if (outcome.kind !== 'opened') throw new Error(outcome.kind);
    expect(outcome.notice).toMatch(new RegExp(`^Nhật ký ghi \\(tệp .*-wal\\) bị hỏng: ${report?.lostCommits} lần lưu cuối cùng không đọc lại được`));
    const aside = /giữ ở (.*\.sqlite) \(và/.exec(outcome.notice ?? '')?.[1] ?? '';
    expect([hashOf(aside), hashOf(`${aside}-wal`)]).toEqual(before);
    expect(outcome.db.pragma('integrity_check', { simple: true })).toBe('ok');
    outcome.db.close();
  });

  it('cut in the middle of its last frame (a torn write) loses no commit and says nothing', async () => {
    const dir = tempDir();
    const { file } = withWal(dir);
    const wal = readFileSync(`${file}-wal`);
    writeFileSync(`${file}-wal`, wal.subarray(0, wal.length - 1000));
    expect(inspectWal(`${file}-wal`)?.lostCommits).toBe(0);
    const outcome = await openWithRecovery(file, { confirmRestore: async () => false });
    expect(outcome).toMatchObject({ kind: 'opened' });
    expect(outcome.kind === 'opened' ? outcome.notice : 'x').toBeUndefined();
    if (outcome.kind === 'opened') outcome.db.close();
    expect(readdirSync(dir).filter((n) => n.includes('wal-hong'))).toEqual([]);
  });

  it('a log of garbage is no log: nothing reported, the store opens', async () => {
    const dir = tempDir();
    const file = storeFile(dir);
    writeFileSync(`${file}-wal`, Buffer.alloc(70_000, 0x41));
    expect(inspectWal(`${file}-wal`)).toBeNull();
    const outcome = await openWithRecovery(file, { confirmRestore: async () => false });
    expect(outcome).toMatchObject({ kind: 'opened' });
    if (outcome.kind === 'opened') outcome.db.close();
  });
});

describe('a backup file to add that is not a usable backup', () => {
  it.each([
    ['a newer version', (d: string) => raw(storeFile(d, 'usb.sqlite'), 'PRAGMA user_version = 99'), 'DB_TOO_NEW'],
    ["another program's database", (d: string) => raw(join(d, 'usb.sqlite'), 'CREATE TABLE x (y)'), 'DB_OPEN_FAILED'],
    ['a damaged store', (d: string) => damagePages(storeFile(d, 'usb.sqlite')), 'DB_DAMAGED'],
  ] as const)('%s: refused, the file as it was', async (_name, make, code) => {
    const { hostileStore } = await import('../support/hostile.ts');
    const h = hostileStore();
    const usb = join(h.dir, 'usb');
    mkdirSync(usb);
    const path = make(usb);
    const before = hashOf(path);
    const state = h.state();
    h.answer.open = path;
    expect(await h.call('addBackupFile')).toMatchObject({ ok: false, error: { code } });
    expect(hashOf(path)).toBe(before);
    expect(h.state()).toEqual(state);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
