// The legacy Vietnamese encodings of old Word files, as they arrive pasted or in CSV/Excel cells:
// TCVN3 (ABC, .VnTime fonts) and VNI-Windows, both read as Windows-1252 characters.
// Written by hand: no well-kept npm library detects them (the one converter on npm is a two-release
// package from 2026 without detection), and the tables are small and fixed by the standards.

export type LegacyEncoding = 'tcvn3' | 'vni';

// Tones in table order: none, sắc, huyền, hỏi, ngã, nặng.
const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/** The six forms of each base vowel, in table order. */
const unicodeRow = (base: string) => TONE_MARKS.map((tone) => `${base}${tone}`.normalize('NFC'));

// TCVN3: one character per letter; toned capitals do not exist (the .VnTimeH fonts show the small letters as capitals).
const TCVN3_ROWS: Record<string, string> = {
  a: 'a\u00B8\u00B5\u00B6\u00B7\u00B9',
  ă: '\u00A8\u00BE\u00BB\u00BC\u00BD\u00C6',
  â: '\u00A9\u00CA\u00C7\u00C8\u00C9\u00CB',
  e: 'e\u00D0\u00CC\u00CE\u00CF\u00D1',
  ê: '\u00AA\u00D5\u00D2\u00D3\u00D4\u00D6',
  i: 'i\u00DD\u00D7\u00D8\u00DC\u00DE',
  o: 'o\u00E3\u00DF\u00E1\u00E2\u00E4',
  ô: '\u00AB\u00E8\u00E5\u00E6\u00E7\u00E9',
  ơ: '\u00AC\u00ED\u00EA\u00EB\u00EC\u00EE',
  u: 'u\u00F3\u00EF\u00F1\u00F2\u00F4',
  ư: '\u00AD\u00F8\u00F5\u00F6\u00F7\u00F9',
  y: 'y\u00FD\u00FA\u00FB\u00FC\u00FE',
};
const TCVN3_OTHERS: Record<string, string> = {
  đ: '\u00AE',
  Ă: '\u00A1',
  Â: '\u00A2',
  Ê: '\u00A3',
  Ô: '\u00A4',
  Ơ: '\u00A5',
  Ư: '\u00A6',
  Đ: '\u00A7',
};

// VNI-Windows: a base letter followed by a mark character (aù = á, aâ = â, aá = ấ); a few letters in one character.
const VNI_TONES_LOWER = ['', '\u00F9', '\u00F8', '\u00FB', '\u00F5', '\u00EF'];
const VNI_TONES_UPPER = ['', '\u00D9', '\u00D8', '\u00DB', '\u00D5', '\u00CF'];
const VNI_CIRCUMFLEX = ['\u00E2', '\u00E1', '\u00E0', '\u00E5', '\u00E3', '\u00E4'];
const VNI_BREVE = ['\u00EA', '\u00E9', '\u00E8', '\u00FA', '\u00FC', '\u00EB'];
const upper = (marks: string[]) => marks.map((m) => m.toUpperCase());

function vniRow(base: string, capital: boolean): string[] {
  const tones = capital ? VNI_TONES_UPPER : VNI_TONES_LOWER;
  const b = capital ? base.toUpperCase() : base;
  switch (base) {
    case 'ă':
      return (capital ? upper(VNI_BREVE) : VNI_BREVE).map((m) => `${capital ? 'A' : 'a'}${m}`);
    case 'â':
      return (capital ? upper(VNI_CIRCUMFLEX) : VNI_CIRCUMFLEX).map((m) => `${capital ? 'A' : 'a'}${m}`);
    case 'ê':
      return (capital ? upper(VNI_CIRCUMFLEX) : VNI_CIRCUMFLEX).map((m) => `${capital ? 'E' : 'e'}${m}`);
    case 'ô':
      return (capital ? upper(VNI_CIRCUMFLEX) : VNI_CIRCUMFLEX).map((m) => `${capital ? 'O' : 'o'}${m}`);
    case 'ơ':
      return tones.map((t) => `${capital ? '\u00D4' : '\u00F4'}${t}`);
    case 'ư':
      return tones.map((t) => `${capital ? '\u00D6' : '\u00F6'}${t}`);
    case 'i':
      return capital ? ['I', '\u00CD', '\u00CC', '\u00C6', '\u00D3', '\u00D2'] : ['i', '\u00ED', '\u00EC', '\u00E6', '\u00F3', '\u00F2'];
    case 'y':
      return tones.map((t, k) => (k === 5 ? (capital ? '\u00CE' : '\u00EE') : `${b}${t}`));
    default:
      return tones.map((t) => `${b}${t}`);
  }
}

interface Table {
  /** Unicode letter → legacy characters. */
  encode: Map<string, string>;
  /** Legacy characters → Unicode letter; keys of one or two characters. */
  decode: Map<string, string>;
}

function buildTables(): Record<LegacyEncoding, Table> {
  const tcvn3: Table = { encode: new Map(), decode: new Map() };
  const vni: Table = { encode: new Map(), decode: new Map() };
  for (const base of BASES) {
    const lower = unicodeRow(base);
    const tcvnRow = [...(TCVN3_ROWS[base] ?? '')];
    const vniLower = vniRow(base, false);
    const vniUpper = vniRow(base, true);
    lower.forEach((letter, k) => {
      const code = tcvnRow[k] ?? letter;
      tcvn3.encode.set(letter, code);
      // Toned capitals have no TCVN3 code: written as the small letter, as the .VnTimeH fonts do.
      if (!tcvn3.encode.has(letter.toUpperCase())) tcvn3.encode.set(letter.toUpperCase(), k === 0 ? letter.toUpperCase() : code);
      if (code !== letter) tcvn3.decode.set(code, letter);
      vni.encode.set(letter, vniLower[k] ?? letter);
      vni.encode.set(letter.toUpperCase(), vniUpper[k] ?? letter);
    });
  }
  for (const [letter, code] of Object.entries(TCVN3_OTHERS)) {
    tcvn3.encode.set(letter, code);
    tcvn3.decode.set(code, letter);
  }
  vni.encode.set('đ', '\u00F1');
  vni.encode.set('Đ', '\u00D1');
  for (const [letter, code] of vni.encode) if (code !== letter) vni.decode.set(code, letter);
  return { tcvn3, vni };
}

