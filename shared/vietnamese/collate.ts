// Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
// letters first, then tones (ngang, huyền, hỏi, ngã, sắc, nặng), then case.

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const TONE_ORDER: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

interface Key {
  letters: number[];
  tones: number[];
  raw: string;
}

/** Each character's place in the alphabet and its tone, worked out once per character. */
const CHARS = new Map<string, [letter: number, tone: number]>();
function charKey(char: string): [number, number] {
  let known = CHARS.get(char);
  if (known) return known;
  const parts = [...char.normalize('NFD')];
  const tone = parts.find((c) => c in TONE_ORDER);
  const base = parts.filter((c) => !(c in TONE_ORDER)).join('').normalize('NFC').replace('ð', 'đ');
  const at = ALPHABET.indexOf(base);
  // Space before every letter; other characters after the alphabet, by code point.
  known = [base === ' ' ? 0 : at >= 0 ? at + 1 : 100 + (base.codePointAt(0) ?? 0), tone ? (TONE_ORDER[tone] ?? 0) : 0];
  if (CHARS.size < 10_000) CHARS.set(char, known);
  return known;
}

function keyOf(text: string): Key {
  const letters: number[] = [];
  const tones: number[] = [];
  for (const char of text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()) {
    const [letter, tone] = charKey(char);
    letters.push(letter);
    tones.push(tone);
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

const compareKeys = (ka: Key, kb: Key): number =>
  compareArrays(ka.letters, kb.letters) || compareArrays(ka.tones, kb.tones) || (ka.raw < kb.raw ? -1 : ka.raw > kb.raw ? 1 : 0);

/** Compares two strings in Vietnamese alphabetical order. */
export function compareVietnamese(a: string, b: string): number {
  return compareKeys(keyOf(a), keyOf(b));
}

/** The given name: the last word of a Vietnamese full name. */
export const givenName = (fullName: string): string => fullName.trim().split(/\s+/).pop() ?? '';

/** Compares full names by given name first, then by the whole name, as Vietnamese name lists are ordered. */
export function compareByGivenName(a: string, b: string): number {
  return compareVietnamese(givenName(a), givenName(b)) || compareVietnamese(a, b);
}

export type NameOrder = 'entered' | 'full' | 'given';

/** A copy of the items sorted by name: as entered, by full name, or by given name (each name's key worked out once). */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string, order: NameOrder): T[] {
  if (order === 'entered') return [...items];
  const keyed = items.map((item) => {
    const name = nameOf(item);
    return { item, full: keyOf(name), given: order === 'given' ? keyOf(givenName(name)) : null };
  });
  keyed.sort((x, y) => (x.given && y.given ? compareKeys(x.given, y.given) : 0) || compareKeys(x.full, y.full));
  return keyed.map(({ item }) => item);
}
