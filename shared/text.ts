// The one normalisation point for text entering the store (see shared/model/fields.ts). Every step is
// linear in the input: no regular expression here can backtrack over a long run of characters.

// Characters XML 1.0 forbids; a DOCX containing them does not open.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// Lone surrogates are not valid Unicode text either.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * No letter carries more than a few marks (Vietnamese: two); a run longer than this is cut before NFC,
 * whose reordering of marks is quadratic in the length of a run. (UAX #15's stream-safe limit is 30.)
 */
export const MAX_COMBINING_RUN = 30;
const LONG_MARK_RUN = new RegExp(`(\\p{M}{${MAX_COMBINING_RUN}})\\p{M}+`, 'gu');

/** No-break spaces (Word puts them after "Số", in dates, before "%"): plain spaces, so search and line breaking treat them as spaces. */
const NO_BREAK_SPACE = /[\u00A0\u202F]/g;
/** A bulleted list copied from Word: "·\tĐoạn" (Symbol font), "•", "o", "§", "" and the like, a tab, the text. */
const WORD_BULLET = /^[\u00B7\u2022\u25AA\u25CF\u25E6\uF0A7\uF0B7\uF0D8\u00A7o\-\u2013]\t[ \t]*/gm;
/** A numbered list copied from Word: "1.\tĐoạn", "a)\tĐoạn". */
const WORD_NUMBER = /^(\d{1,3}[.)]|[a-zđ][.)])\t[ \t]*/gm;

/** Word's list marks as the minutes write them: "- Đoạn", "1. Đoạn". */
function wordListMarks(text: string): string {
  return text.includes('\t') ? text.replace(WORD_BULLET, '- ').replace(WORD_NUMBER, '$1 ') : text;
}

/**
 * Soft hyphens (U+00AD, Word's optional hyphens) out of text known to be Unicode: text pasted from Word, a .docx.
 * Not part of normalizeText, because in TCVN3 text not yet converted U+00AD is the letter "ư".
 */
export const withoutSoftHyphens = (text: string): string => (text.includes('\u00AD') ? text.replace(/\u00AD/g, '') : text);

/** What Word puts on the clipboard, as the store will keep it: no-break spaces, list marks and soft hyphens cleaned. */
export const cleanWordText = (text: string): string => wordListMarks(withoutSoftHyphens(text.replace(/\r\n?/g, '\n')).replace(NO_BREAK_SPACE, ' '));

/** Removes spaces and tabs at the end of every line, scanning each line once from its end. */
function trimLineEnds(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let end = line.length;
      while (end > 0) {
        const c = line.charCodeAt(end - 1);
        if (c !== 0x20 && c !== 0x09) break;
        end--;
      }
      return end === line.length ? line : line.slice(0, end);
    })
    .join('\n');
}

// Default-ignorable code points (zero-width space and joiners, word joiner, soft hyphen, BOM, variation
// selectors, bidi controls, tags…): invisible, they split words and names where none is seen.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const ONE_INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** True for one invisible (default-ignorable) character. */
export const isInvisible = (char: string): boolean => ONE_INVISIBLE.test(char);

/** What a text holds that a step of normalizeText would change; the steps with nothing to do are skipped. */
interface Found {
  longRuns: boolean;
  surrogates: boolean;
  /** Carriage returns, characters XML forbids. */
  illegal: boolean;
  noBreakSpaces: boolean;
  tabs: boolean;
  /** A space or tab before a line break or at the end, or a character whose removal could leave one there. */
  lineEnds: boolean;
}

/**
 * Every step's test in one pass over the code units (a regular expression per step takes several times as long
 * on a long speech, where they almost never find anything). Every mark is at U+0300 or above, so a run of marks
 * longer than the limit needs as many code units in a row there; a lone surrogate needs a surrogate.
 */
function scan(text: string): Found {
  const found: Found = { longRuns: false, surrogates: false, illegal: false, noBreakSpaces: false, tabs: false, lineEnds: false };
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x300) {
      run = 0;
      if (c === 0x20 || c === 0x09) {
        const next = text.charCodeAt(i + 1);
        if (next === 0x0a || next === 0x0d || Number.isNaN(next)) found.lineEnds = true;
        if (c === 0x09) found.tabs = true;
      } else if (c < 0x20 && c !== 0x0a) found.illegal = true;
      else if (c === 0xa0) found.noBreakSpaces = true;
      continue;
    }
    if (++run > MAX_COMBINING_RUN) found.longRuns = true;
    if (c >= 0xd800 && c <= 0xdfff) found.surrogates = true;
    else if (c === 0x202f) found.noBreakSpaces = true;
    else if (c >= 0xfffe) found.illegal = true;
  }
  // Removing a character between a space and a line break leaves the space at the end of the line, and a
  // no-break space becomes a space.
  if (found.illegal || found.surrogates || found.noBreakSpaces) found.lineEnds = true;
  return found;
}

/**
 * Text of characters that are NFC whatever surrounds them (no mark, none that composes with what precedes it, no
 * singleton), visible, and none normalizeText rewrites: printable ASCII and line breaks, Latin-1 and Latin Extended
 * (no soft hyphen, no no-break space), the Vietnamese precomposed letters, dashes, quotes and other punctuation.
 */
export const SURELY_NFC = /^[\n\x20-\x7E\u00A1-\u00AC\u00AE-\u02FF\u1E00-\u1EFF\u2010-\u2027\u2030-\u205E]*$/;
/** In such text, what normalizeText still changes: an outer space, a space before a line break. */
const OUTER_SPACE = /^\s|\s$| \n/;

/**
 * Multi-line text: invisible characters removed, NFC, line breaks unified to \n, illegal characters removed, no-break
 * spaces as spaces, Word's list marks as "- " and "1. ", outer blank space trimmed.
 */
export function normalizeText(value: string): string {
  // Text typed or stored is almost always such text: two scans instead of every step.
  if (SURELY_NFC.test(value) && !OUTER_SPACE.test(value)) return value;
  const visible = value.replace(INVISIBLE, '');
  const found = scan(visible);
  let text = (found.longRuns ? visible.replace(LONG_MARK_RUN, '$1') : visible).normalize('NFC');
  if (found.illegal) text = text.replace(/\r\n?/g, '\n').replace(XML_ILLEGAL, '');
  if (found.surrogates) text = text.replace(LONE_SURROGATE, '');
  if (found.noBreakSpaces) text = text.replace(NO_BREAK_SPACE, ' ');
  if (found.tabs) text = wordListMarks(text);
  return (found.lineEnds ? trimLineEnds(text) : text).trim();
}

/** Single-line text: as normalizeText, with every run of white space (line breaks included) folded to one space. */
export function normalizeLine(value: string): string {
  return normalizeText(value).replace(/\s+/g, ' ');
}

/** Key for finding the same name again: normalised, lower case. Keeps diacritics. */
export function foldKey(value: string): string {
  return normalizeLine(value).toLocaleLowerCase('vi');
}
