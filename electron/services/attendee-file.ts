// Attendee lists from CSV (papaparse) or Excel (read-excel-file) files: columns họ và tên, chức vụ,
// đơn vị, a header row optional (recognised by its titles, in any order), a row-number column skipped.
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { AttendeeFile, AttendeeRow } from '../../shared/attendee-file.ts';
import { AppError } from '../../shared/errors.ts';
import { fold } from '../../shared/vietnamese/fold.ts';
import { decodeLegacy, detectLegacy } from '../../shared/vietnamese/legacy.ts';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;

const COLUMN_TITLES: Record<keyof AttendeeRow, string[]> = {
  fullName: ['ho va ten', 'ho ten', 'ho va ten dai bieu', 'dai bieu', 'ten'],
  positions: ['chuc vu', 'chuc danh'],
  unit: ['don vi', 'co quan', 'don vi cong tac'],
};
const NUMBER_TITLES = ['stt', 'tt', 'so tt'];
const NUMBERING = /^(\d{1,4}[.)]?|[-•*])$/;

const failure = (name: string, reason: string) => new AppError('INVALID_INPUT', `Không đọc được danh sách đại biểu từ tệp ${name}: ${reason}.`);

function decodeText(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  // Not UTF-8: an old Excel export, in Windows-1252 bytes (which is also how TCVN3 and VNI text arrives).
  return (utf8.includes('\uFFFD') ? new TextDecoder('windows-1252').decode(bytes) : utf8).replace(/^\uFEFF/, '');
}

async function readCells(path: string, name: string): Promise<string[][]> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') throw failure(name, 'chỉ đọc được tệp .csv hoặc .xlsx');
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw failure(name, 'không mở được tệp');
  }
  if (size > MAX_FILE_BYTES) throw failure(name, `tệp lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const bytes = readFileSync(path);
  if (extension === '.csv') {
    const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: 'greedy' });
    const fatal = parsed.errors.find((e) => e.type === 'Quotes');
    if (fatal) throw failure(name, `dấu ngoặc kép không khớp ở dòng ${(fatal.row ?? 0) + 1}`);
    return parsed.data.map((row) => row.map((cell) => String(cell ?? '').trim()));
  }
  try {
    const rows = await readSheet(bytes);
    return rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : String(cell)).trim()));
  } catch {
    throw failure(name, 'tệp Excel bị hỏng hoặc không đúng định dạng .xlsx');
  }
}

/** Rows of cells → attendee rows: header recognised by its titles, row numbers skipped, blank names dropped. */
export function toAttendeeRows(cells: string[][]): AttendeeRow[] {
  const rows = cells.filter((row) => row.some((cell) => cell !== ''));
  const header = rows[0]?.map((cell) => fold(cell)) ?? [];
  const column = (key: keyof AttendeeRow) => header.findIndex((title) => COLUMN_TITLES[key].includes(title));
  const named = column('fullName');
  if (named >= 0) {
    const at = { fullName: named, positions: column('positions'), unit: column('unit') };
    return rows.slice(1)
      .map((row) => ({ fullName: row[at.fullName] ?? '', positions: at.positions >= 0 ? row[at.positions] ?? '' : '', unit: at.unit >= 0 ? row[at.unit] ?? '' : '' }))
      .filter((row) => row.fullName !== '');
  }
  const body = header.some((title) => NUMBER_TITLES.includes(title)) ? rows.slice(1) : rows;
  return body
    .map((row) => (row.length > 1 && NUMBERING.test(row[0] ?? '') ? row.slice(1) : row))
    .map(([fullName = '', positions = '', unit = '']) => ({ fullName, positions, unit }))
    .filter((row) => row.fullName !== '');
}

/** Reads an attendee list; nothing is written. Malformed or oversized files are refused with a Vietnamese message. */
export async function readAttendeeFile(path: string): Promise<AttendeeFile> {
  const name = basename(path);
  const rows = toAttendeeRows(await readCells(path, name));
  if (rows.length === 0) throw failure(name, 'không tìm thấy dòng nào có họ và tên');
  if (rows.length > MAX_ROWS) throw failure(name, `có ${rows.length} dòng, nhiều hơn ${MAX_ROWS} dòng một lần nhập`);
  const tooLong = rows.findIndex((row) => Object.values(row).some((cell) => cell.length > 500));
  if (tooLong >= 0) throw failure(name, `ô ở dòng ${tooLong + 1} dài quá 500 ký tự`);
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
  return { fileName: name, rows, legacy };
}
