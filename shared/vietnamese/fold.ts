// Folding of Vietnamese text for matching: one implementation for the store, the CLI and the screens.

const MARKS = /\p{M}/gu;
/** The five tone marks, as combining characters (huyền, sắc, ngã, hỏi, nặng). */
/** Đ and its lookalikes (Ð eth, Ɖ African D) fold to d. */
const D_LIKE = /[đĐðÐɖƉ]/g;

function foldChars(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(D_LIKE, 'd').toLowerCase();
}

/** Lower case, without diacritics, đ → d, white space folded: "Hội  nghị" → "hoi nghi". */
export function fold(text: string): string {
  return foldChars(text).replace(/\s+/g, ' ').trim();
}

const FOLDED_CHARS = new Map<string, string>();

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
    let part = FOLDED_CHARS.get(char);
    if (part === undefined) {
      part = foldChars(char);
      if (FOLDED_CHARS.size < 10_000) FOLDED_CHARS.set(char, part);
    }
    folded += part;
    for (let i = 0; i < part.length; i++) map.push(index);
    index += char.length;
  }
  map.push(text.length);
  return { folded, map };
}

const VOWELS = 'aăâeêioôơuưy';
const MARKED_VOWELS = 'ăâêôơư';

/** Where the tone mark goes in a toneless, lower-case, NFC syllable (new style: hoà, thuỷ, khoá); -1 when no vowel. */
function tonePosition(syllable: string): number {
  const chars = [...syllable];
  let start = 0;
  if (syllable.startsWith('qu')) start = 2;
  else if (syllable.startsWith('gi') && chars.slice(2).some((c) => VOWELS.includes(c))) start = 2;
  const vowels: number[] = [];
  for (let i = start; i < chars.length; i++) {
    if (VOWELS.includes(chars[i] ?? '')) vowels.push(i);
    else if (vowels.length > 0) break;
  }
  if (vowels.length === 0) return syllable.startsWith('gi') ? 1 : -1;
  const marked = vowels.filter((i) => MARKED_VOWELS.includes(chars[i] ?? ''));
  if (marked.length > 0) return marked[marked.length - 1] ?? -1;
  const last = vowels[vowels.length - 1] ?? -1;
  if (vowels.length === 1 || last < chars.length - 1) return last;
  const cluster = vowels.map((i) => chars[i]).join('');
  if (cluster.endsWith('oa') || cluster.endsWith('oe') || cluster.endsWith('uy')) return last;
  return vowels.length === 3 ? (vowels[1] ?? -1) : (vowels[0] ?? -1);
}

const TONE_MARKS = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
/** Toned vowel → its toneless vowel and tone; toneless vowel + tone → toned vowel (lower case, NFC). */
const TONED = new Map<string, { base: string; tone: string }>();
const COMPOSE = new Map<string, string>();
for (const base of VOWELS) {
  for (const tone of TONE_MARKS) {
    const toned = `${base}${tone}`.normalize('NFC');
    TONED.set(toned, { base, tone });
    COMPOSE.set(`${base}${tone}`, toned);
  }
}

/** One lower-case NFC word with its tone mark moved to the canonical vowel. */
function placeTone(word: string): string {
  const chars = [...word];
  let at = -1;
  let tone = '';
  for (let i = 0; i < chars.length; i++) {
    const found = TONED.get(chars[i] ?? '');
    if (!found) continue;
    if (at >= 0) return word; // two tone marks: not a syllable, left alone
    at = i;
    tone = found.tone;
    chars[i] = found.base;
  }
  if (at < 0) return word;
  const target = tonePosition(chars.join(''));
  if (target < 0 || target === at) return word;
  chars[target] = COMPOSE.get(`${chars[target] ?? ''}${tone}`) ?? chars[target] ?? '';
  return chars.join('');
}

/**
 * Accent-preserving key: NFC, lower case, tone marks placed one way ("hòa" and "hoà" give the same key),
 * white space folded. Two texts with the same key read the same.
 */
export function canonical(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()
    .replace(/[^\x00-\x7F]/.test(text) ? /[\p{L}\p{M}]+/gu : /(?!)/g, placeTone); // eslint-disable-line no-control-regex
}

/** True when the text carries any Vietnamese diacritic (or đ). */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.toLowerCase().replace(/\s+/g, ' ').trim();
}
