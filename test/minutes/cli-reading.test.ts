// The document commands only read the store: its pages are not all checked first when no migration is due (a cost
// that grows with the archive), and a damaged page met while reading is refused as the check would have refused it.
import Database from 'better-sqlite3-multiple-ciphers';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { MIGRATIONS } from '../../electron/store/migrations.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { tempDir } from '../support/store.ts';
import { withFixture } from './support.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A store file with the 2021 meeting (id 1), its version set back to `version` when given. */
function database(dir: string, version?: number): string {
  const file = join(dir, 'store.sqlite');
  const store = createStore(openDatabase(file));
  withFixture(store);
  store.db.close();
  if (version !== undefined) {
    const db = new Database(file);
    db.pragma(`user_version = ${version}`);
    db.close();
  }
  return file;
}

/** Garbage over the first page of the attendees' table (the schema's pages left sound, as a disk error may). */
function damagePages(file: string): void {
  // Read and write (a read-only connection would leave its -wal and -shm beside the store).
  const db = new Database(file);
  const { rootpage, size } = db
    .prepare("SELECT rootpage, (SELECT page_size FROM pragma_page_size) AS size FROM sqlite_master WHERE name = 'attendees'")
    .get() as {
    rootpage: number;
    size: number;
  };
  db.close();
  const bytes = readFileSync(file);
  const at = (rootpage - 1) * size;
  bytes.fill(0x5a, at, at + size / 2);
  writeFileSync(file, bytes);
}

const DAMAGED = /^Lỗi: Cơ sở dữ liệu .*store\.sqlite bị hỏng \(có thể do mất điện hoặc lỗi ổ đĩa\) nên không mở được\./;

describe('the document commands on the store', () => {
  it('open a store with damaged pages for reading only, where a store opened to write is refused', () => {
    const file = database(tempDir());
    damagePages(file);
    expect(() => openDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_DAMAGED' }));
    openDatabase(file, { reading: true }).close();
  });

  it.each(['minutes', 'notice', 'stats'])('%s refuses a damaged page it reads in Vietnamese, the store left byte for byte', async (command) => {
    const dir = tempDir();
    const file = database(dir);
    damagePages(file);
    const before = readFileSync(file);
    const result = await run(command, '1', join(dir, 'x.docx'), '--db', file);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toHaveLength(1);
    expect(result.err[0]).toMatch(DAMAGED);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['store.sqlite']);
  });

  it('check every page of a store that is due a migration before migrating it', async () => {
    const dir = tempDir();
    const file = database(dir, MIGRATIONS.length - 1);
    damagePages(file);
    const before = readFileSync(file);
    const result = await run('minutes', '1', join(dir, 'x.docx'), '--db', file);
    expect(result).toEqual({ code: 1, out: [], err: [expect.stringMatching(DAMAGED)] });
    expect(readFileSync(file).equals(before)).toBe(true);
    // No copy before a migration was taken, and nothing was migrated.
    expect(readdirSync(dir).sort()).toEqual(['store.sqlite']);
  });
});
