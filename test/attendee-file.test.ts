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
import { xlsx } from './support/xlsx.ts';

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

const asRows = (people: string[][]) => people.map(([fullName = '', positions = '', unit = '']) => ({ fullName, positions, unit }));

describe('attendee list files', () => {
  it.each([
    ['header in another order', [['Đơn vị', 'Họ và tên', 'Chức vụ'], ...PEOPLE.map(([n = '', p = '', u = '']) => [u, n, p])]],
    ['no header', PEOPLE],
    ['row numbers and a STT header', [['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị'], ...PEOPLE.map((p, i) => [`${i + 1}.`, ...p])]],
  ])('reads rows: %s', (_name, cells) => {
    expect(toAttendeeRows(cells)).toEqual({ rows: asRows(PEOPLE), heading: null });
  });

  it('reads a UTF-8 CSV file with a byte-order mark', async () => {
    const file = join(tempDir(), 'dai-bieu.csv');
    writeFileSync(file, `\uFEFF${csv([['Họ và tên', 'Chức vụ', 'Đơn vị'], ...PEOPLE])}`);
    expect(await readAttendeeFile(file)).toEqual({ fileName: 'dai-bieu.csv', encoding: 'bảng mã UTF-8', heading: null, rows: asRows(PEOPLE), legacy: null });
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
    ['an oversized file', 'x.csv', Buffer.alloc(MAX_FILE_BYTES + 1, 65), /lớn hơn giới hạn 5 MB/],
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
    const handlers = createHandlers(
      store,
      { saveFile: async () => null, openFile: async () => toOpen.shift() ?? null, chooseFolder: async () => null },
      { preview: () => ({ html: '', css: '', missing: [], advice: [] }), write: async () => ({ missing: [] }), print: async () => null },
      { backupsDir: join(dir, 'backups') },
    );
    const meetingId = createMeeting(store, { title: 'Hội nghị' });
    const site = store.sites.add(meetingId, { name: 'Điểm cầu Trung ương', level: 'central' });
    const read = await dispatch(handlers, 'readAttendeeFile', {});
    if (!read.ok || !read.value) throw new Error('not read');
    const { rows } = read.value as AttendeeFile;
    const added = await dispatch(handlers, 'addItems', { list: 'attendees', meetingId, rows: rows.map((r) => ({ ...r, siteId: site.id })) });
    expect(added.ok).toBe(true);
    expect(store.attendees.list(meetingId).map((a) => a.fullName)).toEqual(PEOPLE.map((p) => p[0]));
    const before = snapshot(store);
    expect(await dispatch(handlers, 'readAttendeeFile', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Không đọc được danh sách đại biểu từ tệp b\.xlsx/) },
    });
    expect(snapshot(store)).toEqual(before);
    expect(await dispatch(handlers, 'readAttendeeFile', {})).toEqual({ ok: true, value: null });
  });
});
