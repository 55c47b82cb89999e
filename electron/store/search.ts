// The full-text index: an FTS5 table over two copies of every searchable text — folded (no accents,
// đ → d, lower case) and canonical (accents kept, tone placement unified) — kept in step by triggers,
// so that every write, from any repository or service, updates it in the same transaction.
import { canonical, fold } from '../../shared/vietnamese/fold.ts';
import {
  SEARCH_KINDS, exactTokens, ftsExpression, matchText, passageAround, queryTokens,
  type SearchGroup, type SearchHit, type SearchKind, type SearchResults,
} from '../../shared/search.ts';
import type { Db } from './db.ts';

/** The SQL functions the index triggers call; registered on every connection that may write. */
export function registerSearchFunctions(db: Db): void {
  db.function('bb_fold', { deterministic: true }, (text: unknown) => fold(String(text ?? '')));
  db.function('bb_canon', { deterministic: true }, (text: unknown) => canonical(String(text ?? '')));
}

interface Source {
  kind: SearchKind;
  table: string;
  /** The searchable text of a row, as an SQL expression over columns prefixed with `p`. */
  text(p: string): string;
  /** Columns whose change re-indexes the row. */
  columns: string[];
}

const joined = (p: string, first: string, ...rest: string[]) =>
  [`${p}${first}`, ...rest.map((c) => `CASE WHEN ${p}${c} <> '' THEN ', ' || ${p}${c} ELSE '' END`)].join(' || ');

const SOURCES: Source[] = [
  { kind: 'meeting', table: 'meetings', text: (p) => `${p}title`, columns: ['title'] },
  { kind: 'site', table: 'sites', text: (p) => joined(p, 'name', 'location'), columns: ['name', 'location'] },
  { kind: 'attendee', table: 'attendees', text: (p) => joined(p, 'full_name', 'positions', 'unit'), columns: ['full_name', 'positions', 'unit'] },
  {
    kind: 'speech', table: 'speeches', columns: ['speaker_name', 'content'],
    text: (p) => `CASE WHEN ${p}speaker_name <> '' THEN ${p}speaker_name || ': ' ELSE '' END || ${p}content`,
  },
  { kind: 'conclusion', table: 'conclusions', text: (p) => `${p}content`, columns: ['content'] },
];
const CODE = (kind: SearchKind) => SEARCH_KINDS.indexOf(kind) + 1;
/** The index row of a record: its id times 8 plus the kind's code. */
const rowid = (p: string, kind: SearchKind) => `${p}id * 8 + ${CODE(kind)}`;

/**
 * The schema of the index (migration 3): table, triggers, and the rows already in the store.
 * Frozen with that migration: a change to SOURCES needs a new migration that rebuilds the index.
 */
export function createSearchIndex(db: Db): void {
  registerSearchFunctions(db);
  db.exec(`CREATE VIRTUAL TABLE search_index USING fts5(
    folded, exact, meeting_id UNINDEXED, kind UNINDEXED, tokenize = 'unicode61 remove_diacritics 0')`);
  for (const s of SOURCES) {
    const meeting = s.kind === 'meeting' ? 'id' : 'meeting_id';
    const insert = (p: string) => `INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
      VALUES (${rowid(p, s.kind)}, bb_fold(${s.text(p)}), bb_canon(${s.text(p)}), ${p}${meeting}, ${CODE(s.kind)});`;
    const remove = `DELETE FROM search_index WHERE rowid = ${rowid('OLD.', s.kind)};`;
    db.exec(`
      CREATE TRIGGER search_${s.table}_insert AFTER INSERT ON ${s.table} BEGIN ${insert('NEW.')} END;
      CREATE TRIGGER search_${s.table}_update AFTER UPDATE OF ${s.columns.join(', ')} ON ${s.table} BEGIN ${remove} ${insert('NEW.')} END;
      CREATE TRIGGER search_${s.table}_delete AFTER DELETE ON ${s.table} BEGIN ${remove} END;
      INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
        SELECT ${rowid('', s.kind)}, bb_fold(${s.text('')}), bb_canon(${s.text('')}), ${meeting}, ${CODE(s.kind)} FROM ${s.table};
    `);
  }
}

