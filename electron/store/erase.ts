// What SQLite still holds of deleted rows, removed: the full-text indices' old segments (FTS5 keeps a
// deleted row's words until its segments are merged) and the earlier page images in the write-ahead log.
// Freed pages themselves are overwritten by secure_delete (db.ts).
import type { Db } from './db.ts';

/** Merges every FTS5 index of the database into one segment, which drops deleted rows' words. */
export function compactSearchIndexes(db: Db): void {
  const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'").pluck().all() as string[];
  for (const name of indexes) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    db.prepare(`INSERT INTO ${quoted} (${quoted}) VALUES ('optimize')`).run();
  }
}

/** After a deletion for good: indices compacted, and the log merged into the file and emptied. */
export function forgetDeleted(db: Db): void {
  compactSearchIndexes(db);
  if (!db.memory) db.pragma('wal_checkpoint(TRUNCATE)');
}
