// Search across meetings over the index of search-index.ts: passes over the FTS5 tables from the strongest kind
// of match to the weakest, each reading the newest meetings first and stopping once enough meetings are ranked;
// then passages for the meetings kept only.
import {
  exactTokens,
  ftsExpression,
  ftsPhrase,
  passageAround,
  queryTokens,
  textMatcher,
  type SearchGroup,
  type SearchHit,
  type SearchKind,
  type SearchResults,
} from '../../shared/search.ts';
import type { Db } from './db.ts';
import { createSearchIndex, kindOf, meetingOf, passageHash, passagesOf } from './search-index.ts';

export interface SearchOptions {
  /** Meetings returned, at most. */
  meetings?: number;
  /** Passages shown per meeting, at most. */
  perMeeting?: number;
}

/** Passages examined per pass at most; beyond it the result says `truncated`. */
const EXAMINED = 50_000;
/** Indexing a search does before it runs, at most; the rest is left to the indexer in the background. */
const CATCH_UP_MS = 150;

/**
 * Tiers, best first: the words together, in order, before apart; accents as typed (whole words) before without;
 * the last word whole before as a prefix (typing "hoi ngh" already finds). One word: the same without "together".
 * The whole-word passes come first for speed too: FTS5 reads them lazily and they stop at the meetings needed,
 * while a prefix longer than the prefix indexes is read whole.
 */
const Tier = { PhraseExact: 0, Phrase: 1, PrefixPhrase: 2, WordsExact: 3, Words: 4, PrefixWords: 5 } as const;

interface Ranked {
  tier: number;
  /** Passages at the best tier. */
  count: number;
  /** Passages matching at any tier examined (at least). */
  total: number;
  /** The best few passages: [tier, rowid]. */
  top: [number, number][];
}

