// Accent-insensitive matching of Vietnamese names: "nguyen van thong", "thong" and "nvt" all find
// "Nguyễn Văn Thông". Small on purpose; search proper will move to shared/.

/** Lower case, without diacritics, đ → d, white space folded. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Searchable {
  /** fold(name) */
  key: string;
  words: string[];
  initials: string;
}

export function searchable(name: string): Searchable {
  const key = fold(name);
  const words = key.split(' ').filter(Boolean);
  return { key, words, initials: words.map((w) => w[0] ?? '').join('') };
}

/**
 * How well a typed query matches a name: 0 best … 4 worst, or null for no match.
 * Whole-name prefix, then the given name (last word), then each typed word starting a name word
 * in order, then anywhere, then initials.
 */
export function matchScore(query: string, target: Searchable): number | null {
  const q = fold(query);
  if (!q) return null;
  if (target.key.startsWith(q)) return 0;
  const last = target.words[target.words.length - 1] ?? '';
  if (last.startsWith(q)) return 1;
  const typed = q.split(' ');
  let from = 0;
  let inOrder = true;
  for (const part of typed) {
    const at = target.words.findIndex((w, i) => i >= from && w.startsWith(part));
    if (at < 0) {
      inOrder = false;
      break;
    }
    from = at + 1;
  }
  if (inOrder) return 2;
  if (target.key.includes(q)) return 3;
  const compact = q.replace(/ /g, '');
  if (compact.length >= 2 && target.initials.startsWith(compact)) return 4;
  return null;
}

/** The items matching the query, best first, at most `limit`. */
export function rankMatches<T>(query: string, items: readonly T[], keyOf: (item: T) => Searchable, limit = 8): T[] {
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = matchScore(query, keyOf(item));
    if (score !== null) scored.push({ item, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
}