const TABLES = buildTables();

/** Unicode text → the legacy encoding (for tests and round trips). */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  const { encode } = TABLES[encoding];
  let out = '';
  for (const char of text.normalize('NFC')) out += encode.get(char) ?? char;
  return out;
}

/** Legacy-encoded text → Unicode (NFC). Characters outside the table pass through. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  const { decode } = TABLES[encoding];
  let out = '';
  for (let i = 0; i < text.length;) {
    const two = decode.get(text.slice(i, i + 2));
    if (two !== undefined) {
      out += two;
      i += 2;
      continue;
    }
    const one = text[i] ?? '';
    out += decode.get(one) ?? one;
    i += 1;
  }
  return out.normalize('NFC');
}

// Plausibility: a word is Vietnamese when it is onset + vowel nucleus + coda, with at most one tone.
const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?';
const NUCLEI = [
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'oa',
  'oă',
  'oe',
  'oi',
  'ôi',
  'ơi',
  'oo',
  'ua',
  'uâ',
  'uê',
  'ui',
  'uô',
  'uơ',
  'uy',
  'ưa',
  'ưi',
  'ươ',
  'ưu',
  'yê',
  'iêu',
  'yêu',
  'oai',
  'oao',
  'oay',
  'oeo',
  'uây',
  'uôi',
  'uya',
  'uyê',
  'uyu',
  'ươi',
  'ươu',
];
const SYLLABLE = new RegExp(`^${ONSET}(?:${NUCLEI.sort((a, b) => b.length - a.length).join('|')})(?:ch|nh|ng|[cmnpt])?$`);

/** True when the word reads as one Vietnamese syllable (case and tone ignored). */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(/[\u0300\u0301\u0303\u0309\u0323]/g)?.length ?? 0;
  if (tones > 1) return false;
  return SYLLABLE.test(decomposed.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC'));
}

/** Vietnamese letters that exist only in Unicode (outside Latin-1): their presence means the text is Unicode already. */
const UNICODE_ONLY = /[ăĂđĐĩĨũŨơƠưƯ\u1EA0-\u1EF9]/;

/** An administrative abbreviation: capitals only (NĐ, QĐ, HĐND, TCCSĐ, UBND). */
const ABBREVIATION = /^[A-ZĐ]{2,}$/;

/** Non-ASCII words of the text and how many of them read as Vietnamese (abbreviations included). */
function plausibility(text: string): { words: number; valid: number } {
  const words = text.split(/[\s.,;:!?()[\]"“”'‘’/\\\-–—…]+/).filter((w) => /[^\x00-\x7F]/.test(w)); // eslint-disable-line no-control-regex
  return { words: words.length, valid: words.filter((w) => ABBREVIATION.test(w) || isVietnameseSyllable(w)).length };
}

/**
 * ©, ® and ™ used as signs: ™ has no place in either encoding; © (TCVN3 â) and ® (TCVN3 đ) begin or continue a
 * syllable there, so one that no letter follows is the sign.
 */
const SIGN = /[©®](?!\p{L})|™/gu;

/** Decodes the text around the signs, which stay as they are. */
function decodeAround(text: string, encoding: LegacyEncoding): string {
  let out = '';
  let from = 0;
  for (const sign of text.matchAll(SIGN)) {
    out += decodeLegacy(text.slice(from, sign.index), encoding) + sign[0];
    from = sign.index + sign[0].length;
  }
  return out + decodeLegacy(text.slice(from), encoding);
}

export interface LegacyDetection {
  encoding: LegacyEncoding;
  converted: string;
  /** True when the text is clearly in this encoding; false when it only may be (offer, never convert alone). */
  confident: boolean;
}

/**
 * Recognises text in TCVN3 or VNI-Windows. Conservative: null when the text reads as Unicode Vietnamese
 * already; `confident` only when exactly one encoding turns every foreign-looking word into Vietnamese.
 */
export function detectLegacy(text: string): LegacyDetection | null {
  if (UNICODE_ONLY.test(text)) return null;
  const withoutSigns = text.replace(SIGN, ' ');
  const original = plausibility(withoutSigns);
  if (original.words === 0 || original.valid === original.words) return null;
  const candidates = (['tcvn3', 'vni'] as const)
    .map((encoding) => {
      const converted = decodeAround(text, encoding);
      return { encoding, converted, ...plausibility(converted.replace(SIGN, ' ')) };
    })
    .filter((c) => c.converted !== text && c.valid > original.valid)
    .sort((a, b) => b.valid - b.words * 2 - (a.valid - a.words * 2) || b.valid - a.valid);
  const best = candidates[0];
  if (!best) return null;
  const clean = best.valid === best.words;
  const runnerUpClean = candidates[1] !== undefined && candidates[1].valid === candidates[1].words;
  return { encoding: best.encoding, converted: best.converted, confident: clean && !runnerUpClean && original.words - original.valid >= 2 };
}

export const ENCODING_LABELS: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI-Windows' };
