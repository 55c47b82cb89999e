// Copies a whole database, from an open connection, into a new file keyed differently: plain to
// encrypted, encrypted to plain, one key to another. SQLite's backup API refuses such copies and
// VACUUM INTO keeps the source's key, so this does what SQLCipher's sqlcipher_export does (which this build
// lacks): the target attached with its key, the schema recreated from sqlite_schema, every table copied
// row by row in chunks (the progress), indices, views and triggers created after the rows (so the search
// index's triggers do not fire twice), the version and owner stamps copied, then checked.
// Every table is copied, whatever later migrations add: nothing depends on the schema's names.
import { fsyncSync, openSync, closeSync, rmSync } from 'node:fs';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import { connect, createPrivateFile, type Db } from './db.ts';
import { cipherPragmas, rawKey, type StoreKey } from './keys.ts';

export interface Progress {
  done: number;
  total: number;
}

const CHUNK = 2_000;
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface SchemaRow {
  type: string;
  name: string;
  sql: string | null;
}

/** A CREATE statement of the main schema made to create its object in the schema `into`. */
function retarget(sql: string, into: string): string {
  const match = /^\s*CREATE\s+(?:UNIQUE\s+|TEMP\s+|TEMPORARY\s+)?(?:TABLE|INDEX|VIEW|TRIGGER|VIRTUAL\s+TABLE)\s+(?:IF\s+NOT\s+EXISTS\s+)?/i.exec(sql);
  if (!match) throw new Error(`unexpected schema statement: ${sql.slice(0, 60)}`);
  return `${match[0]}${into}.${sql.slice(match[0].length)}`;
}

/** Rows of a table, the unit of progress. */
const countRows = (db: Db, table: string) =>
  db
    .prepare(`SELECT count(*) FROM main.${quote(table)}`)
    .pluck()
    .get() as number;

/**
 * Writes the database of `source` to `target` (which must not exist), encrypted with key or plain (null).
 * The source is only read, in one read transaction; the caller keeps every other use of the connection out
 * meanwhile. A failure removes what was written of the target.
 */
export async function exportDatabase(source: Db, target: string, key: StoreKey | null, onProgress?: (progress: Progress) => void): Promise<void> {
  createPrivateFile(target);
  const attached = { value: false };
  try {
    // The target gets the cipher of its key's format (keys.ts); an empty key attaches it plain.
    if (key) for (const pragma of cipherPragmas(key)) source.pragma(pragma);
    source.prepare('ATTACH DATABASE ? AS bb_export KEY ?').run(target, key ? rawKey(key) : '');
    attached.value = true;
    await copyInto(source, onProgress);
    source.exec('DETACH DATABASE bb_export');
    attached.value = false;
    verify(source, target, key);
    const fd = openSync(target, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (source.inTransaction) source.exec('ROLLBACK');
    if (attached.value) source.exec('DETACH DATABASE bb_export');
    for (const leftover of [target, `${target}-journal`]) rmSync(leftover, { force: true });
    throw error;
  }
}

async function copyInto(source: Db, onProgress?: (progress: Progress) => void): Promise<void> {
  // Shadow tables (the search index's) can only be written with SQLite's defensive mode off, for this copy.
  source.unsafeMode(true);
  try {
    await copyRows(source, onProgress);
  } finally {
    source.unsafeMode(false);
  }
}

async function copyRows(source: Db, onProgress?: (progress: Progress) => void): Promise<void> {
  const into = 'bb_export';
  source.exec('BEGIN');
  const objects = source.prepare("SELECT type, name, sql FROM main.sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as SchemaRow[];
  const kinds = new Map(
    (source.prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'").all() as { name: string; type: string }[]).map((t) => [t.name, t.type]),
  );
  const tables = objects.filter((o) => o.type === 'table' && o.sql && kinds.get(o.name) === 'table');
  const virtuals = objects.filter((o) => o.type === 'table' && o.sql && kinds.get(o.name) === 'virtual');
  const shadows = objects.filter((o) => o.type === 'table' && kinds.get(o.name) === 'shadow');
  for (const table of tables) source.exec(retarget(table.sql ?? '', into));
  // A virtual table creates its shadow tables, whose rows are then replaced by the source's.
  for (const table of virtuals) source.exec(retarget(table.sql ?? '', into));
  const filled = [...tables, ...shadows];
  if (source.prepare("SELECT 1 FROM main.sqlite_schema WHERE name = 'sqlite_sequence'").get())
    filled.push({ type: 'table', name: 'sqlite_sequence', sql: null });
  const total = filled.reduce((sum, table) => sum + countRows(source, table.name), 0);
  let done = 0;
  onProgress?.({ done, total });
  for (const table of filled) {
    const name = quote(table.name);
    const target = `${into}.${name}`;
    if (kinds.get(table.name) === 'shadow' || table.name === 'sqlite_sequence') source.exec(`DELETE FROM ${target}`);
    const withoutRowid = /\bWITHOUT\s+ROWID\b/i.test(table.sql ?? '');
    if (withoutRowid || table.name === 'sqlite_sequence') {
      done += source.prepare(`INSERT INTO ${target} SELECT * FROM main.${name}`).run().changes;
      continue;
    }
    const chunk = source.prepare(`INSERT INTO ${target} SELECT * FROM main.${name} WHERE rowid > ? ORDER BY rowid LIMIT ${CHUNK}`);
    const last = source.prepare(`SELECT max(rowid) FROM ${target}`).pluck();
    for (let after = -Infinity; ;) {
      const copied = chunk.run(Number.isFinite(after) ? after : Number.MIN_SAFE_INTEGER).changes;
      if (copied === 0) break;
      done += copied;
      after = last.get() as number;
      onProgress?.({ done, total });
      await yieldToEvents();
    }
  }
  for (const object of objects) {
    if (object.sql && (object.type === 'index' || object.type === 'view' || object.type === 'trigger')) source.exec(retarget(object.sql, into));
  }
  for (const stamp of ['user_version', 'application_id']) {
    const value = source.pragma(`main.${stamp}`, { simple: true }) as number;
    source.pragma(`${into}.${stamp} = ${Number(value) | 0}`);
  }
  source.exec('COMMIT');
  onProgress?.({ done: total, total });
}

/** The copy opens with its key, passes integrity_check and holds as many rows in every table as the source. */
function verify(source: Db, target: string, key: StoreKey | null): void {
  const copy = connect(target, key, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`copy check: ${String(check)}`);
    const tables = source
      .prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'shadow') AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all() as string[];
    for (const table of tables) {
      const copied = copy
        .prepare(`SELECT count(*) FROM ${quote(table)}`)
        .pluck()
        .get() as number;
      if (copied !== countRows(source, table)) throw new Error(`copy of ${table}: ${copied} rows`);
    }
  } finally {
    copy.close();
  }
}
