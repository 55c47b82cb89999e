// Matching of names as typed: "nguyen van thong", "thong" and "nvt" all find "Nguyễn Văn Thông", and
// accents typed count: "Hòa" offers Hòa (or Hoà) before Hoa and Hóa.
//
// The ranking, best first:
//   1. names that agree with every accent typed (all names, when none is typed);
//   2. names that match only once accents are ignored;
//   3. names matched by their initials ("nvt").
// Within each tier: the given name being what was typed ("hoa": Nguyễn Thị Hoa), then the whole name
// starting with it (Hoàng Văn Nam), then the given name starting with it, then the starts of words in
// order, then anywhere in the name. Ties keep the order of the items given (the speaker picker
// gives the attendees in Vietnamese alphabetical order of their names, which the suggestions show).
import { accentIndexed, foldIndexed, indexedWords } from './fold.ts';

/**
 * A word folded (no accents, i/y unified) and as written (lower case, tone placed one way, spelling kept);
 * `marked` is '' when they do not line up.
 */
interface Word {
  folded: string;
  marked: string;
}

export interface Searchable {
  /** The name folded, its words joined by single spaces. */
  key: string;
  words: string[];
  initials: string;
  /** The words with their accents, aligned letter by letter with `words`. */
  marked: Word[];
}

function wordsOf(text: string): Word[] {
  const folded = indexedWords(foldIndexed(text));
  const marked = indexedWords(accentIndexed(text));
  const aligned = marked.length === folded.length && marked.every((w, i) => w.length === folded[i]?.length);
  return folded.map((f, i) => ({ folded: f, marked: aligned ? (marked[i] ?? '') : '' }));
}

export function searchable(name: string): Searchable {
  const marked = wordsOf(name);
  const words = marked.map((w) => w.folded);
  return { key: words.join(' '), words, initials: words.map((w) => w[0] ?? '').join(''), marked };
}

/** A letter carries an accent (or is đ): "ý", "ơ", "đ"; not "y" (which folds to i in some words). */
const accentedLetter = (letter: string): boolean => letter === 'đ' || letter.normalize('NFD').length > 1;

/**
 * True when every accented letter of the query word is the same letter, with the same accents, in the name at
 * `at` (so "lý" agrees with Lý, not with Lí).
 */
function agrees(query: Word, name: Word, at = 0): boolean {
  if (!query.marked || !name.marked) return false;
  for (let i = 0; i < query.marked.length; i++) {
    const typed = query.marked[i] ?? '';
    if (accentedLetter(typed) && name.marked[at + i] !== typed) return false;
  }
  return true;
}

const starts = (query: Word, name: Word, strict: boolean) => name.folded.startsWith(query.folded) && (!strict || agrees(query, name));

/** Each typed word, in order, starts a later word of the name. */
function wordStarts(parts: readonly Word[], words: readonly Word[], strict: boolean, from = 0): boolean {
  const [part, ...rest] = parts;
  if (part === undefined) return true;
  for (let at = from; at < words.length; at++) {
    const word = words[at];
    if (word && starts(part, word, strict) && wordStarts(rest, words, strict, at + 1)) return true;
  }
  return false;
}

/** As wordStarts, where a typed word may also spell the initials of consecutive words ("nvt", "lt thang"). */
function initialsMatch(parts: readonly string[], words: readonly string[], from = 0): boolean {
  const [part, ...rest] = parts;
  if (part === undefined) return true;
  for (let at = from; at < words.length; at++) {
    if (words[at]?.startsWith(part) && initialsMatch(rest, words, at + 1)) return true;
    if (
      part.length > 1 &&
      at + part.length <= words.length &&
      words.slice(at, at + part.length).every((w, i) => w[0] === part[i]) &&
      initialsMatch(rest, words, at + part.length)
    )
      return true;
  }
  return false;
}

function joined(words: readonly Word[]): Word {
  return { folded: words.map((w) => w.folded).join(' '), marked: words.every((w) => w.marked) ? words.map((w) => w.marked).join(' ') : '' };
}

/** How the query matches, as a kind (0 the given name … 4 anywhere), or null. */
function kindOf(query: readonly Word[], target: Searchable, strict: boolean): number | null {
  const whole = joined(query);
  const name = joined(target.marked);
  const given = target.marked[target.marked.length - 1];
  const one = query.length === 1 && given !== undefined;
  if (one && given.folded === whole.folded && starts(whole, given, strict)) return 0;
  if (starts(whole, name, strict)) return 1;
  if (one && starts(whole, given, strict)) return 2;
  if (wordStarts(query, target.marked, strict)) return 3;
  for (let at = name.folded.indexOf(whole.folded); at >= 0; at = name.folded.indexOf(whole.folded, at + 1)) {
    if (!strict || agrees(whole, name, at)) return 4;
  }
  return null;
}

const KINDS = 5;

/**
 * How well a typed query matches a name: 0 best, or null for no match. The score is the tier (accents
 * agreeing, accent-free, initials) times 5 plus the kind of match within it.
 */
export function matchScore(query: string, target: Searchable): number | null {
  const typed = wordsOf(query);
  if (typed.length === 0) return null;
  const accented = typed.some((w) => [...w.marked].some(accentedLetter));
  if (accented) {
    const strict = kindOf(typed, target, true);
    if (strict !== null) return strict;
  }
  const loose = kindOf(typed, target, false);
  if (loose !== null) return (accented ? KINDS : 0) + loose;
  return initialsMatch(
    typed.map((w) => w.folded),
    target.words,
  )
    ? 2 * KINDS
    : null;
}

/** The items matching the query, best first (ties in the order given), at most `limit`. */
export function rankMatches<T>(query: string, items: readonly T[], keyOf: (item: T) => Searchable, limit = 8): T[] {
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = matchScore(query, keyOf(item));
    if (score !== null) scored.push({ item, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
}
