// Full-text search across meetings: the result shapes and the pure matching helpers shared by the
// store, the command-line tool and the screens.
import { accentIndexed, foldIndexed, foldWithMap, indexedWords } from './vietnamese/fold.ts';

export const SEARCH_KINDS = ['meeting', 'site', 'attendee', 'speech', 'conclusion'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  meeting: 'Tiêu đề',
  site: 'Điểm cầu',
  attendee: 'Đại biểu',
  speech: 'Phát biểu',
  conclusion: 'Kết luận',
};

/** A passage of text with the matched parts as [start, end) ranges; the screen escapes and marks them. */
export interface Passage {
  text: string;
  ranges: [number, number][];
}

export interface SearchHit {
  kind: SearchKind;
  /** Id of the record (meeting, site, attendee, speech, conclusion). */
  id: number;
  passage: Passage;
  /** The accents match as typed (tone placement aside). */
  exact: boolean;
}

export interface SearchGroup {
  meetingId: number;
  title: string;
  date: string | null;
  hits: SearchHit[];
  /** Matching records in this meeting among those examined (hits shows the first few). */
  hitCount: number;
}

export interface SearchResults {
  query: string;
  groups: SearchGroup[];
  /** More matches exist than were examined. */
  truncated: boolean;
  /** Records written but not indexed yet (after a large import or a new folding): they may be missing. */
  pending: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The query's words, folded as the index folds them ("Hội  nghị" → ["hoi", "nghi"]). */
export const queryTokens = (query: string): string[] => indexedWords(foldIndexed(query));

/** The query's words as accent keys (accents and spelling as typed, tone placement aside). */
export const exactTokens = (query: string): string[] => indexedWords(accentIndexed(query));

const quoted = (token: string) => `"${token.replace(/"/g, '""')}"`;

/** An FTS5 expression: every word, in any order; with `prefix`, the last one as a prefix (typing "hoi ngh" already finds). */
export function ftsExpression(tokens: readonly string[], prefix = false): string | null {
  if (tokens.length === 0) return null;
  return tokens.map((t, i) => `${quoted(t)}${prefix && i === tokens.length - 1 ? '*' : ''}`).join(' ');
}

/** An FTS5 phrase: the words together, in order; with `prefix`, the last one as a prefix. */
export function ftsPhrase(tokens: readonly string[], prefix = false): string | null {
  if (tokens.length === 0) return null;
  return `${quoted(tokens.join(' '))}${prefix ? '*' : ''}`;
}

const WORD_END = '(?![\\p{L}\\p{N}])';
const WORD_START = '(?<![\\p{L}\\p{N}])';

export interface TextMatch {
  ranges: [number, number][];
  /** The matched letters carry the query's accents (tone placement aside). */
  exact: boolean;
  /** The words are together, in order. */
  phrase: boolean;
}

/**
 * Where the query matches a text, best first: the whole phrase, the phrase with the last word as a prefix,
 * then each word's first occurrence at a word start. Accent-insensitive. Compiled once for many texts.
 */
export function textMatcher(query: string): (text: string) => TextMatch | null {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return () => null;
  const wanted = exactTokens(query);
  const word = (i: number, prefix: boolean) => `${escapeRegExp(tokens[i] ?? '')}${prefix && i === tokens.length - 1 ? '' : WORD_END}`;
  const phrases = [false, true].map((prefix) => new RegExp(`${WORD_START}${tokens.map((_, i) => word(i, prefix)).join('[^\\p{L}\\p{N}]+')}`, 'u'));
  const words = tokens.map((_, i) => [new RegExp(`${WORD_START}${word(i, false)}`, 'u'), new RegExp(`${WORD_START}${word(i, true)}`, 'u')] as const);
  return (text) => {
    const { folded, origin } = foldWithMap(text);
    const span = (start: number, end: number): [number, number] => [origin(start), origin(end)];
    const isExact = (ranges: [number, number][]) =>
      wanted.length === ranges.length && ranges.every(([s, e], i) => accentIndexed(text.slice(s, e)).trim() === wanted[i]);
    for (const regex of phrases) {
      const phrase = regex.exec(folded);
      if (!phrase) continue;
      // One range per word, so that each can be checked for its accents.
      const ranges: [number, number][] = [];
      const inner = /[\p{L}\p{N}]+/gu;
      inner.lastIndex = phrase.index;
      for (let i = 0; i < tokens.length; i++) {
        const found = inner.exec(folded);
        if (!found) break;
        const end = i === tokens.length - 1 ? found.index + (tokens[i]?.length ?? 0) : found.index + found[0].length;
        ranges.push(span(found.index, end));
      }
      // The phrase marked as one stretch, signs between its words included (35-KL/TW, 12/15).
      const whole: [number, number] = [ranges[0]?.[0] ?? 0, ranges[ranges.length - 1]?.[1] ?? 0];
      return { ranges: [whole], exact: isExact(ranges), phrase: true };
    }
    const ranges: [number, number][] = [];
    for (const [i, [whole, prefix]] of words.entries()) {
      const found = whole.exec(folded) ?? prefix.exec(folded);
      if (!found) return null;
      ranges.push(span(found.index, found.index + (tokens[i]?.length ?? 0)));
    }
    return { ranges, exact: isExact(ranges), phrase: false };
  };
}

/** textMatcher() for one text. */
export const matchText = (text: string, query: string): TextMatch | null => textMatcher(query)(text);

/** A passage of at most about `width` characters around the first range, cut at word boundaries. */
export function passageAround(text: string, ranges: readonly [number, number][], width = 160): Passage {
  const flat = /[^\S ]/.test(text) ? text.replace(/\s/g, ' ') : text;
  // Words of a phrase marked as one stretch.
  const merged: [number, number][] = [];
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && /^\s*$/.test(flat.slice(last[1], s))) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  ranges = merged;
  if (flat.length <= width || ranges.length === 0) return { text: flat, ranges: [...ranges] };
  const first = ranges.reduce((min, r) => Math.min(min, r[0]), flat.length);
  let start = Math.max(0, first - Math.floor(width / 3));
  let end = Math.min(flat.length, start + width);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  if (end < flat.length) end = flat.lastIndexOf(' ', end) > first ? flat.lastIndexOf(' ', end) : end;
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: `${prefix}${flat.slice(start, end)}${suffix}`,
    ranges: ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift]),
  };
}
