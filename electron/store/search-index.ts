// Keeps the search index in step with the records. Triggers in plain SQL queue every record whose searchable
// text changed (migration "search index written by the app…"); update() folds the queued records and writes
// their passages, re-indexing only the passages whose text changed. Any writer, a bulk import included, only
// writes rows: the queue fills in the same transaction, and the index catches up when update() runs.
import { createHash } from 'node:crypto';
import { FOLD_VERSION, accentIndexed, foldIndexed } from '../../shared/vietnamese/fold.ts';
import type { SearchKind } from '../../shared/search.ts';
import type { Db } from './db.ts';

/** What the index holds for a text; a different value in the store re-indexes every record. */
export const INDEX_VERSION = `fold ${FOLD_VERSION}, passages 1`;

/** Kinds as stored in the queue and in rowids, fixed by the migration. */
const KIND_CODES: Record<SearchKind, number> = { meeting: 1, site: 2, attendee: 3, speech: 4, conclusion: 5 };
const KINDS = Object.keys(KIND_CODES) as SearchKind[];
const KIND_OF = new Map(KINDS.map((kind) => [KIND_CODES[kind], kind]));

// Rowid of a passage: meeting id * 2^24 + kind * 2^21 + n, so a match names its meeting and kind without a lookup.
const MEETING_UNIT = 2 ** 24;
const KIND_UNIT = 2 ** 21;
/** Meetings with a larger id are not indexed: their rowids would pass JavaScript's safe integers. */
const MAX_MEETING_ID = 2 ** 29 - 1;
export const meetingOf = (rowid: number): number => Math.floor(rowid / MEETING_UNIT);
export const kindOf = (rowid: number): SearchKind | undefined => KIND_OF.get(Math.floor(rowid / KIND_UNIT) % 8);

/** A record's searchable text: a header written before each passage (the speaker of a speech) and a body. */
export interface RecordText {
  meetingId: number;
  header: string;
  body: string;
}

const SOURCES: Record<SearchKind, { table: string; meeting: string; header: string; body: string }> = {
  meeting: { table: 'meetings', meeting: 'id', header: "''", body: 'title' },
  site: { table: 'sites', meeting: 'meeting_id', header: "''", body: "name || CASE WHEN location <> '' THEN ', ' || location ELSE '' END" },
  attendee: {
    table: 'attendees',
    meeting: 'meeting_id',
    header: "''",
    body: "full_name || CASE WHEN positions <> '' THEN ', ' || positions ELSE '' END || CASE WHEN unit <> '' THEN ', ' || unit ELSE '' END",
  },
  speech: { table: 'speeches', meeting: 'meeting_id', header: 'speaker_name', body: 'content' },
  conclusion: { table: 'conclusions', meeting: 'meeting_id', header: "''", body: 'content' },
};

/** Paragraphs longer than this are cut after a sentence. */
const LONG = 2000;
const SENTENCE = /[^.!?…;]*(?:[.!?…;]+\s*|$)/gu;

/** Cut after this sentence? Decided by its content, so that the same cuts fall after an edit elsewhere. */
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
export const passageHash = (text: string): number => createHash('sha1').update(INDEX_VERSION).update('\n').update(text).digest().readUIntBE(0, 6);

export interface UpdateOptions {
  /** Records indexed at most (all when absent). */
  limit?: number;
  /** Stop after this long (milliseconds), between batches; one batch is always done. */
  budgetMs?: number;
  /** Called after each batch with the records indexed so far and the records waiting when update() began. */
  onProgress?(done: number, total: number): void;
}

const BATCH = 500;
const ids = (list: readonly number[]) => JSON.stringify(list);

