// Attendee lists from CSV (papaparse, encoding detected) or Excel (bounded reader, xlsx.ts) files:
// columns họ và tên, chức vụ, đơn vị, a header row optional (recognised by its titles, in any order,
// below a heading line or two), a row-number column skipped. Nothing is stored here: the screen shows
// the first rows and the secretary decides.
import { basename } from 'node:path';
import type { AttendeeFile, AttendeeRow } from '../../shared/attendee-file.ts';
import { fold } from '../../shared/vietnamese/fold.ts';
import { decodeLegacy, detectLegacy } from '../../shared/vietnamese/legacy.ts';
import { filled, HEADING_ROWS, readTableCells, tableFileFailure } from './table-file.ts';

export { MAX_FILE_BYTES } from './table-file.ts';
export const MAX_ROWS = 5000;
const MAX_CELL = 500;

const COLUMN_TITLES: Record<keyof AttendeeRow, string[]> = {
  fullName: ['ho va ten', 'ho ten', 'ho va ten dai bieu', 'dai bieu', 'ten'],
  positions: ['chuc vu', 'chuc danh'],
  unit: ['don vi', 'co quan', 'don vi cong tac'],
};
const NUMBER_TITLES = ['stt', 'tt', 'so tt'];
const NUMBERING = /^(\d{1,4}[.)]?|[-•*])$/;
/** How a heading above a list begins ("DANH SÁCH ĐẠI BIỂU…", "Thành phần dự họp…"). */
const HEADING = /^(danh sach|thanh phan|hoi nghi|ky hop|cuoc hop|dai bieu du|dai bieu tham du|ds )/;

const WHAT = 'danh sách đại biểu';
const failure = (name: string, reason: string) => tableFileFailure(WHAT, name, reason);

/**
 * Rows of cells → attendee rows: heading lines above the list dropped, header recognised by its titles,
 * row numbers skipped, blank names dropped. Returns the heading found, if any.
 */
export function toAttendeeRows(cells: string[][]): { rows: AttendeeRow[]; heading: string | null } {
  let rows = cells.filter((row) => filled(row) > 0);
  const titleOf = (row: string[] | undefined) => row?.map((cell) => fold(cell)) ?? [];
  const column = (header: string[], key: keyof AttendeeRow) => header.findIndex((title) => COLUMN_TITLES[key].includes(title));
  const headerAt = rows.slice(0, HEADING_ROWS + 1).findIndex((row) => column(titleOf(row), 'fullName') >= 0);
  const headingLines: string[] = [];
  if (headerAt > 0) {
    headingLines.push(...rows.slice(0, headerAt).map((row) => row.filter(Boolean).join(' ')));
    rows = rows.slice(headerAt);
  } else if (headerAt < 0) {
    // No header: single-cell lines on top are headings when the list below has columns, or read as one.
    const wide = rows.filter((row) => filled(row) >= 2).length > rows.length / 2;
    while (
      rows.length > 0 &&
      headingLines.length < HEADING_ROWS &&
      filled(rows[0] ?? []) === 1 &&
      ((wide && rows.length > 1) || HEADING.test(fold(rows[0]?.find(Boolean) ?? '')))
    ) {
      headingLines.push(rows[0]?.find(Boolean) ?? '');
      rows = rows.slice(1);
    }
  }
  const heading = headingLines.length > 0 ? headingLines.join(' / ') : null;
  const header = titleOf(rows[0]);
  const named = column(header, 'fullName');
  if (named >= 0) {
    const at = { fullName: named, positions: column(header, 'positions'), unit: column(header, 'unit') };
    const people = rows
      .slice(1)
      .map((row) => ({
        fullName: row[at.fullName] ?? '',
        positions: at.positions >= 0 ? (row[at.positions] ?? '') : '',
        unit: at.unit >= 0 ? (row[at.unit] ?? '') : '',
      }))
      .filter((row) => row.fullName !== '');
    return { rows: people, heading };
  }
  const body = header.some((title) => NUMBER_TITLES.includes(title)) ? rows.slice(1) : rows;
  const people = body
    .map((row) => (row.length > 1 && NUMBERING.test(row[0] ?? '') ? row.slice(1) : row))
    .map(([fullName = '', positions = '', unit = '']) => ({ fullName, positions, unit }))
    .filter((row) => row.fullName !== '');
  return { rows: people, heading };
}

/** Reads an attendee list; nothing is written. Malformed or oversized files are refused with a Vietnamese message. */
export async function readAttendeeFile(path: string): Promise<AttendeeFile> {
  const name = basename(path);
  const { cells, encoding } = await readTableCells(path, name, WHAT, MAX_ROWS);
  const { rows, heading } = toAttendeeRows(cells);
  if (rows.length === 0) throw failure(name, 'không tìm thấy dòng nào có họ và tên');
  if (rows.length > MAX_ROWS) throw failure(name, `nhiều hơn ${MAX_ROWS} dòng (giới hạn của một lần nhập)`);
  const tooLong = rows.findIndex((row) => Object.values(row).some((cell) => cell.length > MAX_CELL));
  if (tooLong >= 0) throw failure(name, `ô ở dòng ${tooLong + 1} dài quá ${MAX_CELL} ký tự`);
  const detected = detectLegacy(rows.map((r) => `${r.fullName} ${r.positions} ${r.unit}`).join('\n'));
  const legacy = detected && {
    encoding: detected.encoding,
    confident: detected.confident,
    rows: rows.map((r) => ({
      fullName: decodeLegacy(r.fullName, detected.encoding),
      positions: decodeLegacy(r.positions, detected.encoding),
      unit: decodeLegacy(r.unit, detected.encoding),
    })),
  };
  return { fileName: name, encoding, heading, rows, legacy };
}
