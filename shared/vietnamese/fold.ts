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
const NON_ASCII = /[^\x00-\x7F]/u; // eslint-disable-line no-control-regex
const NON_ASCII_ALL = /[^\x00-\x7F]/gu; // eslint-disable-line no-control-regex
const SPACES = /\s+/g;

/** Lookalike, and its lower case → the Latin letter it stands for, folded (fold lower-cases first). */
const FOLD_LOOKALIKES = new Map<string, string>();
for (const [found, letter] of LOOKALIKE_LETTERS) {
  const folded = letter.toLowerCase().replace('đ', 'd');
  FOLD_LOOKALIKES.set(found.toLowerCase(), folded);
  FOLD_LOOKALIKES.set(found, folded);
}

const FOLDED_CHARS = new Map<string, string>();

/** One lower-case character folded: no marks, đ → d, lookalikes to their letter, invisible characters removed. */
function foldChar(char: string): string {
  let part = FOLDED_CHARS.get(char);
  if (part !== undefined) return part;
  if (isInvisible(char)) part = '';
  else part = FOLD_LOOKALIKES.get(char) ?? char.normalize('NFD').replace(MARKS, '').replace(/[đð]/g, 'd').toLowerCase();
  if (FOLDED_CHARS.size < 20_000) FOLDED_CHARS.set(char, part);
  return part;
}

/**
 * i and y are one vowel when they are the whole rhyme after a consonant or "qu" (kĩ/kỹ, lí/lý, quí/quý):
 * Quy định chính tả tiếng Việt (Bộ Giáo dục, QĐ 240/QĐ 1984; QĐ 1989/QĐ-BGDĐT 2018, mục 2). Never "tuy", "uy".
 */
const I_Y = /(?<![\p{L}\p{N}])(b|ch|c|d|gh|g|h|kh|k|l|m|ngh|ng|nh|n|ph|p|qu|r|s|th|tr|t|v|x)y(?![\p{L}\p{N}])/gu;

/** Lower case, without diacritics, đ → d, i/y unified, white space folded: "Hội  nghị Kỹ thuật" → "hoi nghi ki thuat". */
export function fold(text: string): string {
  let folded = text.toLowerCase();
  if (NON_ASCII.test(folded)) folded = folded.replace(NON_ASCII_ALL, foldChar);
  folded = folded.replace(SPACES, ' ').trim();
  return folded.includes('y') ? folded.replace(I_Y, '$1i') : folded;
}

/**
 * fold() keeping where each folded character came from: `map[i]` is the index in `text` of folded
 * character i (and `map[folded.length]` is text.length), so a match in the folded text can be marked in the original.
 * White space is not collapsed here, to keep the mapping simple.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = char.charCodeAt(0) < 0x80 ? char.toLowerCase() : foldChar(char.toLowerCase());
    folded += part;
    for (let i = 0; i < part.length; i++) map.push(index);
    index += char.length;
  }
  map.push(text.length);
  return { folded: folded.includes('y') ? folded.replace(I_Y, '$1i') : folded, map };
}

/** The five tone marks (huyền, sắc, ngã, hỏi, nặng). */
const TONE_MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const SEPARATOR = ' ';
const TONE_SET = new Set(TONE_MARKS);
const LOOKALIKE_CLASS = `[${[...LOOKALIKE_LETTERS.keys()].join('')}]`;
const HAS_LOOKALIKE = new RegExp(LOOKALIKE_CLASS, 'u');
const LOOKALIKE_ALL = new RegExp(LOOKALIKE_CLASS, 'gu');
const TOKEN_CHAR = /^[\p{L}\p{M}\p{N}]+$/u;

/** Lower-case character → its folded form for the index: '' (invisible), ' ' (not part of a word) or letters. */
const INDEX_FOLDED = new Map<string, string>();
function indexFoldChar(char: string): string {
  let part = INDEX_FOLDED.get(char);
  if (part !== undefined) return part;
  const letter = FOLD_LOOKALIKES.get(char) ?? char;
  part = isInvisible(char) ? '' : TOKEN_CHAR.test(letter) ? foldChar(letter) : SEPARATOR;
  if (INDEX_FOLDED.size < 20_000) INDEX_FOLDED.set(char, part);
  return part;
}

/** Lower-case NFC character → [its letter without the tone mark, the tone mark]; [' ', ''] outside words. */
const INDEX_ACCENTED = new Map<string, readonly [string, string]>();
function indexAccentChar(char: string): readonly [string, string] {
  let entry = INDEX_ACCENTED.get(char);
  if (entry !== undefined) return entry;
  if (isInvisible(char)) entry = ['', ''];
  else if (!TOKEN_CHAR.test(char)) entry = [SEPARATOR, ''];
  else {
    const parts = [...char.normalize('NFD')];
    entry = [parts.filter((c) => !TONE_SET.has(c)).join('').normalize('NFC'), parts.filter((c) => TONE_SET.has(c)).join('')];
  }
  if (INDEX_ACCENTED.size < 20_000) INDEX_ACCENTED.set(char, entry);
  return entry;
}

const isAsciiWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/** The character of `text` starting at `i` (two code units for a surrogate pair). */
const charAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 0xD800 && code < 0xDC00 && i + 1 < text.length ? text.slice(i, i + 2) : (text[i] ?? '');
};

/**
 * fold() for the search index and its queries: every character that is not a letter, mark or digit becomes
 * a space (not collapsed), so that the index and the query split words the same way. Lookalikes folded too.
 */
export function foldIndexed(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (isAsciiWordChar(code) || code === 32) continue;
    out += lower.slice(from, i);
    if (code < 0x80) out += SEPARATOR;
    else {
      const char = charAt(lower, i);
      out += indexFoldChar(char);
      i += char.length - 1;
    }
    from = i + 1;
  }
  out = from === 0 ? lower : out + lower.slice(from);
  return out.includes('y') ? out.replace(I_Y, '$1i') : out;
}

/**
 * The accent key of the same words as foldIndexed(): accents and spelling kept, lower case, lookalikes replaced,
 * invisible characters removed, and tone placement ignored: each word's tone mark is moved after it, so "hòa" and
 * "hoà" agree and "hóa" does not. A key, not for display.
 */
export function accentIndexed(text: string): string {
  const composed = (NON_ASCII.test(text) && HAS_LOOKALIKE.test(text) ? text.replace(LOOKALIKE_ALL, (c) => LOOKALIKE_LETTERS.get(c) ?? c) : text)
    .normalize('NFC').toLowerCase();
  let out = '';
  let from = 0;
  let tone = '';
  for (let i = 0; i < composed.length; i++) {
    const code = composed.charCodeAt(i);
    if (isAsciiWordChar(code)) continue;
    out += composed.slice(from, i);
    const char = code < 0x80 ? SEPARATOR : charAt(composed, i);
    const [letter, mark] = code < 0x80 ? [SEPARATOR, ''] : indexAccentChar(char);
    if (letter === SEPARATOR) {
      out += tone + SEPARATOR;
      tone = '';
    } else {
      out += letter;
      tone += mark;
    }
    i += char.length - 1;
    from = i + 1;
  }
  return from === 0 ? composed : out + composed.slice(from) + tone;
}

/** The words of an indexed text ("Hội  nghị" → ["hội", "nghị"] as keys). */
export const indexedWords = (indexed: string): string[] => indexed.split(SEPARATOR).filter(Boolean);

/** True when the text carries any Vietnamese diacritic (or đ). */
export function hasDiacritics(text: string): boolean {
  return /[\p{M}đĐ]/u.test(text.normalize('NFD'));
}
