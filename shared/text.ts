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

/** Removes spaces and tabs at the end of every line, scanning each line once from its end. */
function trimLineEnds(text: string): string {
  if (!text.includes(' \n') && !text.includes('\t\n') && !/[ \t]$/.test(text)) return text;
  return text.split('\n').map((line) => {
    let end = line.length;
    while (end > 0) {
      const c = line.charCodeAt(end - 1);
      if (c !== 0x20 && c !== 0x09) break;
      end--;
    }
    return end === line.length ? line : line.slice(0, end);
  }).join('\n');
}

// Default-ignorable code points (zero-width space and joiners, word joiner, soft hyphen, BOM, variation
// selectors, bidi controls, tags…): invisible, they split words and names where none is seen.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const ONE_INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;

const HAS_INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;

/** True for one invisible (default-ignorable) character. */
export const isInvisible = (char: string): boolean => ONE_INVISIBLE.test(char);

/** True when the text holds an invisible character (which normalizeText removes). */
export const hasInvisible = (value: string): boolean => HAS_INVISIBLE.test(value);

/** Multi-line text: invisible characters removed, NFC, line breaks unified to \n, illegal characters removed, outer blank space trimmed. */
export function normalizeText(value: string): string {
  return trimLineEnds(
    value
      .replace(INVISIBLE, '')
      .replace(LONG_MARK_RUN, '$1')
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(XML_ILLEGAL, '')
      .replace(LONE_SURROGATE, ''),
  ).trim();
}

/** Single-line text: as normalizeText, with every run of white space (line breaks included) folded to one space. */
export function normalizeLine(value: string): string {
  return normalizeText(value).replace(/\s+/g, ' ');
}

/** Key for finding the same name again: normalised, lower case. Keeps diacritics. */
export function foldKey(value: string): string {
  return normalizeLine(value).toLocaleLowerCase('vi');
}
