// Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
// letters first, then tones (ngang, huyền, hỏi, ngã, sắc, nặng), then case.

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const TONE_ORDER: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

interface Key {
  letters: number[];
  tones: number[];
  raw: string;
}

function keyOf(text: string): Key {
  const letters: number[] = [];
  const tones: number[] = [];
  for (const char of text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()) {
    const parts = [...char.normalize('NFD')];
    const tone = parts.find((c) => c in TONE_ORDER);
    const base = parts.filter((c) => !(c in TONE_ORDER)).join('').normalize('NFC').replace('ð', 'đ');
    const at = ALPHABET.indexOf(base);
    // Space before every letter; other characters after the alphabet, by code point.
    letters.push(base === ' ' ? 0 : at >= 0 ? at + 1 : 100 + (base.codePointAt(0) ?? 0));
    tones.push(tone ? (TONE_ORDER[tone] ?? 0) : 0);
  }
  return { letters, tones, raw: text.normalize('NFC') };
}

function compareArrays(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** Compares two strings in Vietnamese alphabetical order. */
export function compareVietnamese(a: string, b: string): number {
  const ka = keyOf(a);
  const kb = keyOf(b);
  return compareArrays(ka.letters, kb.letters) || compareArrays(ka.tones, kb.tones) || (ka.raw < kb.raw ? -1 : ka.raw > kb.raw ? 1 : 0);
}

/** The given name: the last word of a Vietnamese full name. */
export const givenName = (fullName: string): string => fullName.trim().split(/\s+/).pop() ?? '';

/** Compares full names by given name first, then by the whole name, as Vietnamese name lists are ordered. */
export function compareByGivenName(a: string, b: string): number {
  return compareVietnamese(givenName(a), givenName(b)) || compareVietnamese(a, b);
}

export type NameOrder = 'entered' | 'full' | 'given';

/** A copy of the items sorted by name: as entered, by full name, or by given name. */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string, order: NameOrder): T[] {
  if (order === 'entered') return [...items];
  const compare = order === 'given' ? compareByGivenName : compareVietnamese;
  return [...items].sort((x, y) => compare(nameOf(x), nameOf(y)));
}
