// Search across meetings over the index of search-index.ts: passes over the FTS5 tables from the strongest kind
// of match to the weakest, stopping once enough meetings are ranked; then passages for the meetings kept only.
import {
  ftsExpression, ftsPhrase, exactTokens, matchText, passageAround, queryTokens,
  type SearchGroup, type SearchHit, type SearchKind, type SearchResults,
} from '../../shared/search.ts';
import type { Db } from './db.ts';
import { createSearchIndex, kindOf, meetingOf, passageHash, passagesOf } from './search-index.ts';

export interface SearchOptions {
  /** Meetings returned, at most. */
  meetings?: number;
  /** Passages shown per meeting, at most. */
  perMeeting?: number;
}

/** Passages examined per pass, newest meetings first; beyond it the result says `truncated`. */
const EXAMINED = 20_000;
/** Indexing a search does before it runs, at most; the rest is left to the indexer in the background. */
const CATCH_UP_MS = 150;

/**
 * Tiers, best first: the words together (phrase) before apart; whole words before the last one as a prefix;
 * accents as typed before without. For one word, "together" and "apart" are the same passes.
 */
const Tier = { PhraseExact: 0, Phrase: 1, PrefixPhraseExact: 2, PrefixPhrase: 3, WordsExact: 4, Words: 5, PrefixWords: 6 } as const;

interface Ranked {
  tier: number;
  /** Passages at the best tier. */
  count: number;
  /** Passages matching at any tier examined (at least). */
  total: number;
  /** The best few passages: [tier, rowid]. */
  top: [number, number][];
}

const TEXTS: Record<SearchKind, string> = {
  meeting: "SELECT '' AS header, title AS body FROM meetings WHERE id = ?",
  site: "SELECT '' AS header, name || CASE WHEN location <> '' THEN ', ' || location ELSE '' END AS body FROM sites WHERE id = ?",
  attendee: `SELECT '' AS header, full_name || CASE WHEN positions <> '' THEN ', ' || positions ELSE '' END
    || CASE WHEN unit <> '' THEN ', ' || unit ELSE '' END AS body FROM attendees WHERE id = ?`,
  speech: 'SELECT speaker_name AS header, content AS body FROM speeches WHERE id = ?',
  conclusion: "SELECT '' AS header, content AS body FROM conclusions WHERE id = ?",
};

