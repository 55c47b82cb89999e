import JSZip from 'jszip';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../electron/api/dispatch.ts';
import { createHandlers } from '../electron/api/handlers.ts';
import { MAX_FILE_BYTES, readAttendeeFile, toAttendeeRows } from '../electron/services/attendee-file.ts';
import { createMeeting } from '../electron/services/meetings.ts';
import type { AttendeeFile } from '../shared/attendee-file.ts';
import { encodeLegacy } from '../shared/vietnamese/legacy.ts';
import { memoryStore, snapshot, tempDir } from './support/store.ts';

const PEOPLE = [
  ['Nguyễn Văn Thông', 'Phó Bí thư Thường trực Tỉnh ủy', 'Tỉnh ủy Thanh Hóa'],
  ['Trần Thị Mai', 'Trưởng ban Tổ chức', 'Tỉnh ủy Nghệ An'],
  ['Đặng Đức Hòa', 'Chuyên viên', 'Ban Tổ chức Trung ương'],
];
const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n');
/** Windows-1252 bytes of text whose characters are all in that code page (as TCVN3 and VNI files are). */
const cp1252 = (text: string) => {
  const back = new Map<string, number>();
  const decoder = new TextDecoder('windows-1252');
  for (let b = 0; b < 256; b++) back.set(decoder.decode(new Uint8Array([b])), b);
  return Buffer.from([...text].map((c) => back.get(c) ?? 63));
};

async function xlsx(rows: string[][]): Promise<Buffer> {
  const strings: string[] = [];
  const ref = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sheet = rows.map((row, r) => `<row r="${r + 1}">${row.map((cell, c) => `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="s"><v>${ref(cell)}</v></c>`).join('')}</row>`).join('');
  const zip = new JSZip();
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Đại biểu" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/_rels/workbook.xml.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheet}</sheetData></worksheet>`);
  zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

const asRows = (people: string[][]) => people.map(([fullName = '', positions = '', unit = '']) => ({ fullName, positions, unit }));

describe('attendee list files', () => {
  it.each([
    ['header in another order', [['Đơn vị', 'Họ và tên', 'Chức vụ'], ...PEOPLE.map(([n = '', p = '', u = '']) => [u, n, p])]],
    ['no header', PEOPLE],
    ['row numbers and a STT header', [['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị'], ...PEOPLE.map((p, i) => [`${i + 1}.`, ...p])]],
  ])('reads rows: %s', (_name, cells) => {
    expect(toAttendeeRows(cells)).toEqual(asRows(PEOPLE));
  });

  it('reads a UTF-8 CSV file with a byte-order mark', async () => {
    const file = join(tempDir(), 'dai-bieu.csv');
    writeFileSync(file, `\uFEFF${csv([['Họ và tên', 'Chức vụ', 'Đơn vị'], ...PEOPLE])}`);
    expect(await readAttendeeFile(file)).toEqual({ fileName: 'dai-bieu.csv', rows: asRows(PEOPLE), legacy: null });
  });

  it.each(['tcvn3', 'vni'] as const)('recognises a %s CSV file and offers the Unicode rows, keeping the original', async (encoding) => {
    const file = join(tempDir(), 'cu.csv');
    writeFileSync(file, cp1252(encodeLegacy(csv(PEOPLE), encoding)));
    const read = await readAttendeeFile(file);
    expect(read.rows[0]?.fullName).toBe(encodeLegacy('Nguyễn Văn Thông', encoding));
    expect(read.legacy).toMatchObject({ encoding, confident: true });
    expect(read.legacy?.rows).toEqual(asRows(PEOPLE));
  });

  it('reads an Excel file', async () => {
    const file = join(tempDir(), 'dai-bieu.xlsx');
    writeFileSync(file, await xlsx([['Họ và tên', 'Chức vụ', 'Đơn vị'], ...PEOPLE]));
    expect((await readAttendeeFile(file)).rows).toEqual(asRows(PEOPLE));
  });

  it.each([
    ['a damaged Excel file', 'x.xlsx', Buffer.from('PK not really a zip'), /tệp Excel bị hỏng/],
    ['another kind of file', 'x.pdf', Buffer.from('%PDF'), /chỉ đọc được tệp \.csv hoặc \.xlsx/],
    ['an unclosed quote', 'x.csv', Buffer.from('"Nguyễn Văn A,Chuyên viên\n"Trần B'), /dấu ngoặc kép/],
    ['an empty list', 'x.csv', Buffer.from('Họ và tên,Chức vụ\n'), /không tìm thấy dòng nào/],
    ['an oversized file', 'x.csv', Buffer.alloc(MAX_FILE_BYTES + 1, 65), /lớn hơn 5 MB/],
  ])('refuses %s with a Vietnamese message', async (_name, fileName, bytes, message) => {
    const file = join(tempDir(), fileName);
    writeFileSync(file, bytes);
    await expect(readAttendeeFile(file)).rejects.toThrow(message);
  });

  it('through the channels: read, then add all rows at once; a bad file writes nothing', async () => {
    const store = memoryStore();
    const dir = tempDir();
    const good = join(dir, 'a.csv');
    const bad = join(dir, 'b.xlsx');
    writeFileSync(good, csv(PEOPLE));
    writeFileSync(bad, 'broken');
    const toOpen = [good, bad];
    const handlers = createHandlers(store, { saveFile: async () => null, openFile: async () => toOpen.shift() ?? null, chooseFolder: async () => null },
      { preview: () => ({ html: '', css: '', missing: [] }), writeDocx: async () => ({ missing: [] }) }, { backupsDir: join(dir, 'backups') });
    const meetingId = createMeeting(store, { title: 'Hội nghị' });
    const site = store.sites.add(meetingId, { name: 'Điểm cầu Trung ương', level: 'central' });
    const read = await dispatch(handlers, 'readAttendeeFile', {});
    if (!read.ok || !read.value) throw new Error('not read');
    const { rows } = read.value as AttendeeFile;
    const added = await dispatch(handlers, 'addItems', { list: 'attendees', meetingId, rows: rows.map((r) => ({ ...r, siteId: site.id })) });
    expect(added.ok).toBe(true);
    expect(store.attendees.list(meetingId).map((a) => a.fullName)).toEqual(PEOPLE.map((p) => p[0]));
    const before = snapshot(store);
    expect(await dispatch(handlers, 'readAttendeeFile', {})).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Không đọc được danh sách đại biểu từ tệp b\.xlsx/) } });
    expect(snapshot(store)).toEqual(before);
    expect(await dispatch(handlers, 'readAttendeeFile', {})).toEqual({ ok: true, value: null });
  });
});
