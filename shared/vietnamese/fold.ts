// Folding of Vietnamese text for matching: one implementation for the store, the CLI and the screens.
import { isInvisible } from '../text.ts';
import { LOOKALIKE_LETTERS } from './lookalike.ts';

/**
 * The version of what fold(), foldIndexed() and accentIndexed() return. The search index stores the version it
 * was built with and re-indexes every record when it differs (electron/store/search-index.ts), so bump it with
 * any change to their results; test/vietnamese/fold-version.test.ts fails until you do.
 * 1: accents, đ, case, tone placement. 2: i/y as the whole rhyme, invisible characters, Cyrillic and Greek lookalikes.
 */
export const FOLD_VERSION = 2;

const MARKS = /\p{M}/gu;
const SPACES = /\s+/g;
/** White space other than single spaces between words. */
const UNUSUAL_SPACE = /\s\s|[^\S ]|^\s|\s$/;
const SEPARATOR = ' ';
const TOKEN_CHAR = /^[\p{L}\p{M}\p{N}]+$/u;

/** The character of `text` starting at `i` (two code units for a surrogate pair). */
const charAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code < 0xdc00 && i + 1 < text.length ? text.slice(i, i + 2) : (text[i] ?? '');
};

/** Lookalike, and its lower case → the Latin letter it stands for, folded (fold lower-cases first). */
const FOLD_LOOKALIKES = new Map<string, string>();
for (const [found, letter] of LOOKALIKE_LETTERS) {
  const folded = letter.toLowerCase().replace('đ', 'd');
  FOLD_LOOKALIKES.set(found.toLowerCase(), folded);
  FOLD_LOOKALIKES.set(found, folded);
}

/** One lower-case character folded: no marks, đ → d, lookalikes to their letter, invisible characters removed. */
const foldChar = (char: string): string =>
  isInvisible(char) ? '' : (FOLD_LOOKALIKES.get(char) ?? char.normalize('NFD').replace(MARKS, '').replace(/[đð]/g, 'd').toLowerCase());
/** The same for the index: besides, a character that is not a letter, mark or digit separates words. */
const indexChar = (char: string): string => (isInvisible(char) ? '' : TOKEN_CHAR.test(FOLD_LOOKALIKES.get(char) ?? char) ? foldChar(char) : SEPARATOR);
/** For the accent key: invisible characters removed, separators as for the index, anything else kept. */
const accentChar = (char: string): string => (isInvisible(char) ? '' : TOKEN_CHAR.test(char) ? char : SEPARATOR);

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** TextDecoder exists in every runtime shared/ runs in (Node, Chromium) but in neither ES library's types. */
type Utf16Decoder = { decode(input: Uint16Array): string };
const UTF16 = new (globalThis as unknown as { TextDecoder: new (label: string) => Utf16Decoder }).TextDecoder('utf-16le');

/**
 * A character mapping applied to lower-case text. Fast when every character maps to exactly one (a table by code
 * and one decode); otherwise character by character, and positions move.
 */
function characterMap(map: (char: string) => string) {
  const table = new Uint16Array(0x10000); // 0: not looked up yet; 0xFFFF: not one character
  const cache = new Map<string, string>();
  let buffer = new Uint16Array(512);
  const slow = (char: string) => {
    let part = cache.get(char);
    if (part === undefined) {
      part = map(char);
      if (cache.size < 20_000) cache.set(char, part);
    }
    return part;
  };
  /** The mapped text when no character changes length, else null. */
  function sameLength(lower: string): string | null {
    if (buffer.length < lower.length) buffer = new Uint16Array(lower.length * 2);
    for (let i = 0; i < lower.length; i++) {
      const code = lower.charCodeAt(i);
      let to = table[code] ?? 0;
      if (to === 0) {
        const part = code >= 0xd800 && code < 0xe000 ? '' : map(String.fromCharCode(code));
        to = part.length === 1 ? part.charCodeAt(0) : 0xffff;
        table[code] = to;
      }
      if (to === 0xffff) return null;
      buffer[i] = to;
    }
    const used = buffer.subarray(0, lower.length);
    return LITTLE_ENDIAN ? UTF16.decode(used) : String.fromCharCode(...used);
  }
  /** Each character of `text` with where it starts, mapped. */
  function each(text: string, visit: (part: string, at: number) => void): void {
    for (let i = 0; i < text.length; i++) {
      const char = charAt(text, i);
      visit(slow(char), i);
      i += char.length - 1;
    }
  }
  return {
    sameLength,
    each,
    apply(lower: string): string {
      const same = sameLength(lower);
      if (same !== null) return same;
      let out = '';
      each(lower, (part) => (out += part));
      return out;
    },
  };
}

const FOLD = characterMap(foldChar);
const INDEX = characterMap(indexChar);
const ACCENT = characterMap(accentChar);

/**
 * i and y are one vowel when they are the whole rhyme after a consonant or "qu" (kĩ/kỹ, lí/lý, quí/quý):
 * Quy định chính tả tiếng Việt (Bộ Giáo dục, QĐ 240/QĐ 1984; QĐ 1989/QĐ-BGDĐT 2018, mục 2). Never "tuy", "uy".
 */
