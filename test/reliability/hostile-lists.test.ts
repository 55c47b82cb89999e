// Hostile attendee lists: Excel files that are zip bombs, carry DOCTYPE entities, declare or use cells far
// out (XFD1048576), a million rows; CSV files in every encoding Excel and old programs save (UTF-16 with
// and without BOM, UTF-8 with and without BOM, Windows-1258 and 1252, TCVN3, VNI), with heading lines,
// or that are not text at all. Each is refused with its message or read exactly (no mojibake), and the
// store is unchanged: a list is only ever read here, the screen adds it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttendeeFile } from '../../shared/attendee-file.ts';
import { encodeLegacy } from '../../shared/vietnamese/legacy.ts';
import { hostileStore } from '../support/hostile.ts';
import { sheetXml, workbookRels, xlsx, zipOf } from '../support/xlsx.ts';

const PEOPLE = [
  ['Nguyễn Văn Thông', 'Phó Bí thư Thường trực Tỉnh ủy', 'Tỉnh ủy Thanh Hóa'],
  ['Trần Thị Mai', 'Trưởng ban Tổ chức', 'Tỉnh ủy Nghệ An'],
  ['Đặng Đức Hòa', 'Chuyên viên', 'Ban Tổ chức Trung ương'],
];
const HEADER = ['Họ và tên', 'Chức vụ', 'Đơn vị'];
const asRows = (people: string[][]) => people.map(([fullName = '', positions = '', unit = '']) => ({ fullName, positions, unit }));
const csvText = (rows: string[][], separator = ',') =>
  rows.map((r) => r.map((c) => (/[",\n;]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(separator)).join('\r\n');
const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);

/** Bytes of text in a Windows code page (tone marks as separate bytes in 1258, as that code page does). */
function codePage(text: string, encoding: 'windows-1252' | 'windows-1258'): Buffer {
  const decoder = new TextDecoder(encoding);
  const back = new Map<string, number>();
  for (let b = 0; b < 256; b++) back.set(decoder.decode(new Uint8Array([b])), b);
  const bytes: number[] = [];
  for (const c of text.normalize('NFC')) {
    const direct = back.get(c);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    const decomposed = c.normalize('NFD');
    const tone = [...decomposed].find((m) => '\u0300\u0301\u0303\u0309\u0323'.includes(m)) ?? '';
    const base = decomposed.replace(tone, '').normalize('NFC');
    for (const part of [base, tone]) {
      const byte = back.get(part);
      if (byte === undefined) throw new Error(`"${c}" has no ${encoding} byte`);
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes);
}
const cp1252 = (text: string) => Buffer.from([...text].map((c) => codePage(c, 'windows-1252')[0] ?? 63));
const rowsXml = (count: number, cell = (r: number) => `<c r="A${r}" t="inlineStr"><is><t>Người ${r}</t></is></c>`) =>
  Array.from({ length: count }, (_, i) => `<row r="${i + 1}">${cell(i + 1)}</row>`).join('');
const sheet = (sheetData: string, head = '') => ({ 'xl/worksheets/sheet1.xml': sheetXml(sheetData, head) });
const LAUGHS =
  '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';

type Content = Buffer | string | (() => Promise<Buffer> | Buffer | string);
interface Refused {
  name: string;
  file: string;
  content: Content;
  code?: string;
  reason: RegExp;
}
interface Read {
  name: string;
  file: string;
  content: Content;
  rows: ReturnType<typeof asRows>;
  encoding: string;
  heading?: string;
  legacy?: 'tcvn3' | 'vni';
}

const BAD = /tệp Excel bị hỏng hoặc không đúng định dạng \.xlsx/;
// One case a line: the corpus reads as a table.
// prettier-ignore
const REFUSED_XLSX: Refused[] = [
  { name: '1,001 parts', file: 'a.xlsx', content: async () => xlsx([HEADER], Object.fromEntries(Array.from({ length: 1_000 }, (_, i) => [`xl/media/p${i}.bin`, 'x']))), reason: /tệp Excel chứa quá nhiều phần \(1\.0\d\d\)/ },
  { name: 'a 61 MB part of zeros (a zip bomb)', file: 'a.xlsx', content: async () => xlsx([HEADER], { 'xl/media/bom.bin': new Uint8Array(61 * 1024 * 1024) }), reason: /một phần của tệp Excel khi giải nén lớn hơn 40 MB \(có thể là “bom nén”\)/ },
  { name: 'parts adding up over 60 MB', file: 'a.xlsx', content: async () => xlsx([HEADER], Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`xl/media/p${i}.bin`, new Uint8Array(16 * 1024 * 1024)]))), reason: /: tệp Excel khi giải nén lớn hơn 60 MB/ },
  { name: 'a sheet padded with 45 MB of blank cells', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet(`<sheetData><row r="1"><c r="A1"/></row></sheetData>${' '.repeat(45 * 1024 * 1024)}`)), reason: /một phần của tệp Excel khi giải nén lớn hơn 40 MB/ },
  { name: 'a part whose declared size is a lie', file: 'a.xlsx', content: async () => lieAboutSize(await xlsx(PEOPLE)), reason: BAD },
  { name: 'billion laughs in the sheet', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData>', LAUGHS)), reason: /khai báo DOCTYPE/ },
  { name: 'billion laughs in the shared strings', file: 'a.xlsx', content: async () => xlsx([HEADER], { 'xl/sharedStrings.xml': `<?xml version="1.0"?>${LAUGHS}<sst><si><t>&lol3;</t></si></sst>` }), reason: /khai báo DOCTYPE/ },
  { name: 'an external entity (XXE) in the workbook', file: 'a.xlsx', content: async () => xlsx([HEADER], { 'xl/workbook.xml': '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook><sheets><sheet name="&x;" r:id="rId1"/></sheets></workbook>' }), reason: /khai báo DOCTYPE/ },
  { name: 'an undeclared entity', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&passwd;</t></is></c></row></sheetData>')), reason: BAD },
  { name: 'a 2 KB file declaring XFD1048576', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row></sheetData>')), reason: /bảng tính khai báo ô cuối cùng ở dòng 1\.048\.576, quá 10\.000 dòng/ },
  { name: 'a declared dimension of 51 columns', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<dimension ref="A1:AY3"/><sheetData/>')), reason: /khai báo ô cuối cùng ở cột thứ 51, quá 50 cột/ },
  { name: 'one cell in XFD1048576', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<sheetData><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')), reason: /có dòng ở dòng 1\.048\.576/ },
  { name: 'one cell in XFD1', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')), reason: /có ô ở cột thứ 16\.384, quá 50 cột/ },
  { name: 'a cell address without its row', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<sheetData><row r="1"><c r="ZZZZ" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')), reason: /địa chỉ ô không hợp lệ/ },
  { name: '10,001 rows', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet(`<sheetData>${rowsXml(10_001)}</sheetData>`)), reason: /bảng tính có hơn 10\.000 dòng/ },
  { name: 'a million empty rows', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet(`<sheetData>${'<row/>'.repeat(1_000_000)}</sheetData>`)), reason: /bảng tính có hơn 10\.000 dòng/ },
  { name: 'row number 0', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<sheetData><row r="0"/></sheetData>')), reason: /số dòng không hợp lệ/ },
  { name: 'a row number that is not a number', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<sheetData><row r="một"/></sheetData>')), reason: /số dòng không hợp lệ/ },
  { name: '200,001 shared strings', file: 'a.xlsx', content: async () => xlsx([HEADER], { 'xl/sharedStrings.xml': `<sst>${'<si><t>a</t></si>'.repeat(200_001)}</sst>` }), reason: /hơn 200\.000 chuỗi chữ/ },
  { name: 'no workbook (a Word file renamed)', file: 'a.xlsx', content: async () => zipOf({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' }), reason: /không có bảng tính nào/ },
  { name: 'a workbook without sheets', file: 'a.xlsx', content: async () => xlsx([HEADER], { 'xl/workbook.xml': '<workbook><sheets/></workbook>' }), reason: /không có trang tính nào/ },
  { name: 'a sheet declared but missing', file: 'a.xlsx', content: async () => xlsx([HEADER], { 'xl/worksheets/sheet1.xml': null }), reason: /thiếu trang tính được khai báo/ },
  { name: 'unclosed XML', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<sheetData><row r="1"><c r="A1">')), reason: BAD },
  { name: 'not a zip', file: 'a.xlsx', content: 'Họ và tên,Chức vụ\nNguyễn Văn A,Chuyên viên', reason: BAD },
  { name: 'an empty file', file: 'a.xlsx', content: '', reason: BAD },
  { name: 'a PNG named .xlsx', file: 'a.xlsx', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), reason: BAD },
  { name: 'a truncated file', file: 'a.xlsx', content: async () => (await xlsx(PEOPLE)).subarray(0, 300), reason: BAD },
  { name: 'the zip comment only', file: 'a.xlsx', content: Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), reason: /không có bảng tính nào/ },
  { name: 'a cell of 501 characters', file: 'a.xlsx', content: async () => xlsx([HEADER, ['Nguyễn Văn A', 'x'.repeat(501), '']]), reason: /ô ở dòng 1 dài quá 500 ký tự/ },
  { name: '5,001 people', file: 'a.xlsx', content: async () => xlsx([HEADER, ...Array.from({ length: 5_001 }, (_, i) => [`Nguyễn Văn ${i}`, '', ''])]), reason: /nhiều hơn 5000 dòng/ },
  { name: 'only a header', file: 'a.xlsx', content: async () => xlsx([HEADER]), reason: /không tìm thấy dòng nào có họ và tên/ },
];

/** Rewrites the first central-directory entry's uncompressed size (and its local header's) to 10 bytes. */
function lieAboutSize(zip: Buffer): Buffer {
  const bytes = Buffer.from(zip);
  const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  let at = central;
  while (at >= 0) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString();
    if (name === 'xl/worksheets/sheet1.xml') {
      bytes.writeUInt32LE(10, at + 24);
      bytes.writeUInt32LE(10, bytes.readUInt32LE(at + 42) + 22);
      return bytes;
    }
    at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
  }
  throw new Error('sheet not found');
}

// prettier-ignore
const READ_XLSX: Read[] = [
  { name: 'a heading above the header', file: 'a.xlsx', content: async () => xlsx([['DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ'], HEADER, ...PEOPLE]), rows: asRows(PEOPLE), encoding: 'tệp Excel', heading: 'DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ' },
  { name: 'inline strings and numbers', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet(`<sheetData>${PEOPLE.map((p, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i + 1}</v></c>${p.map((c, j) => `<c r="${'BCD'[j]}${i + 1}" t="inlineStr"><is><t>${c}</t></is></c>`).join('')}</row>`).join('')}</sheetData>`)), rows: asRows(PEOPLE), encoding: 'tệp Excel' },
  { name: 'rich text with phonetic runs', file: 'a.xlsx', content: async () => xlsx([HEADER], { 'xl/sharedStrings.xml': '<sst><si><r><t>Nguyễn </t></r><r><t>Văn Thông</t></r><rPh><t>ignored</t></rPh></si></sst>', ...sheet('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>') }), rows: [{ fullName: 'Nguyễn Văn Thông', positions: '', unit: '' }], encoding: 'tệp Excel' },
  { name: 'an absolute sheet path and escaped characters', file: 'a.xlsx', content: async () => xlsx([['Lê Văn A &amp; B', 'Tổng &lt;Biên tập&gt;', '']], { 'xl/_rels/workbook.xml.rels': workbookRels('/xl/worksheets/sheet1.xml') }), rows: [{ fullName: 'Lê Văn A &amp; B', positions: 'Tổng &lt;Biên tập&gt;', unit: '' }], encoding: 'tệp Excel' },
  { name: 'sparse rows (gaps) and a far but allowed cell', file: 'a.xlsx', content: async () => xlsx([HEADER], sheet('<sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>Nguyễn Văn Thông</t></is></c></row><row r="9999"><c r="AX9999" t="inlineStr"><is><t>ghi chú</t></is></c></row></sheetData>')), rows: [{ fullName: 'Nguyễn Văn Thông', positions: '', unit: '' }], encoding: 'tệp Excel' },
];

const notText = (what: RegExp) => new RegExp(`tệp không phải văn bản mà là ${what.source}`);
// prettier-ignore
const REFUSED_CSV: Refused[] = [
  { name: 'a PNG renamed .csv', file: 'a.csv', content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), reason: notText(/một ảnh PNG/) },
  { name: 'a JPEG renamed .csv', file: 'a.csv', content: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), reason: notText(/một ảnh JPEG/) },
  { name: 'a GIF renamed .csv', file: 'a.csv', content: 'GIF89a\u0001\u0000', reason: notText(/một ảnh GIF/) },
  { name: 'a PDF renamed .csv', file: 'a.csv', content: '%PDF-1.7\n%âãÏÓ', reason: notText(/một tệp PDF/) },
  { name: 'an Excel file renamed .csv', file: 'a.csv', content: async () => xlsx(PEOPLE), reason: /một tệp nén \(có thể là tệp Excel \.xlsx/ },
  { name: 'an old .xls renamed .csv', file: 'a.csv', content: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), reason: /tệp Excel hoặc Word cũ \(\.xls, \.doc\); hãy lưu lại/ },
  { name: 'a SQLite database renamed .csv', file: 'a.csv', content: 'SQLite format 3\u0000', reason: notText(/một cơ sở dữ liệu SQLite/) },
  { name: 'random bytes', file: 'a.csv', content: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 251)), reason: /nhiều ký tự điều khiển/ },
  { name: 'UTF-16 with a BOM and a lone surrogate', file: 'a.csv', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Nguyễn,', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]), reason: /ghi là bảng mã UTF-16 nhưng có ký tự sai mã/ },
  { name: 'UTF-8 with a BOM and invalid bytes', file: 'a.csv', content: Buffer.concat([BOM8, Buffer.from('Nguy'), Buffer.from([0xc3, 0x28])]), reason: /ghi là bảng mã UTF-8 nhưng có ký tự sai mã/ },
  { name: 'a 6 MB list', file: 'a.csv', content: () => Buffer.alloc(6 * 1024 * 1024, 'Nguyễn Văn A,Chuyên viên\n'), code: 'FILE_TOO_LARGE', reason: /tệp lớn hơn giới hạn 5 MB \(6 MB\)/ },
  { name: '5,001 rows', file: 'a.csv', content: () => csvText(Array.from({ length: 5_001 }, (_, i) => [`Nguyễn Văn ${i}`, 'Chuyên viên'])), reason: /nhiều hơn 5000 dòng/ },
  { name: '5,001 rows in UTF-16', file: 'a.csv', content: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText(Array.from({ length: 5_001 }, (_, i) => [`Trần Thị ${i}`])), 'utf16le')]), reason: /nhiều hơn 5000 dòng/ },
  { name: 'an unclosed quote', file: 'a.csv', content: '"Nguyễn Văn A,Chuyên viên\n"Trần B', reason: /dấu ngoặc kép không khớp ở dòng 1/ },
  { name: 'a cell of 501 characters', file: 'a.csv', content: () => csvText([HEADER, ['Nguyễn Văn A', 'x'.repeat(501), '']]), reason: /ô ở dòng 1 dài quá 500 ký tự/ },
  { name: 'only a header', file: 'a.csv', content: csvText([HEADER]), reason: /không tìm thấy dòng nào có họ và tên/ },
  { name: 'an empty file', file: 'a.csv', content: '', reason: /không tìm thấy dòng nào có họ và tên/ },
  { name: 'only a heading line', file: 'a.csv', content: 'DANH SÁCH ĐẠI BIỂU\n', reason: /không tìm thấy dòng nào có họ và tên/ },
  { name: 'four million line breaks', file: 'a.csv', content: () => '\n'.repeat(4_000_000), reason: /không tìm thấy dòng nào có họ và tên/ },
  { name: 'one line of four million commas', file: 'a.csv', content: () => ','.repeat(4_000_000), reason: /không tìm thấy dòng nào có họ và tên/ },
  { name: 'a .txt file', file: 'a.txt', content: csvText(PEOPLE), reason: /chỉ đọc được tệp \.csv hoặc \.xlsx/ },
  { name: 'a .xls file', file: 'a.xls', content: csvText(PEOPLE), reason: /chỉ đọc được tệp \.csv hoặc \.xlsx/ },
];

const listed = [HEADER, ...PEOPLE];
// prettier-ignore
const READ_CSV: Read[] = [
  { name: 'UTF-8 with a BOM', file: 'a.csv', content: Buffer.concat([BOM8, Buffer.from(csvText(listed))]), rows: asRows(PEOPLE), encoding: 'bảng mã UTF-8' },
  { name: 'UTF-8 without a BOM', file: 'a.csv', content: csvText(listed), rows: asRows(PEOPLE), encoding: 'bảng mã UTF-8' },
  { name: 'UTF-16 LE with a BOM (Excel "Unicode text", tab-separated)', file: 'a.csv', content: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText(listed, '\t'), 'utf16le')]), rows: asRows(PEOPLE), encoding: 'bảng mã UTF-16' },
  { name: 'UTF-16 BE with a BOM', file: 'a.csv', content: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(csvText(listed))]), rows: asRows(PEOPLE), encoding: 'bảng mã UTF-16' },
  { name: 'UTF-16 LE without a BOM', file: 'a.csv', content: Buffer.from(csvText(listed), 'utf16le'), rows: asRows(PEOPLE), encoding: 'bảng mã UTF-16' },
  { name: 'UTF-16 BE without a BOM', file: 'a.csv', content: utf16be(csvText(listed)), rows: asRows(PEOPLE), encoding: 'bảng mã UTF-16' },
  { name: 'Windows-1258 (Vietnamese code page)', file: 'a.csv', content: () => codePage(csvText(listed), 'windows-1258'), rows: asRows(PEOPLE), encoding: 'bảng mã Windows-1258 (tiếng Việt)' },
  { name: 'Windows-1252 (Western names)', file: 'a.csv', content: () => cp1252(csvText([['Ho va ten', 'Chuc vu', 'Don vi'], ['Hélène Dupont', 'Conseillère', 'Ambassade de France'], ['Jürgen Müller', 'Berater', 'GIZ']])), rows: asRows([['Hélène Dupont', 'Conseillère', 'Ambassade de France'], ['Jürgen Müller', 'Berater', 'GIZ']]), encoding: 'bảng mã Windows-1252' },
  { name: 'TCVN3, offered converted', file: 'a.csv', content: () => cp1252(encodeLegacy(csvText(PEOPLE), 'tcvn3')), rows: asRows(PEOPLE.map((p) => p.map((c) => encodeLegacy(c, 'tcvn3')))), encoding: 'bảng mã Windows-1252', legacy: 'tcvn3' },
  { name: 'VNI, offered converted', file: 'a.csv', content: () => cp1252(encodeLegacy(csvText(PEOPLE), 'vni')), rows: asRows(PEOPLE.map((p) => p.map((c) => encodeLegacy(c, 'vni')))), encoding: 'bảng mã Windows-1252', legacy: 'vni' },
  { name: 'a heading line above the header', file: 'a.csv', content: csvText([['DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ'], ...listed]), rows: asRows(PEOPLE), encoding: 'bảng mã UTF-8', heading: 'DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ' },
  { name: 'two heading lines and blank lines', file: 'a.csv', content: `Hội nghị tổng kết năm 2026\n\nDanh sách đại biểu,,\n\n${csvText(listed)}`, rows: asRows(PEOPLE), encoding: 'bảng mã UTF-8', heading: 'Hội nghị tổng kết năm 2026 / Danh sách đại biểu' },
  { name: 'a heading line and no header', file: 'a.csv', content: csvText([['Danh sách đại biểu dự Hội nghị'], ...PEOPLE]), rows: asRows(PEOPLE), encoding: 'bảng mã UTF-8', heading: 'Danh sách đại biểu dự Hội nghị' },
  { name: 'a heading over a names-only list', file: 'a.csv', content: 'DANH SÁCH ĐẠI BIỂU\nNguyễn Văn Thông\nTrần Thị Mai\n', rows: asRows([['Nguyễn Văn Thông'], ['Trần Thị Mai']]), encoding: 'bảng mã UTF-8', heading: 'DANH SÁCH ĐẠI BIỂU' },
  { name: 'a names-only list (no heading)', file: 'a.csv', content: 'Nguyễn Văn Thông\nTrần Thị Mai\n', rows: asRows([['Nguyễn Văn Thông'], ['Trần Thị Mai']]), encoding: 'bảng mã UTF-8' },
  { name: 'semicolons as separators', file: 'a.csv', content: csvText(listed, ';'), rows: asRows(PEOPLE), encoding: 'bảng mã UTF-8' },
  { name: 'quoted cells with commas and line breaks', file: 'a.csv', content: csvText([HEADER, ['Nguyễn Văn Thông', 'Ủy viên, Chánh Văn phòng', 'Tỉnh ủy\nThanh Hóa']]), rows: [{ fullName: 'Nguyễn Văn Thông', positions: 'Ủy viên, Chánh Văn phòng', unit: 'Tỉnh ủy\nThanh Hóa' }], encoding: 'bảng mã UTF-8' },
  { name: 'numbered rows under STT', file: 'a.csv', content: csvText([['STT', ...HEADER], ...PEOPLE.map((p, i) => [`${i + 1}.`, ...p])]), rows: asRows(PEOPLE), encoding: 'bảng mã UTF-8' },
];

export const LIST_CASES = REFUSED_XLSX.length + READ_XLSX.length + REFUSED_CSV.length + READ_CSV.length;

async function bytesOf(content: Content): Promise<Buffer | string> {
  return typeof content === 'function' ? content() : content;
}

describe.each([
  ['Excel', REFUSED_XLSX],
  ['CSV', REFUSED_CSV],
] as const)('hostile %s lists', (_kind, cases) => {
  it.each(cases)('$name: refused, nothing written', async (c) => {
    const h = hostileStore();
    const path = join(h.dir, c.file);
    writeFileSync(path, await bytesOf(c.content));
    h.answer.open = path;
    const before = h.state();
    const result = await h.call('readAttendeeFile');
    expect(result).toMatchObject({ ok: false, error: { code: c.code ?? 'INVALID_INPUT' } });
    expect(result.error?.message).toMatch(new RegExp(`^Không đọc được danh sách đại biểu từ tệp ${c.file.replace('.', '\\.')}: `));
    expect(result.error?.message).toMatch(c.reason);
    expect(h.state()).toEqual(before);
  });
});

describe.each([
  ['Excel', READ_XLSX],
  ['CSV', READ_CSV],
] as const)('%s lists read exactly', (_kind, cases) => {
  it.each(cases)('$name', async (c) => {
    const h = hostileStore();
    const path = join(h.dir, c.file);
    writeFileSync(path, await bytesOf(c.content));
    h.answer.open = path;
    const before = h.state();
    const result = await h.call('readAttendeeFile');
    expect(result.ok, result.error?.message).toBe(true);
    const file = result.value as AttendeeFile;
    expect(file.rows).toEqual(c.rows);
    expect(file.encoding).toBe(c.encoding);
    expect(file.heading).toBe(c.heading ?? null);
    if (c.legacy) expect(file.legacy).toMatchObject({ encoding: c.legacy, confident: true, rows: asRows(PEOPLE) });
    else expect(file.legacy).toBeNull();
    // No mojibake: the sequences Windows-1252 makes of UTF-8 or UTF-16 Vietnamese.
    // eslint-disable-next-line no-control-regex -- a NUL is what UTF-16 read as bytes leaves
    if (!c.legacy) expect(JSON.stringify(file.rows)).not.toMatch(/Ã|Ä|Â|Æ|\u0000/);
    expect(h.state()).toEqual(before);
  });
});
