// Keeps the search index in step with the records. Triggers in plain SQL queue every record whose searchable
// text changed (migration "search index written by the app…"); update() folds the queued records and writes
// their passages, re-indexing only the passages whose text changed. Any writer, a bulk import included, only
// writes rows: the queue is filled in the same transaction, and the index catches up when update() runs.
import { createHash } from 'node:crypto';
import { FOLD_VERSION, accentIndexed, foldIndexed } from '../../shared/vietnamese/fold.ts';
import type { SearchKind } from '../../shared/search.ts';
import type { Db } from './db.ts';

/** What the index holds for a text; a different value in the store re-indexes every record. */
export const INDEX_VERSION = `fold ${FOLD_VERSION}, passages 1`;

/** Kinds as stored in the queue and in rowids, fixed by the migration. */
export const KIND_CODES: Record<SearchKind, number> = { meeting: 1, site: 2, attendee: 3, speech: 4, conclusion: 5 };
const KIND_OF = new Map(Object.entries(KIND_CODES).map(([kind, code]) => [code, kind as SearchKind]));

// Rowid of a passage: meeting id * 2^24 + kind * 2^21 + n, so a match names its meeting and kind without a lookup.
const MEETING_UNIT = 2 ** 24;
const KIND_UNIT = 2 ** 21;
/** Meetings with a larger id are not indexed: their rowids would pass JavaScript's safe integers. */
const MAX_MEETING_ID = 2 ** 29 - 1;
export const meetingOf = (rowid: number): number => Math.floor(rowid / MEETING_UNIT);
export const kindOf = (rowid: number): SearchKind | undefined => KIND_OF.get(Math.floor(rowid / KIND_UNIT) % 8);

interface Source {
  /** The record's meeting and the parts of its text, by id. */
  sql: string;
  /** Written before every passage of the record (the speaker of a speech). */
  header(row: Row): string;
  body(row: Row): string;
}
type Row = Record<string, string | number>;
const joined = (...parts: unknown[]) => parts.map(String).filter(Boolean).join(', ');

const SOURCES: Record<SearchKind, Source> = {
  meeting: { sql: 'SELECT id AS meeting_id, title FROM meetings WHERE id = ?', header: () => '', body: (r) => String(r.title) },
  site: { sql: 'SELECT meeting_id, name, location FROM sites WHERE id = ?', header: () => '', body: (r) => joined(r.name, r.location) },
  attendee: {
    sql: 'SELECT meeting_id, full_name, positions, unit FROM attendees WHERE id = ?',
    header: () => '',
    body: (r) => joined(r.full_name, r.positions, r.unit),
  },
  speech: {
    sql: 'SELECT meeting_id, speaker_name, content FROM speeches WHERE id = ?',
    header: (r) => String(r.speaker_name),
    body: (r) => String(r.content),
  },
  conclusion: { sql: 'SELECT meeting_id, content FROM conclusions WHERE id = ?', header: () => '', body: (r) => String(r.content) },
};

/** Paragraphs longer than this are cut after a sentence. */
const LONG = 2000;
const SENTENCE = /[^.!?…;]*(?:[.!?…;]+\s*|$)/gu;

/** A short content hash of a sentence, to cut long paragraphs where the same cut falls after an edit elsewhere. */
function cutsAfter(sentence: string): boolean {
  let h = 0;
  for (let i = 0; i < sentence.length; i++) h = (h * 31 + sentence.charCodeAt(i)) | 0;
  return (h & 3) === 0;
}

/**
 * The passages a record is indexed as: each paragraph (long ones cut after sentences chosen by their content,
 * so that an edit re-indexes the stretch it falls in), each with the header before it.
 */
export function passagesOf(header: string, body: string): string[] {
  const lead = header ? `${header}: ` : '';
  const out: string[] = [];
  for (const line of body.split('\n')) {
    const paragraph = line.trim();
    if (!paragraph) continue;
    if (paragraph.length <= LONG) {
      out.push(lead + paragraph);
      continue;
    }
    let part = '';
    for (const [sentence] of paragraph.matchAll(SENTENCE)) {
      part += sentence;
      if ((part.length >= LONG / 4 && cutsAfter(sentence)) || part.length >= LONG) {
        out.push(lead + part.trim());
        part = '';
      }
    }
    if (part.trim()) out.push(lead + part.trim());
  }
  if (out.length === 0 && header) out.push(header);
  return out;
}

/** The passage's identity: its text and what the index makes of texts. */
export const passageHash = (text: string): number =>
  createHash('sha1').update(INDEX_VERSION).update('\n').update(text).digest().readUIntBE(0, 6);

export interface UpdateOptions {
  /** Records indexed at most (all when absent). */
  limit?: number;
  /** Stop after this long (milliseconds), between batches. */
  budgetMs?: number;
  /** Called after each batch with the records indexed so far and the records waiting when update() began. */
  onProgress?(done: number, total: number): void;
}

const BATCH = 500;

