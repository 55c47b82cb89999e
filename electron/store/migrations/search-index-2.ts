// The search index, second form: plain-SQL triggers queue what changed, and the app folds and indexes the queue
// (electron/store/search-index.ts), so any SQLite tool can write the database. Two one-column FTS5 tables hold
// no text of their own (contentless): the folded words with prefix indexes, and the accent keys; both keep
// positions, for phrases. Their rows are passages (a paragraph, a record's text), listed in search_docs.
// The index starts empty with version '' so the app queues every record when it opens the store.
import type { Db } from '../db.ts';

// Kinds as stored: 1 meeting, 2 site, 3 attendee, 4 speech, 5 conclusion.
const queue = (table: string, kind: number, columns: string) => `
  CREATE TRIGGER search_${table}_insert AFTER INSERT ON ${table} BEGIN
    INSERT OR IGNORE INTO search_queue (kind, record_id) VALUES (${kind}, NEW.id);
  END;
  CREATE TRIGGER search_${table}_update AFTER UPDATE OF ${columns} ON ${table}
  WHEN ${columns
    .split(', ')
    .map((c) => `OLD.${c} IS NOT NEW.${c}`)
    .join(' OR ')} BEGIN
    INSERT OR IGNORE INTO search_queue (kind, record_id) VALUES (${kind}, OLD.id), (${kind}, NEW.id);
  END;
  CREATE TRIGGER search_${table}_delete AFTER DELETE ON ${table} BEGIN
    INSERT OR IGNORE INTO search_queue (kind, record_id) VALUES (${kind}, OLD.id);
  END;`;

const SQL = `
  DROP TRIGGER search_meetings_insert; DROP TRIGGER search_meetings_update; DROP TRIGGER search_meetings_delete;
  DROP TRIGGER search_sites_insert; DROP TRIGGER search_sites_update; DROP TRIGGER search_sites_delete;
  DROP TRIGGER search_attendees_insert; DROP TRIGGER search_attendees_update; DROP TRIGGER search_attendees_delete;
  DROP TRIGGER search_speeches_insert; DROP TRIGGER search_speeches_update; DROP TRIGGER search_speeches_delete;
  DROP TRIGGER search_conclusions_insert; DROP TRIGGER search_conclusions_update; DROP TRIGGER search_conclusions_delete;
  DROP TABLE search_index;

  CREATE TABLE search_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version TEXT NOT NULL
  ) STRICT;
  INSERT INTO search_state (id, version) VALUES (1, '');

  CREATE TABLE search_queue (
    kind INTEGER NOT NULL,
    record_id INTEGER NOT NULL,
    PRIMARY KEY (kind, record_id)
  ) STRICT, WITHOUT ROWID;

  -- id: the passage's rowid in both FTS tables, meeting id * 2^24 + kind * 2^21 + n.
  CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    kind INTEGER NOT NULL,
    record_id INTEGER NOT NULL,
    hash INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX search_docs_by_record ON search_docs (kind, record_id);

  CREATE VIRTUAL TABLE search_folded USING fts5(words, content = '', contentless_delete = 1, prefix = '1 2 3',
    tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N*'");
  CREATE VIRTUAL TABLE search_exact USING fts5(words, content = '', contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0 categories 'L* M* N*'");
  ${queue('meetings', 1, 'id, title')}
  ${queue('sites', 2, 'id, meeting_id, name, location')}
  ${queue('attendees', 3, 'id, meeting_id, full_name, positions, unit')}
  ${queue('speeches', 4, 'id, meeting_id, speaker_name, content')}
  ${queue('conclusions', 5, 'id, meeting_id, content')}
`;

export function searchIndexV2(db: Db): void {
  db.exec(SQL);
}
