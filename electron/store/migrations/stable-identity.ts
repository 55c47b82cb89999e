// Stable identity (frozen as written on the day it shipped): a UUID on the meeting and on every record of its
// lists, so that the same meeting, site, person or speech is recognised on another machine; and the values
// last merged from another machine for each record (the base that tells a site's correction from a conflict).
// Existing rows get a random version-4 UUID here. The store gives every new row its own; a row written
// without one (the sqlite3 tool, an older writer) gets one from a trigger, and none can lose it.
import type { Db } from '../db.ts';

const TABLES = ['meetings', 'sites', 'attendees', 'agenda_items', 'speeches', 'conclusions', 'action_items', 'recipients', 'speaker_queue'];

/** A random RFC 9562 version-4 UUID in lower case, evaluated once per row. */
const NEW_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
  || substr('89ab', 1 + (random() & 3), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

const triggers = (table: string) => `
  CREATE TRIGGER ${table}_uuid_given AFTER INSERT ON ${table} WHEN NEW.uuid IS NULL BEGIN
    UPDATE ${table} SET uuid = ${NEW_UUID} WHERE id = NEW.id;
  END;
  CREATE TRIGGER ${table}_uuid_kept BEFORE UPDATE OF uuid ON ${table} WHEN NEW.uuid IS NULL BEGIN
    SELECT RAISE(ABORT, '${table}.uuid is required');
  END;`;

export function stableIdentity(db: Db): void {
  for (const table of TABLES) {
    db.exec(`
      ALTER TABLE ${table} ADD COLUMN uuid TEXT;
      UPDATE ${table} SET uuid = ${NEW_UUID};
      ${table === 'meetings' ? 'CREATE INDEX meetings_by_uuid ON meetings (uuid);' : `CREATE UNIQUE INDEX ${table}_by_uuid ON ${table} (meeting_id, uuid);`}
      ${triggers(table)}
    `);
  }
  db.exec(`
    CREATE TABLE merge_bases (
      meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
      uuid TEXT NOT NULL,
      fields TEXT NOT NULL,
      PRIMARY KEY (meeting_id, uuid)
    ) STRICT, WITHOUT ROWID;
  `);
}