export function createSearch(db: Db) {
  const index = createSearchIndex(db);
  index.checkVersion();
  const newestFirst = (table: string) => db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid < ? ORDER BY rowid DESC LIMIT ?`).pluck();
  const folded = newestFirst('search_folded');
  const exact = newestFirst('search_exact');
  const docs = db.prepare('SELECT id, record_id AS recordId, hash FROM search_docs WHERE id IN (SELECT value FROM json_each(?))');
  const meetings = db.prepare('SELECT id, title, date FROM meetings WHERE id IN (SELECT value FROM json_each(?))');

  /** Catches up with recent writes unless the store is read-only (then the index is as it is). */
  function catchUp(): number {
    try {
      return index.update({ budgetMs: CATCH_UP_MS });
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_READONLY')) return index.pending();
      throw error;
    }
  }

  return {
    index,

    /** Meetings whose title, sites, people, speeches or conclusions match the query, best first. */
    search(query: string, options: SearchOptions = {}): SearchResults {
      const { meetings: maxMeetings = 50, perMeeting = 3 } = options;
      const tokens = queryTokens(query);
      if (tokens.length === 0) return { query, groups: [], truncated: false, pending: 0 };
      const pending = catchUp();
      const keys = exactTokens(query);
      let truncated = false;

      /**
       * The rows of one pass, the meeting entered last first (a rowid starts with its meeting id), up to the rows
       * of `maxMeetings` meetings: enough to fill the page at this tier, where they are then ranked by matches and
       * date; a word found in more meetings than that says `truncated`.
       */
      const rows = (statement: typeof folded, expression: string | null): number[] => {
        if (!expression) return [];
        const found: number[] = [];
        let meetingCount = 0;
        let current = -1;
        // In slices, each read at once (cheaper than a row at a time), each sized from the rows a meeting had so
        // far, so as to read little past the last meeting needed.
        for (let before = Number.MAX_SAFE_INTEGER, size = 64; ;) {
          const slice = statement.all(expression, before, size) as number[];
          for (const rowid of slice) {
            const meeting = meetingOf(rowid);
            if (meeting !== current && ++meetingCount > maxMeetings) {
              truncated = true;
              return found;
            }
            current = meeting;
            found.push(rowid);
          }
          if (slice.length < size) return found;
          if (found.length >= EXAMINED) {
            truncated = true;
            return found;
          }
          before = slice[slice.length - 1] ?? 0;
          const perMeetingSoFar = found.length / Math.max(1, meetingCount);
          size = Math.min(16_384, Math.max(64, Math.ceil((maxMeetings + 1 - meetingCount) * perMeetingSoFar * 1.25)));
        }
      };

      const ranked = new Map<number, Ranked>();
      const seen = new Set<number>();
      /** Notes the rows of one pass that no earlier (better) pass noted. */
      const pass = (found: number[], tier: number) => {
        for (const rowid of found) {
          if (seen.has(rowid)) continue;
          seen.add(rowid);
          const meeting = meetingOf(rowid);
          let entry = ranked.get(meeting);
          if (!entry) ranked.set(meeting, (entry = { tier, count: 0, total: 0, top: [] }));
          entry.total++;
          if (tier < entry.tier) Object.assign(entry, { tier, count: 0 });
          if (tier === entry.tier) entry.count++;
          if (entry.top.length < perMeeting || tier < (entry.top[perMeeting - 1]?.[0] ?? Infinity)) {
            entry.top.push([tier, rowid]);
            entry.top.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
            if (entry.top.length > perMeeting) entry.top.pop();
          }
        }
      };
      const enough = (tier: number) => {
        let n = 0;
        for (const entry of ranked.values()) if (entry.tier <= tier && ++n >= maxMeetings) return true;
        return false;
      };

      const many = tokens.length > 1;
      const passes: [number, () => number[]][] = many
        ? [
            [Tier.PhraseExact, () => rows(exact, ftsPhrase(keys))],
            [Tier.Phrase, () => rows(folded, ftsPhrase(tokens))],
            [Tier.PrefixPhrase, () => rows(folded, ftsPhrase(tokens, true))],
            [Tier.WordsExact, () => rows(exact, ftsExpression(keys))],
            [Tier.Words, () => rows(folded, ftsExpression(tokens))],
            [Tier.PrefixWords, () => rows(folded, ftsExpression(tokens, true))],
          ]
        : [
            [Tier.PhraseExact, () => rows(exact, ftsExpression(keys))],
            [Tier.Phrase, () => rows(folded, ftsExpression(tokens))],
            [Tier.PrefixPhrase, () => rows(folded, ftsExpression(tokens, true))],
          ];
      for (const [index, [tier, read]] of passes.entries()) {
        pass(read(), tier);
        if (!enough(tier)) continue;
        // Weaker passes not read may hold more.
        truncated ||= index < passes.length - 1 || ranked.size > maxMeetings;
        break;
      }

      // Rank by tier and passages at that tier; only meetings tied with the last one kept need their dates.
      const order = [...ranked.entries()].sort(([, a], [, b]) => a.tier - b.tier || b.count - a.count);
      let end = Math.min(maxMeetings, order.length);
      const last = order[end - 1]?.[1];
      while (last && end < order.length && order[end]?.[1].tier === last.tier && order[end]?.[1].count === last.count) end++;
      const candidates = order.slice(0, end);
      const info = new Map(
        (meetings.all(JSON.stringify(candidates.map(([id]) => id))) as { id: number; title: string; date: string | null }[]).map((m) => [m.id, m]),
      );
      const kept = candidates
        .filter(([id]) => info.has(id))
        .sort(([ia, a], [ib, b]) => a.tier - b.tier || b.count - a.count || (info.get(ib)?.date ?? '').localeCompare(info.get(ia)?.date ?? '') || ib - ia)
        .slice(0, maxMeetings);

      const match = textMatcher(query);
      const passages = passagesFor(kept.flatMap(([, entry]) => entry.top.map(([, rowid]) => rowid)));
      const groups: SearchGroup[] = kept.map(([meetingId, entry]) => {
        const hits: SearchHit[] = [];
        for (const [tier, rowid] of entry.top) {
          const found = passages.get(rowid);
          // One passage for each record: the best (a long speech may match in several).
          if (!found || hits.some((h) => h.kind === found.kind && h.id === found.id)) continue;
          const matched = match(found.text);
          hits.push({
            kind: found.kind,
            id: found.id,
            passage: passageAround(found.text, matched?.ranges ?? []),
            exact: matched?.exact ?? tier === Tier.PhraseExact,
          });
        }
        hits.sort((a, b) => Number(b.exact) - Number(a.exact));
        const meeting = info.get(meetingId);
        return { meetingId, title: meeting?.title ?? '', date: meeting?.date ?? null, hits, hitCount: entry.total };
      });
      return { query, groups, truncated, pending };

      /** The passages the index matched, by rowid, read in one query per kind (a text changed since: its best passage now). */
      function passagesFor(rowids: number[]): Map<number, { kind: SearchKind; id: number; text: string }> {
        const out = new Map<number, { kind: SearchKind; id: number; text: string }>();
        const found = docs.all(JSON.stringify(rowids)) as { id: number; recordId: number; hash: number }[];
        const byKind = new Map<SearchKind, typeof found>();
        for (const doc of found) {
          const kind = kindOf(doc.id);
          if (!kind) continue;
          let list = byKind.get(kind);
          if (!list) byKind.set(kind, (list = []));
          list.push(doc);
        }
        for (const [kind, list] of byKind) {
          const records = index.records(
            kind,
            list.map((d) => d.recordId),
          );
          for (const doc of list) {
            const record = records.get(doc.recordId);
            if (!record) continue;
            const all = passagesOf(record.header, record.body);
            const text = (all.length === 1 ? all[0] : all.find((p) => passageHash(p) === doc.hash)) ?? all.find((p) => match(p));
            if (text !== undefined) out.set(doc.id, { kind, id: doc.recordId, text });
          }
        }
        return out;
      }
    },
  };
}

export type Search = ReturnType<typeof createSearch>;
