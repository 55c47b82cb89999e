// A block copied from Excel or Word: one row per line, cells separated by tabs (as both put them on
// the clipboard for table cells).

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

/**
 * Attendee rows from a pasted block: name, positions, unit. A leading column of row numbers
 * ("1", "2." …, as in most Word and Excel lists) is skipped.
 */
export function parseAttendeeBlock(text: string): { fullName: string; positions: string; unit: string }[] {
  return parseBlock(text)
    .map((cells) => (cells.length > 1 && NUMBERING.test(cells[0] ?? '') ? cells.slice(1) : cells))
    .map(([fullName = '', positions = '', unit = '']) => ({ fullName, positions, unit }))
    .filter((row) => row.fullName !== '');
}
