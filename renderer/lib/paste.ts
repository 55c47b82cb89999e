// A block copied from Excel or Word: one row per line, cells separated by tabs (as both put them on
// the clipboard for table cells).
import { cleanWordText } from '../../shared/text.ts';
import { detectLegacy } from '../../shared/vietnamese/legacy.ts';
import { fold } from '../../shared/vietnamese/fold.ts';

/**
 * Text pasted into a field, cleaned as the store would keep it (no-break spaces, Word's "·\t" bullets, soft hyphens);
 * null when there is nothing to clean, or when the text looks like TCVN3 or VNI, whose conversion is offered first.
 */
export function cleanPastedText(text: string): string | null {
  if (detectLegacy(text)) return null;
  const cleaned = cleanWordText(text);
  return cleaned === text ? null : cleaned;
}

/** True when pasted text is more than a single cell: several lines, or tab-separated cells. */
export function isBlock(text: string): boolean {
  const trimmed = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  return trimmed.includes('\n') || trimmed.includes('\t');
}

/** Rows of cells, blank lines dropped, cells trimmed. */
export function parseBlock(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.split('\t').map((cell) => cell.trim()))
    .filter((cells) => cells.some((cell) => cell !== ''));
}

const NUMBERING = /^(\d{1,4}[.)]?|[-•*])$/;
/** Column titles of a copied table's first row (folded): such a row is not a person. */
const HEADINGS = new Set(['stt', 'tt', 'so tt', 'ho va ten', 'ho ten', 'ho va ten dai bieu', 'chuc vu', 'don vi', 'co quan']);

/**
 * Attendee rows from a pasted block: name, positions, unit. A leading column of row numbers
 * ("1", "2." …, as in most Word and Excel lists) is skipped, and so is a first row of column titles.
 */
export function parseAttendeeBlock(text: string): { fullName: string; positions: string; unit: string }[] {
  return parseBlock(text)
    .filter((cells, index) => index > 0 || !cells.some((cell) => HEADINGS.has(fold(cell))))
    .map((cells) => (cells.length > 1 && NUMBERING.test(cells[0] ?? '') ? cells.slice(1) : cells))
    .map(([fullName = '', positions = '', unit = '']) => ({ fullName, positions, unit }))
    .filter((row) => row.fullName !== '');
}