export function createSearchIndex(db: Db) {
  const sql = {
    pending: db.prepare('SELECT count(*) FROM search_queue').pluck(),
    queued: db.prepare('SELECT kind, record_id AS id FROM search_queue ORDER BY kind DESC, record_id DESC LIMIT ?'),
    dequeue: db.prepare('DELETE FROM search_queue WHERE kind = ? AND record_id = ?'),
    docsOf: db.prepare('SELECT id, record_id AS recordId, hash FROM search_docs WHERE kind = ? AND record_id IN (SELECT value FROM json_each(?))'),
    lastDoc: db.prepare('SELECT max(id) FROM search_docs WHERE id BETWEEN ? AND ?').pluck(),
    freeDoc: db
      .prepare(
        `SELECT d.id + 1 FROM search_docs d WHERE d.id BETWEEN ? AND ?
      AND NOT EXISTS (SELECT 1 FROM search_docs WHERE id = d.id + 1) LIMIT 1`,
      )
      .pluck(),
    addDoc: db.prepare('INSERT INTO search_docs (id, kind, record_id, hash) VALUES (?, ?, ?, ?)'),
    addFolded: db.prepare('INSERT INTO search_folded (rowid, words) VALUES (?, ?)'),
    addExact: db.prepare('INSERT INTO search_exact (rowid, words) VALUES (?, ?)'),
    removeDoc: db.prepare('DELETE FROM search_docs WHERE id = ?'),
    removeFolded: db.prepare('DELETE FROM search_folded WHERE rowid = ?'),
    removeExact: db.prepare('DELETE FROM search_exact WHERE rowid = ?'),
    version: db.prepare('SELECT version FROM search_state WHERE id = 1').pluck(),
    setVersion: db.prepare('UPDATE search_state SET version = ? WHERE id = 1'),
    queueAll: KINDS.map((kind) =>
      db.prepare(`INSERT OR IGNORE INTO search_queue (kind, record_id) SELECT ${KIND_CODES[kind]}, id FROM ${SOURCES[kind].table}`),
    ),
  };
  const texts = Object.fromEntries(
    KINDS.map((kind) => {
      const { table, meeting, header, body } = SOURCES[kind];
      return [
        kind,
        db.prepare(`SELECT id, ${meeting} AS meetingId, ${header} AS header, ${body} AS body FROM ${table}
      WHERE id IN (SELECT value FROM json_each(?))`),
      ];
    }),
  ) as Record<SearchKind, ReturnType<Db['prepare']>>;

  /** The searchable texts of records of one kind, by id (absent: deleted). */
  const records = (kind: SearchKind, list: readonly number[]): Map<number, RecordText> =>
    new Map((texts[kind].all(ids(list)) as (RecordText & { id: number })[]).map((r) => [r.id, r]));

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

  /** Writes the passages of records of one kind as they now are; those whose text did not change stay. */
  function indexRecords(kind: SearchKind, list: readonly number[]): void {
    const code = KIND_CODES[kind];
    const found = records(kind, list);
    const existing = new Map<number, { id: number; hash: number }[]>();
    for (const doc of sql.docsOf.all(code, ids(list)) as { id: number; recordId: number; hash: number }[]) {
      let list = existing.get(doc.recordId);
      if (!list) existing.set(doc.recordId, (list = []));
      list.push(doc);
    }
    for (const id of list) {
      const record = found.get(id);
      const docs = existing.get(id) ?? [];
      const meetingId = record?.meetingId ?? 0;
      if (!record || !(meetingId > 0 && meetingId <= MAX_MEETING_ID)) {
        for (const doc of docs) removeDoc(doc.id);
        continue;
      }
      const wanted = new Map<number, string>();
      for (const text of passagesOf(record.header, record.body)) wanted.set(passageHash(text), text);
      for (const doc of docs) {
        if (meetingOf(doc.id) === meetingId && wanted.has(doc.hash)) wanted.delete(doc.hash);
        else removeDoc(doc.id);
      }
      for (const [hash, text] of wanted) {
        const rowid = allocate(meetingId, code);
        sql.addDoc.run(rowid, code, id, hash);
        sql.addFolded.run(rowid, foldIndexed(text));
        sql.addExact.run(rowid, accentIndexed(text));
      }
    }
  }

  const batch = db.transaction((size: number) => {
    const queued = sql.queued.all(size) as { kind: number; id: number }[];
    for (const kind of KINDS) {
      const list = queued.filter((q) => q.kind === KIND_CODES[kind]).map((q) => q.id);
      if (list.length > 0) indexRecords(kind, list);
    }
    for (const { kind, id } of queued) sql.dequeue.run(kind, id);
    return queued.length;
  });

  return {
    records,

    /** Records waiting to be indexed. */
    pending: (): number => sql.pending.get() as number,

    /** Indexes waiting records, in transactions of a few hundred (each kept if a later one fails); returns those still waiting. */
    update(options: UpdateOptions = {}): number {
      const { limit = Infinity, budgetMs = Infinity, onProgress } = options;
      const started = performance.now();
      const total = onProgress ? (sql.pending.get() as number) : 0;
      let done = 0;
      // One batch at least, then more while the budget lasts.
      while (done < limit) {
        const count = batch(Math.min(BATCH, limit - done));
        if (count === 0) break;
        done += count;
        onProgress?.(done, total);
        if (performance.now() - started >= budgetMs) break;
      }
      return sql.pending.get() as number;
    },

    /**
     * When the index was built by another version of the folding, empties it and queues every record: the rebuild
     * a new version brings, resumable since the queue is in the store. Built afresh, it is twice as fast as
     * replacing passage by passage and leaves no deleted entries behind; until it is done, searches say so.
     */
    checkVersion: db.transaction((): boolean => {
      if (sql.version.get() === INDEX_VERSION) return false;
      db.exec(`DELETE FROM search_docs;
        INSERT INTO search_folded (search_folded) VALUES ('delete-all');
        INSERT INTO search_exact (search_exact) VALUES ('delete-all');`);
      for (const statement of sql.queueAll) statement.run();
      sql.setVersion.run(INDEX_VERSION);
      return true;
    }),
  };
}

export type SearchIndex = ReturnType<typeof createSearchIndex>;