export interface SearchOptions {
  /** Meetings returned, at most. */
  meetings?: number;
  /** Passages shown per meeting, at most. */
  perMeeting?: number;
}

/** Index rows examined per query; beyond it the result says `truncated`. */
const EXAMINED = 1000;

export function createSearch(db: Db) {
  const match = db.prepare(`SELECT rowid AS id, meeting_id AS meetingId FROM search_index WHERE search_index MATCH ? LIMIT ${EXAMINED + 1}`);
  const texts = Object.fromEntries(SOURCES.map((s) => [s.kind, db.prepare(`SELECT ${s.text('')} AS text FROM ${s.table} WHERE id = ?`).pluck()]));
  const meeting = db.prepare('SELECT title, date FROM meetings WHERE id = ?');

  return {
    /** Meetings whose title, sites, people, speeches or conclusions match the query, best first. */
    search(query: string, options: SearchOptions = {}): SearchResults {
      const { meetings: maxMeetings = 50, perMeeting = 3 } = options;
      const tokens = queryTokens(query);
      if (tokens.length === 0) return { query, groups: [], truncated: false };
      // Passes, best first: the words with their accents, the words without, the last word as a prefix.
      const passes = [
        ['exact', ftsExpression(exactTokens(query))],
        ['folded', ftsExpression(tokens)],
        ['folded', ftsExpression(tokens, true)],
      ] as const;
      const seen = new Map<number, { meetingId: number; tier: number }>();
      let truncated = false;
      passes.forEach(([column, expression], tier) => {
        if (!expression || seen.size > EXAMINED) return;
        const rows = match.all(`${column} : (${expression})`) as { id: number; meetingId: number }[];
        if (rows.length > EXAMINED) truncated = true;
        for (const row of rows) if (!seen.has(row.id)) seen.set(row.id, { meetingId: row.meetingId, tier });
      });
      const byMeeting = new Map<number, { rows: { id: number; tier: number }[]; best: number; bestCount: number }>();
      for (const [id, { meetingId, tier }] of seen) {
        const entry = byMeeting.get(meetingId) ?? { rows: [], best: tier, bestCount: 0 };
        entry.rows.push({ id, tier });
        if (tier < entry.best) Object.assign(entry, { best: tier, bestCount: 0 });
        if (tier === entry.best) entry.bestCount++;
        byMeeting.set(meetingId, entry);
      }
      const groups: SearchGroup[] = [];
      const ordered = [...byMeeting.entries()].map(([meetingId, entry]) => {
        const info = meeting.get(meetingId) as { title: string; date: string | null } | undefined;
        return { meetingId, entry, info };
      }).filter((g) => g.info)
        .sort((a, b) => a.entry.best - b.entry.best || b.entry.bestCount - a.entry.bestCount || b.entry.rows.length - a.entry.rows.length
          || (b.info?.date ?? '').localeCompare(a.info?.date ?? '') || b.meetingId - a.meetingId);
      for (const { meetingId, entry, info } of ordered.slice(0, maxMeetings)) {
        const hits: SearchHit[] = [];
        const rows = [...entry.rows].sort((a, b) => a.tier - b.tier || (a.id % 8) - (b.id % 8) || a.id - b.id);
        for (const row of rows) {
          if (hits.length >= perMeeting) break;
          const kind = SEARCH_KINDS[(row.id % 8) - 1];
          if (!kind) continue;
          const text = String(texts[kind]?.get(Math.floor(row.id / 8)) ?? '');
          const found = matchText(text, query);
          hits.push({
            kind,
            id: Math.floor(row.id / 8),
            passage: passageAround(text, found?.ranges ?? []),
            exact: found?.exact ?? row.tier === 0,
          });
        }
        hits.sort((a, b) => Number(b.exact) - Number(a.exact));
        groups.push({ meetingId, title: info?.title ?? '', date: info?.date ?? null, hits, hitCount: entry.rows.length });
      }
      return { query, groups, truncated };
    },
  };
}

export type Search = ReturnType<typeof createSearch>;
