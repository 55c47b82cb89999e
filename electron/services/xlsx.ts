// The cells of an Excel (.xlsx) file's first sheet, read with every size bounded before it is spent: the
// zip's entry count and declared sizes before anything is inflated (zip.ts, shared with the Word reader),
// XML without DOCTYPE (no entity expansion), the sheet's declared dimensions,
// row numbers, row count and columns while streaming (saxes). Written here because the spreadsheet
// libraries parse the whole sheet into memory first, so a 2 KB file naming cell XFD1048576 or a
// million-row sheet exhausts memory before any limit can be checked.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Entry, ZipFile } from 'yauzl';
import { doctype, openBoundedZip, ZipRefusal } from './zip.ts';

export const XLSX_LIMITS = {
  entries: 1_000,
  /** Uncompressed bytes of any one part, and of all parts together. */
  partBytes: 40 * 1024 * 1024,
  totalBytes: 60 * 1024 * 1024,
  rows: 10_000,
  columns: 50,
  sharedStrings: 200_000,
};

/** A refusal, in Vietnamese (a clause to follow "Không đọc được danh sách … từ tệp …: "). */
export class XlsxRefusal extends ZipRefusal {}
const EXCEL = 'tệp Excel';

const columnIndex = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
const CELL = /^([A-Z]{1,3})(\d{1,7})$/;

function cellPosition(ref: string): { row: number; column: number } | null {
  const match = CELL.exec(ref.toUpperCase());
  return match ? { column: columnIndex(match[1] ?? ''), row: Number(match[2]) } : null;
}

function checkPosition(position: { row: number; column: number }, limits: typeof XLSX_LIMITS, what: string): void {
  if (position.row > limits.rows)
    throw new XlsxRefusal(`${what} ở dòng ${position.row.toLocaleString('vi-VN')}, quá ${limits.rows.toLocaleString('vi-VN')} dòng`);
  if (position.column > limits.columns) throw new XlsxRefusal(`${what} ở cột thứ ${position.column.toLocaleString('vi-VN')}, quá ${limits.columns} cột`);
}

/** Streams one XML part through a SAX parser set up by handle; a DOCTYPE is refused. */
async function parsePart(zip: ZipFile, entry: Entry, handle: (parser: SaxesParser) => void): Promise<void> {
  const stream = await zip.openReadStreamPromise(entry);
  const parser = new SaxesParser({ position: false });
  parser.on('doctype', () => {
    throw doctype(EXCEL);
  });
  handle(parser);
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of stream) parser.write(decoder.decode(chunk as Buffer, { stream: true }));
    parser.write(decoder.decode()).close();
  } finally {
    stream.destroy();
  }
}

const attribute = (tag: SaxesTagPlain, name: string) => {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : undefined;
};

async function firstSheetPath(zip: ZipFile, entries: Map<string, Entry>): Promise<string> {
  const workbook = entries.get('xl/workbook.xml');
  const rels = entries.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new XlsxRefusal('tệp không có bảng tính nào (không phải tệp Excel .xlsx)');
  let sheetId: string | undefined;
  await parsePart(zip, workbook, (parser) =>
    parser.on('opentag', (tag) => {
      if (tag.name === 'sheet' && sheetId === undefined) sheetId = attribute(tag, 'r:id');
    }),
  );
  let target: string | undefined;
  await parsePart(zip, rels, (parser) =>
    parser.on('opentag', (tag) => {
      if (tag.name === 'Relationship' && attribute(tag, 'Id') === sheetId) target = attribute(tag, 'Target');
    }),
  );
  if (!target) throw new XlsxRefusal('tệp Excel không có trang tính nào');
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

async function sharedStrings(zip: ZipFile, entry: Entry | undefined, limits: typeof XLSX_LIMITS): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await parsePart(zip, entry, (parser) => {
    parser.on('opentag', (tag) => {
      if (tag.name === 'si') {
        if (strings.length >= limits.sharedStrings) throw new XlsxRefusal(`tệp Excel có hơn ${limits.sharedStrings.toLocaleString('vi-VN')} chuỗi chữ`);
        current = '';
      } else if (tag.name === 'rPh') phonetic++;
      else if (tag.name === 't') inText = true;
    });
    parser.on('text', (text) => {
      if (inText && phonetic === 0 && current !== null) current += text;
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 't') inText = false;
      else if (tag.name === 'rPh') phonetic--;
      else if (tag.name === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    });
  });
  return strings;
}

/** The first sheet's rows of cell texts (numbers as written in the file), bounded by limits. */
export async function readXlsxCells(bytes: Buffer, limits = XLSX_LIMITS): Promise<string[][]> {
  const { zip, entries, close } = await openBoundedZip(bytes, limits, EXCEL);
  try {
    const sheetPath = await firstSheetPath(zip, entries);
    const sheet = entries.get(sheetPath);
    if (!sheet) throw new XlsxRefusal('tệp Excel thiếu trang tính được khai báo');
    const strings = await sharedStrings(zip, entries.get('xl/sharedStrings.xml'), limits);
    const rows: string[][] = [];
    let rowCount = 0;
    let row: string[] | null = null;
    let cell: { column: number; type: string; text: string } | null = null;
    let inValue = false;
    await parsePart(zip, sheet, (parser) => {
      parser.on('opentag', (tag) => {
        if (tag.name === 'dimension') {
          const last = (attribute(tag, 'ref') ?? '').split(':').pop() ?? '';
          const position = cellPosition(last);
          if (position) checkPosition(position, limits, 'bảng tính khai báo ô cuối cùng');
        } else if (tag.name === 'row') {
          if (++rowCount > limits.rows) throw new XlsxRefusal(`bảng tính có hơn ${limits.rows.toLocaleString('vi-VN')} dòng`);
          const number = Number(attribute(tag, 'r') ?? rows.length + 1);
          if (!Number.isInteger(number) || number < 1) throw new XlsxRefusal('tệp Excel bị hỏng (số dòng không hợp lệ)');
          checkPosition({ row: number, column: 1 }, limits, 'bảng tính có dòng');
          while (rows.length < number) rows.push([]);
          row = rows[number - 1] ?? null;
        } else if (tag.name === 'c' && row) {
          const ref = attribute(tag, 'r');
          const position = ref ? cellPosition(ref) : { row: rows.length, column: row.length + 1 };
          if (!position) throw new XlsxRefusal('tệp Excel bị hỏng (địa chỉ ô không hợp lệ)');
          checkPosition(position, limits, 'bảng tính có ô');
          cell = { column: position.column, type: attribute(tag, 't') ?? 'n', text: '' };
        } else if ((tag.name === 'v' || tag.name === 't') && cell) inValue = true;
      });
      parser.on('text', (text) => {
        if (inValue && cell) cell.text += text;
      });
      parser.on('closetag', (tag) => {
        if (tag.name === 'v' || tag.name === 't') inValue = false;
        else if (tag.name === 'c' && cell && row) {
          const value = cell.type === 's' ? (strings[Number(cell.text)] ?? '') : cell.type === 'b' ? (cell.text === '1' ? 'TRUE' : 'FALSE') : cell.text;
          while (row.length < cell.column - 1) row.push('');
          row[cell.column - 1] = value;
          cell = null;
        } else if (tag.name === 'row') row = null;
      });
    });
    return rows;
  } finally {
    close();
  }
}