export function createSearchIndex(db: Db) {
  const sql = {
    pending: db.prepare('SELECT count(*) FROM search_queue').pluck(),
    queued: db.prepare('SELECT kind, record_id AS id FROM search_queue ORDER BY kind DESC, record_id DESC LIMIT ?'),
    dequeue: db.prepare('DELETE FROM search_queue WHERE kind = ? AND record_id = ?'),
    docsOf: db.prepare('SELECT id, hash FROM search_docs WHERE kind = ? AND record_id = ?'),
    lastDoc: db.prepare('SELECT max(id) FROM search_docs WHERE id BETWEEN ? AND ?').pluck(),
    freeDoc: db.prepare(`SELECT d.id + 1 FROM search_docs d WHERE d.id BETWEEN ? AND ?
      AND NOT EXISTS (SELECT 1 FROM search_docs WHERE id = d.id + 1) LIMIT 1`).pluck(),
    addDoc: db.prepare('INSERT INTO search_docs (id, kind, record_id, hash) VALUES (?, ?, ?, ?)'),
    addFolded: db.prepare('INSERT INTO search_folded (rowid, words) VALUES (?, ?)'),
    addExact: db.prepare('INSERT INTO search_exact (rowid, words) VALUES (?, ?)'),
    removeDoc: db.prepare('DELETE FROM search_docs WHERE id = ?'),
    removeFolded: db.prepare('DELETE FROM search_folded WHERE rowid = ?'),
    removeExact: db.prepare('DELETE FROM search_exact WHERE rowid = ?'),
    version: db.prepare('SELECT version FROM search_state WHERE id = 1').pluck(),
    setVersion: db.prepare('UPDATE search_state SET version = ? WHERE id = 1'),
  };
  const sources = new Map([...Object.entries(SOURCES)].map(([kind, s]) => [KIND_CODES[kind as SearchKind], { ...s, get: db.prepare(s.sql) }]));

  const removeDoc = (id: number) => {
    sql.removeDoc.run(id);
    sql.removeFolded.run(id);
    sql.removeExact.run(id);
  };

  const allocate = (meetingId: number, kind: number): number => {
    const first = meetingId * MEETING_UNIT + kind * KIND_UNIT;
    const last = first + KIND_UNIT - 1;
    const used = sql.lastDoc.get(first, last) as number | null;
    if (used === null) return first;
    if (used < last) return used + 1;
    const free = sql.freeDoc.get(first, last - 1) as number | undefined;
    if (free === undefined) throw new Error(`search index: no room for more passages of meeting ${meetingId}`);
    return free;
  };

  /** Writes the passages of one record as it now is; those whose text did not change stay as they are. */
  function indexRecord(kind: number, id: number): void {
    const source = sources.get(kind);
    const existing = sql.docsOf.all(kind, id) as { id: number; hash: number }[];
    const row = source?.get.get(id) as Row | undefined;
    const meetingId = Number(row?.meeting_id);
    if (!source || !row || !(meetingId > 0 && meetingId <= MAX_MEETING_ID)) {
      for (const doc of existing) removeDoc(doc.id);
      return;
    }
    const wanted = new Map<number, string>();
    for (const text of passagesOf(source.header(row), source.body(row))) wanted.set(passageHash(text), text);
    for (const doc of existing) {
      if (meetingOf(doc.id) === meetingId && wanted.has(doc.hash)) wanted.delete(doc.hash);
      else removeDoc(doc.id);
    }
    for (const [hash, text] of wanted) {
      const rowid = allocate(meetingId, kind);
      sql.addDoc.run(rowid, kind, id, hash);
      sql.addFolded.run(rowid, foldIndexed(text));
      sql.addExact.run(rowid, accentIndexed(text));
    }
  }

  const batch = db.transaction((size: number) => {
    const rows = sql.queued.all(size) as { kind: number; id: number }[];
    for (const { kind, id } of rows) {
      indexRecord(kind, id);
      sql.dequeue.run(kind, id);
    }
    return rows.length;
  });

  return {
    /** Records waiting to be indexed. */
    pending: (): number => sql.pending.get() as number,

    /** Indexes waiting records, in transactions of a few hundred (each one kept if a later one fails); returns those still waiting. */
    update(options: UpdateOptions = {}): number {
      const { limit = Infinity, budgetMs = Infinity, onProgress } = options;
      const started = performance.now();
      let total = 0;
      let done = 0;
      if (onProgress) total = sql.pending.get() as number;
      while (done < limit && performance.now() - started < budgetMs) {
        const count = batch(Math.min(BATCH, limit - done));
        if (count === 0) break;
        done += count;
        onProgress?.(done, total);
      }
      return sql.pending.get() as number;
    },

    /**
     * Queues every record when the index was built by another version of the folding (the rebuild that a new
     * version brings, resumable because the queue is kept in the store); true when it did.
     */
    checkVersion: db.transaction((): boolean => {
      if (sql.version.get() === INDEX_VERSION) return false;
      for (const [table, kind] of [['meetings', 1], ['sites', 2], ['attendees', 3], ['speeches', 4], ['conclusions', 5]] as const) {
        db.prepare(`INSERT OR IGNORE INTO search_queue (kind, record_id) SELECT ${kind}, id FROM ${table}`).run();
      }
      sql.setVersion.run(INDEX_VERSION);
      return true;
    }),
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
