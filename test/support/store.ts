import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createStore, openDatabase, type Store } from '../../electron/store/index.ts';
import { ENCRYPTED, openTestDatabase } from './test-key.ts';

export { ENCRYPTED, openTestDatabase, rawTestDatabase, testKey } from './test-key.ts';

/**
 * A fresh in-memory store, closed after the test (call it inside the test). In the 'encrypted' project it
 * is an encrypted file store in a temporary folder (SQLite encrypts files, not memory).
 */
export function memoryStore(): Store {
  const store = createStore(ENCRYPTED ? openTestDatabase(join(tempDir(), 'bien-ban.sqlite')) : openDatabase(':memory:'));
  onTestFinished(() => {
    store.db.close();
  });
  return store;
}

/** A fresh temporary folder, removed after the test (call it inside the test). */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-test-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Every row of every table, to prove that a failed operation wrote nothing. */
export function snapshot(store: Store): Record<string, unknown[]> {
  const tables = store.db
    .prepare(
      `SELECT name, sql LIKE '%WITHOUT ROWID%' AS keyed FROM sqlite_master WHERE type = 'table'
    AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_folded%' AND name NOT LIKE 'search_exact%' ORDER BY name`,
    )
    .all() as { name: string; keyed: number }[];
  return Object.fromEntries(tables.map(({ name, keyed }) => [name, store.db.prepare(`SELECT * FROM ${name}${keyed ? '' : ' ORDER BY rowid'}`).all()]));
}
