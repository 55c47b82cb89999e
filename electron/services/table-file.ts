// The cells of a list in a CSV file (papaparse, encoding detected: text-encoding.ts) or an Excel file (bounded
// reader: xlsx.ts), every size bounded before it is spent. Attendee lists and site lists read their rows from here.
import Papa from 'papaparse';
import { extname } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { readFileBounded } from './read-file.ts';
import { decodeTextFile, NotText, TEXT_ENCODING_LABELS } from './text-encoding.ts';
import { readXlsxCells } from './xlsx.ts';
import { ZipRefusal } from './zip.ts';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Heading lines looked for above a list's header. */
export const HEADING_ROWS = 5;

/** "Không đọc được danh sách đại biểu từ tệp ds.csv: <reason>." */
export const tableFileFailure = (what: string, name: string, reason: string) =>
  new AppError('INVALID_INPUT', `Không đọc được ${what} từ tệp ${name}: ${reason}.`);

/**
 * The trimmed cells of the file's rows (the first sheet of an Excel file) and how it was read; `what` names the
 * list in messages ("danh sách đại biểu"); a CSV file is parsed up to maxRows rows and a few heading lines.
 */
export async function readTableCells(path: string, name: string, what: string, maxRows: number): Promise<{ cells: string[][]; encoding: string }> {
  const failure = (reason: string) => tableFileFailure(what, name, reason);
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') throw failure('chỉ đọc được tệp .csv hoặc .xlsx');
  const bytes = readFileBounded(path, { maxBytes: MAX_FILE_BYTES, context: `Không đọc được ${what} từ tệp ${name}` });
  if (extension === '.csv') {
    let decoded;
    try {
      decoded = decodeTextFile(bytes);
    } catch (error) {
      if (error instanceof NotText) throw failure(error.message);
      throw error;
    }
    // Rows are bounded while parsing: the list's own limit and room for blank and heading lines.
    const parsed = Papa.parse<string[]>(decoded.text, { skipEmptyLines: 'greedy', preview: maxRows + HEADING_ROWS + 2 });
    const fatal = parsed.errors.find((e) => e.type === 'Quotes');
    if (fatal) throw failure(`dấu ngoặc kép không khớp ở dòng ${(fatal.row ?? 0) + 1}`);
    return { cells: parsed.data.map((row) => row.map((cell) => String(cell ?? '').trim())), encoding: TEXT_ENCODING_LABELS[decoded.encoding] };
  }
  try {
    const cells = await readXlsxCells(bytes);
    return { cells: cells.map((row) => row.map((cell) => cell.trim())), encoding: 'tệp Excel' };
  } catch (error) {
    if (error instanceof ZipRefusal) throw failure(error.message);
    throw failure('tệp Excel bị hỏng hoặc không đúng định dạng .xlsx');
  }
}

/** How many cells of a row hold something. */
export const filled = (row: string[]): number => row.filter((cell) => cell !== '').length;
