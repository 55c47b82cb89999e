// Accent-insensitive matching of names: "nguyen van thong", "thong" and "nvt" all find "Nguyễn Văn Thông".
import { accentIndexed, fold, indexedWords } from './fold.ts';

export interface Searchable {
  name: string;
  /** fold(name) */
  key: string;
  words: string[];
  initials: string;
}

export function searchable(name: string): Searchable {
  const key = fold(name);
  const words = key.split(' ').filter(Boolean);
  return { name, key, words, initials: words.map((w) => w[0] ?? '').join('') };
}

/**
 * True when each typed part, in order, starts a later word of the name or spells the initials of
 * consecutive words: "tran mai", "nvt", "lt thang" all match "Lê Tiến Thắng"-style names.
 */
function partsMatch(parts: readonly string[], words: readonly string[], from = 0): boolean {
  const [part, ...rest] = parts;
  if (part === undefined) return true;
  for (let at = from; at < words.length; at++) {
    if (words[at]?.startsWith(part) && partsMatch(rest, words, at + 1)) return true;
    if (part.length > 1 && at + part.length <= words.length
      && words.slice(at, at + part.length).every((w, i) => w[0] === part[i]) && partsMatch(rest, words, at + part.length)) return true;
  }
  return false;
}

/**
 * How well a typed query matches a name: 0 best … 3 worst, or null for no match.
 * Whole-name prefix, then the given name (last word), then word starts and initials in order,
 * then anywhere in the name.
 */
export function matchScore(query: string, target: Searchable): number | null {
  const q = fold(query);
  if (!q) return null;
  if (target.key.startsWith(q)) return 0;
  const last = target.words[target.words.length - 1] ?? '';
  if (last.startsWith(q)) return 1;
  if (partsMatch(q.split(' '), target.words)) return 2;
  if (target.key.includes(q)) return 3;
  return null;
}

/** The items matching the query, best first, at most `limit`; among equals, the spelling as typed first (Lý before Lí for "lý"). */
export function rankMatches<T>(query: string, items: readonly T[], keyOf: (item: T) => Searchable, limit = 8): T[] {
  const typed = indexedWords(accentIndexed(query));
  const scored: { item: T; score: number; spelled: boolean; index: number }[] = [];
  items.forEach((item, index) => {
    const target = keyOf(item);
    const score = matchScore(query, target);
    if (score === null) return;
    const words = indexedWords(accentIndexed(target.name));
    scored.push({ item, score, spelled: typed.every((t) => words.some((w) => w.startsWith(t))), index });
  });
  scored.sort((a, b) => a.score - b.score || Number(b.spelled) - Number(a.spelled) || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
}