export function createSearch(db: Db) {
  const index = createSearchIndex(db);
  index.checkVersion();
  const folded = db.prepare('SELECT rowid FROM search_folded WHERE search_folded MATCH ? ORDER BY rowid DESC LIMIT ?').pluck();
  const exact = db.prepare('SELECT rowid FROM search_exact WHERE search_exact MATCH ? ORDER BY rowid DESC LIMIT ?').pluck();
  const doc = db.prepare('SELECT record_id AS id, hash FROM search_docs WHERE id = ?');
  const meetings = db.prepare('SELECT id, title, date FROM meetings WHERE id IN (SELECT value FROM json_each(?))');
  const texts = Object.fromEntries(Object.entries(TEXTS).map(([kind, text]) => [kind, db.prepare(text)])) as Record<SearchKind, ReturnType<Db['prepare']>>;

  /** Catches up with recent writes unless the store is read-only (then the index is as it is). */
  function catchUp(): number {
    try {
      return index.update({ budgetMs: CATCH_UP_MS });
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_READONLY')) return index.pending();
      throw error;
    }
  }

  /** The passage of a record that the index matched (its text may have changed since: then the best one now). */
  function passage(kind: SearchKind, rowid: number, query: string): { id: number; text: string } | null {
    const found = doc.get(rowid) as { id: number; hash: number } | undefined;
    if (!found) return null;
    const row = texts[kind].get(found.id) as { header: string; body: string } | undefined;
    if (!row) return null;
    const all = passagesOf(row.header, row.body);
    const text = all.find((p) => passageHash(p) === found.hash) ?? all.find((p) => matchText(p, query)) ?? null;
    return text === null ? null : { id: found.id, text };
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
      const many = tokens.length > 1;
      let truncated = false;
      const run = (statement: typeof folded, expression: string | null): number[] => {
        if (!expression) return [];
        const rows = statement.all(expression, EXAMINED) as number[];
        if (rows.length >= EXAMINED) truncated = true;
        return rows;
      };

      const ranked = new Map<number, Ranked>();
      const note = (rowid: number, tier: number) => {
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
      };
      /** Notes the rows of one pass; `seen` holds the rows of earlier passes, noted there already. */
      const seen = new Set<number>();
      const pass = (rows: number[], tierOf: (rowid: number) => number) => {
        for (const rowid of rows) {
          if (seen.has(rowid)) continue;
          seen.add(rowid);
          note(rowid, tierOf(rowid));
        }
      };
      const enough = (tier: number) => {
        let n = 0;
        for (const entry of ranked.values()) if (entry.tier <= tier && ++n >= maxMeetings) return true;
        return false;
      };

      const exactAll = new Set(run(exact, ftsExpression(keys)));
      if (many) {
        pass(run(folded, ftsPhrase(tokens)), (r) => (exactAll.has(r) ? Tier.PhraseExact : Tier.Phrase));
        if (!enough(Tier.Phrase)) {
          const exactLead = new Set(run(exact, ftsExpression(keys.slice(0, -1))));
          pass(run(folded, ftsPhrase(tokens, true)), (r) => (exactLead.has(r) ? Tier.PrefixPhraseExact : Tier.PrefixPhrase));
        }
        if (!enough(Tier.PrefixPhrase)) pass([...exactAll], () => Tier.WordsExact);
        if (!enough(Tier.WordsExact)) pass(run(folded, ftsExpression(tokens)), () => Tier.Words);
        if (!enough(Tier.Words)) pass(run(folded, ftsExpression(tokens, true)), () => Tier.PrefixWords);
      } else {
        pass([...exactAll], () => Tier.PhraseExact);
        if (!enough(Tier.PhraseExact)) pass(run(folded, ftsExpression(tokens)), () => Tier.Phrase);
        if (!enough(Tier.Phrase)) pass(run(folded, ftsExpression(tokens, true)), () => Tier.PrefixPhrase);
      }

      // Rank by tier and passages at that tier; only meetings tied with the last one kept need their dates.
      const order = [...ranked.entries()].sort(([, a], [, b]) => a.tier - b.tier || b.count - a.count);
      const last = order[Math.min(maxMeetings, order.length) - 1]?.[1];
      let end = Math.min(maxMeetings, order.length);
      while (last && end < order.length && order[end]?.[1].tier === last.tier && order[end]?.[1].count === last.count) end++;
      const candidates = order.slice(0, end);
      const info = new Map((meetings.all(JSON.stringify(candidates.map(([id]) => id))) as { id: number; title: string; date: string | null }[])
        .map((m) => [m.id, m]));
      const kept = candidates.filter(([id]) => info.has(id))
        .sort(([ia, a], [ib, b]) => a.tier - b.tier || b.count - a.count
          || (info.get(ib)?.date ?? '').localeCompare(info.get(ia)?.date ?? '') || ib - ia)
        .slice(0, maxMeetings);

      const groups: SearchGroup[] = kept.map(([meetingId, entry]) => {
        const hits: SearchHit[] = [];
        for (const [tier, rowid] of entry.top) {
          const kind = kindOf(rowid);
          const found = kind ? passage(kind, rowid, query) : null;
          if (!kind || !found) continue;
          const match = matchText(found.text, query);
          hits.push({ kind, id: found.id, passage: passageAround(found.text, match?.ranges ?? []), exact: match?.exact ?? tier === Tier.PhraseExact });
        }
        hits.sort((a, b) => Number(b.exact) - Number(a.exact));
        const meeting = info.get(meetingId);
        return { meetingId, title: meeting?.title ?? '', date: meeting?.date ?? null, hits, hitCount: entry.total };
      });
      return { query, groups, truncated, pending };
    },
  };
}

export type Search = ReturnType<typeof createSearch>;
