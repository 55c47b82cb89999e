// Site lists from CSV or Excel files (read by table-file.ts, as attendee lists are): the name of each site
// (điểm cầu), its level, its head count (empty: a site that will list its attendees by name) and its address,
// under a header recognised by its titles (in any order, below a heading line or two), or without a header
// in the order tên, cấp, số đại biểu, địa chỉ. Nothing is stored here: the screen shows the totals and decides.
import { basename } from 'node:path';
import type { SiteLevel } from '../../shared/model/meeting.ts';
import type { SiteFile, SiteRow } from '../../shared/site-file.ts';
import { fold } from '../../shared/vietnamese/fold.ts';
import { decodeLegacy, detectLegacy, type LegacyEncoding } from '../../shared/vietnamese/legacy.ts';
import { filled, HEADING_ROWS, readTableCells, tableFileFailure } from './table-file.ts';

/** The 3,321 commune sites of a national conference, and room to spare (an Excel sheet is read to 10,000 rows). */
export const MAX_SITE_ROWS = 10_000;
const MAX_CELL = 300;
const MAX_COUNT = 1_000_000;

type Column = keyof SiteRow;
const COLUMN_TITLES: Record<Column, string[]> = {
  name: ['ten diem cau', 'diem cau', 'ten', 'ten don vi', 'don vi'],
  level: ['cap', 'cap diem cau', 'cap hanh chinh'],
  attendeeCount: ['so dai bieu', 'so luong', 'so luong dai bieu', 'so nguoi', 'so nguoi du', 'so dai bieu du', 'dai bieu'],
  location: ['dia chi', 'dia diem'],
};
const NUMBER_TITLES = ['stt', 'tt', 'so tt'];
const NUMBERING = /^\d{1,5}[.)]?$/;

const WHAT = 'danh sách điểm cầu';

/** The level a cell names ("cấp xã", "Tỉnh, thành phố", "TW"); '' is other; null when it names none. */
export function levelOf(text: string): SiteLevel | null {
  const words = fold(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(diem cau )?(cap )?/, '');
  if (words === '' || words === 'khac') return 'other';
  if (/^(trung uong|tw)$/.test(words)) return 'central';
  // "thị xã" and a "thành phố thuộc tỉnh" are of district level, before "xã" and "thành phố" are looked at.
  if (/^(huyen|quan|thi xa|thanh pho thuoc tinh)( |$)/.test(words)) return 'district';
  if (/^(tinh|thanh pho)( |$)/.test(words)) return 'province';
  if (/^(xa|phuong|thi tran|co so)( |$)/.test(words)) return 'commune';
  return null;
}

/** A head count as written: "412", "3.321", "3 321"; '' is none; undefined when it is not a count. */
function countOf(text: string): number | null | undefined {
  if (text === '') return null;
  const digits = text.replace(/[.,\s]/g, '');
  if (!/^\d{1,7}$/.test(digits) || Number(digits) > MAX_COUNT) return undefined;
  return Number(digits);
}

interface Parsed {
  rows: SiteRow[];
  heading: string | null;
}

/**
 * Rows of cells → site rows: heading lines above the list dropped, header recognised by its titles, row numbers
 * skipped, rows without a name dropped. A level or count that cannot be read is refused with its line.
 */
export function toSiteRows(cells: string[][], name = 'danh sách', legacy: LegacyEncoding | null = null): Parsed {
  const failure = (reason: string) => tableFileFailure(WHAT, name, reason);
  let rows = cells.map((row, i) => ({ row, line: i + 1 })).filter(({ row }) => filled(row) > 0);
  const titles = (row: string[] | undefined) => row?.map((cell) => fold(legacy ? decodeLegacy(cell, legacy) : cell)) ?? [];
  const column = (header: string[], key: Column) => header.findIndex((title) => COLUMN_TITLES[key].includes(title));
  const isHeader = (row: string[]) => {
    const header = titles(row);
    return column(header, 'name') >= 0 && (column(header, 'level') >= 0 || column(header, 'attendeeCount') >= 0);
  };
  const headerAt = rows.slice(0, HEADING_ROWS + 1).findIndex(({ row }) => isHeader(row));
  let heading: string | null = null;
  let at: Record<Column, number> = { name: 0, level: 1, attendeeCount: 2, location: 3 };
  if (headerAt >= 0) {
    heading =
      headerAt > 0
        ? rows
            .slice(0, headerAt)
            .map(({ row }) => row.filter(Boolean).join(' '))
            .join(' / ')
        : null;
    const header = titles(rows[headerAt]?.row);
    at = { name: column(header, 'name'), level: column(header, 'level'), attendeeCount: column(header, 'attendeeCount'), location: column(header, 'location') };
    rows = rows.slice(headerAt + 1);
  } else {
    if (rows[0] && titles(rows[0].row).some((title) => NUMBER_TITLES.includes(title))) rows = rows.slice(1);
    // No header: the rows are numbered or not; a number in the first cell moves the columns by one.
    const numbered = rows.length > 0 && rows.every(({ row }) => NUMBERING.test(row[0] ?? '') && row.length > 1);
    if (numbered) at = { name: 1, level: 2, attendeeCount: 3, location: 4 };
  }
  const cell = (row: string[], key: Column) => (at[key] >= 0 ? (row[at[key]] ?? '') : '');
  const out: SiteRow[] = [];
  for (const { row, line } of rows) {
    const siteName = cell(row, 'name');
    if (siteName === '') continue;
    const levelText = cell(row, 'level');
    const level = levelOf(levelText) ?? (legacy ? levelOf(decodeLegacy(levelText, legacy)) : null);
    if (level === null) throw failure(`dòng ${line}: cấp “${levelText}” không rõ (Trung ương, tỉnh, huyện, xã hoặc khác)`);
    const countText = cell(row, 'attendeeCount');
    const attendeeCount = countOf(countText);
    if (attendeeCount === undefined) throw failure(`dòng ${line}: số đại biểu “${countText}” không phải là số nguyên không âm`);
    const location = cell(row, 'location');
    if (siteName.length > MAX_CELL || location.length > MAX_CELL) throw failure(`ô ở dòng ${line} dài quá ${MAX_CELL} ký tự`);
    out.push({ name: siteName, location, level, attendeeCount });
  }
  return { rows: out, heading };
}

/** Reads a site list; nothing is written. Malformed or oversized files are refused with a Vietnamese message. */
export async function readSiteFile(path: string): Promise<Omit<SiteFile, 'existing'>> {
  const name = basename(path);
  const failure = (reason: string) => tableFileFailure(WHAT, name, reason);
  const { cells, encoding } = await readTableCells(path, name, WHAT, MAX_SITE_ROWS);
  const detected = detectLegacy(cells.map((row) => row.join(' ')).join('\n'));
  const { rows, heading } = toSiteRows(cells, name, detected?.encoding ?? null);
  if (rows.length === 0) throw failure('không tìm thấy dòng nào có tên điểm cầu');
  if (rows.length > MAX_SITE_ROWS) throw failure(`nhiều hơn ${MAX_SITE_ROWS.toLocaleString('vi-VN')} dòng (giới hạn của một lần nhập)`);
  const legacy = detected && {
    encoding: detected.encoding,
    confident: detected.confident,
    rows: rows.map((r) => ({ ...r, name: decodeLegacy(r.name, detected.encoding), location: decodeLegacy(r.location, detected.encoding) })),
  };
  return { fileName: name, encoding, heading, rows, legacy };
}