const ONSETS = new Set([
  'b',
  'ch',
  'c',
  'd',
  'gh',
  'g',
  'h',
  'kh',
  'k',
  'l',
  'm',
  'ngh',
  'ng',
  'nh',
  'n',
  'ph',
  'p',
  'qu',
  'r',
  's',
  'th',
  'tr',
  't',
  'v',
  'x',
]);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isWordChar = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 0x80 && LETTER_OR_DIGIT.test(charAt(text, i)));
};
const isAsciiLetter = (code: number) => code >= 97 && code <= 122;

/** Folded text with y → i where y is the whole rhyme after an onset: "ky thuat" → "ki thuat"; "tuy" stays. */
function unifyIY(folded: string): string {
  let out = '';
  let from = 0;
  for (let at = folded.indexOf('y'); at >= 0; at = folded.indexOf('y', at + 1)) {
    if (at + 1 < folded.length && isWordChar(folded, at + 1)) continue;
    let start = at;
    while (start > 0 && at - start < 3 && isAsciiLetter(folded.charCodeAt(start - 1))) start--;
    if (start === at || (start > 0 && isWordChar(folded, start - 1)) || !ONSETS.has(folded.slice(start, at))) continue;
    out += `${folded.slice(from, at)}i`;
    from = at + 1;
  }
  return from === 0 ? folded : out + folded.slice(from);
}

/** Lower case, without diacritics, đ → d, i/y unified, white space folded: "Hội  nghị Kỹ thuật" → "hoi nghi ki thuat". */
export function fold(text: string): string {
  const folded = FOLD.apply(text.toLowerCase());
  return unifyIY(UNUSUAL_SPACE.test(folded) ? folded.replace(SPACES, ' ').trim() : folded);
}

/**
 * fold() keeping where each folded character came from: `origin(i)` is the index in `text` of folded character i
 * (and `origin(folded.length)` is text.length), so a match in the folded text can be marked in the original.
 * White space is not collapsed here, to keep the mapping simple.
 */
export function foldWithMap(text: string): { folded: string; origin(index: number): number } {
  const lower = text.toLowerCase();
  const same = lower.length === text.length ? FOLD.sameLength(lower) : null;
  if (same !== null) return { folded: unifyIY(same), origin: (index) => Math.min(index, text.length) };
  let folded = '';
  const map: number[] = [];
  // Character by character from the original, so that positions stay the original's.
  FOLD.each(text, (part, at) => {
    const lowered = part.toLowerCase();
    folded += lowered;
    for (let k = 0; k < lowered.length; k++) map.push(at);
  });
  map.push(text.length);
  return { folded: unifyIY(folded), origin: (index) => map[index] ?? text.length };
}

/**
 * fold() for the search index and its queries: every character that is not a letter, mark or digit becomes
 * a space (not collapsed), so that the index and the query split words the same way.
 */
export const foldIndexed = (text: string): string => unifyIY(INDEX.apply(text.toLowerCase()));

const LOOKALIKE_CLASS = `[${[...LOOKALIKE_LETTERS.keys()].join('')}]`;
const HAS_LOOKALIKE = new RegExp(LOOKALIKE_CLASS, 'u');
const LOOKALIKE_ALL = new RegExp(LOOKALIKE_CLASS, 'gu');

/** The five tone marks in the order of 'òóỏõọ': huyền, sắc, hỏi, ngã, nặng. */
const TONE_MARKS_BY_ORDER = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/**
 * The old and the new tone placement differ only in open syllables ending in oa, oe, uy: hòa/hoà, khỏe/khoẻ,
 * thủy/thuỷ. The key takes the new one (the tone on the main vowel: Quy định chính tả, QĐ 1989/QĐ-BGDĐT 2018).
 */
const OLD_PLACEMENT = /([òóỏõọùúủũụ])([aey])(?![\p{L}\p{M}\p{N}])/gu;
const TONE_OF = new Map<string, [string, string]>();
for (const [vowel, toned] of [
  ['o', 'òóỏõọ'],
  ['u', 'ùúủũụ'],
] as const) {
  [...toned].forEach((char, i) => TONE_OF.set(char, [vowel, TONE_MARKS_BY_ORDER[i] ?? '']));
}
function newPlacement(match: string, first: string, second: string): string {
  const [vowel, tone] = TONE_OF.get(first) ?? ['', ''];
  if ((vowel === 'o' && second === 'y') || (vowel === 'u' && second !== 'y')) return match;
  return `${vowel}${`${second}${tone}`.normalize('NFC')}`;
}

/**
 * The accent key of the same words as foldIndexed(): accents and spelling kept, lower case, NFC, lookalikes
 * replaced, invisible characters removed, the tone placed one way ("hòa" and "hoà" agree, "hóa" does not).
 */
export function accentIndexed(text: string): string {
  const ascii = !/[^\x00-\x7F]/.test(text); // eslint-disable-line no-control-regex
  const letters = ascii || !HAS_LOOKALIKE.test(text) ? text : text.replace(LOOKALIKE_ALL, (c) => LOOKALIKE_LETTERS.get(c) ?? c);
  const key = ACCENT.apply(letters.normalize('NFC').toLowerCase());
  return ascii ? key : key.replace(OLD_PLACEMENT, newPlacement);
}

/** The words of an indexed text ("hội  nghị" → ["hội", "nghị"]). */
export const indexedWords = (indexed: string): string[] => indexed.split(SEPARATOR).filter(Boolean);

/** True when the text carries any Vietnamese diacritic (or đ). */
export function hasDiacritics(text: string): boolean {
  return /[\p{M}đĐ]/u.test(text.normalize('NFD'));
}
