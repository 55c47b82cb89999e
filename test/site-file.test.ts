// Site lists from CSV and Excel files (the attendee list's reader, table-file.ts): name, level, head count,
// address; the levels as secretaries write them; refusals in Vietnamese; through the channels, the 3,321 commune
// sites of a national conference added in one bulk write, a list imported twice adding nothing the second time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../electron/api/dispatch.ts';
import { createHandlers } from '../electron/api/handlers.ts';
import { createMeeting } from '../electron/services/meetings.ts';
import { levelOf, MAX_SITE_ROWS, readSiteFile, toSiteRows } from '../electron/services/site-file.ts';
import type { Store } from '../electron/store/index.ts';
import type { ImportedSites } from '../shared/api.ts';
import type { SiteFile } from '../shared/site-file.ts';
import { encodeLegacy } from '../shared/vietnamese/legacy.ts';
import { memoryStore, snapshot, tempDir } from './support/store.ts';
import { xlsx } from './support/xlsx.ts';

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n');

/** The 3,321 commune sites of a national conference, as an office would send them. */
export const communeRows = (count = 3321): string[][] => [
  ['DANH SÁCH ĐIỂM CẦU CẤP XÃ'],
  ['STT', 'Tên điểm cầu', 'Cấp', 'Số đại biểu', 'Địa chỉ'],
  ...Array.from({ length: count }, (_, i) => [String(i + 1), `Điểm cầu xã số ${i + 1}`, 'Cấp xã', String(10 + (i % 30)), `Tỉnh số ${1 + (i % 34)}`]),
];

function handlersFor(store: Store, toOpen: string[]) {
  return createHandlers(
    store,
    { saveFile: async () => null, openFile: async () => toOpen.shift() ?? null, chooseFolder: async () => null },
    {
      preview: () => ({ html: '', css: '', missing: [], advice: [] }),
      write: async () => ({ missing: [] }),
      print: async () => {
        throw new Error('not printed here');
      },
    },
  );
}

describe('site list files', () => {
  it.each([
    ['Trung ương', 'central'],
    ['TW', 'central'],
    ['cấp tỉnh', 'province'],
    ['Tỉnh, thành phố', 'province'],
    ['thành phố', 'province'],
    ['Huyện', 'district'],
    ['cấp huyện', 'district'],
    ['thị xã', 'district'],
    ['Quận', 'district'],
    ['Thành phố thuộc tỉnh', 'district'],
    ['cấp xã', 'commune'],
    ['Xã', 'commune'],
    ['phường', 'commune'],
    ['Thị trấn', 'commune'],
    ['Điểm cầu cấp xã', 'commune'],
    ['', 'other'],
    ['Khác', 'other'],
    ['cấp trên', null],
    ['123', null],
  ] as const)('reads the level “%s” as %s', (text, level) => {
    expect(levelOf(text)).toBe(level);
  });

  it('reads a header in any order under a heading line, skipping numbers and rows without a name', () => {
    const cells = [
      ['Các điểm cầu dự hội nghị'],
      ['Số lượng', 'Cấp', 'STT', 'Tên điểm cầu'],
      ['1.234', 'cấp tỉnh', '1', 'Tỉnh ủy Nghệ An'],
      ['', 'Trung ương', '2', 'Trụ sở Ban Tổ chức Trung ương'],
      ['12', 'xã', '3', ''],
      ['3 321', 'Xã', '4', 'Xã Nam Đàn'],
    ];
    expect(toSiteRows(cells)).toEqual({
      heading: 'Các điểm cầu dự hội nghị',
      rows: [
        { name: 'Tỉnh ủy Nghệ An', location: '', level: 'province', attendeeCount: 1234 },
        { name: 'Trụ sở Ban Tổ chức Trung ương', location: '', level: 'central', attendeeCount: null },
        { name: 'Xã Nam Đàn', location: '', level: 'commune', attendeeCount: 3321 },
      ],
    });
  });

  it('reads a list without a header in the order tên, cấp, số đại biểu, địa chỉ, numbered or not', () => {
    expect(
      toSiteRows([
        ['Xã A', 'xã', '12', 'Nghệ An'],
        ['Xã B', 'xã', '', ''],
      ]).rows,
    ).toEqual([
      { name: 'Xã A', location: 'Nghệ An', level: 'commune', attendeeCount: 12 },
      { name: 'Xã B', location: '', level: 'commune', attendeeCount: null },
    ]);
    expect(
      toSiteRows([
        ['1', 'Xã A', 'xã', '12'],
        ['2', 'Xã B', 'phường', '7'],
      ]).rows.map((r) => [r.name, r.level, r.attendeeCount]),
    ).toEqual([
      ['Xã A', 'commune', 12],
      ['Xã B', 'commune', 7],
    ]);
  });

  it.each([
    [
      'a level it cannot read',
      [
        ['Tên', 'Cấp', 'Số đại biểu'],
        ['Xã A', 'xã', '1'],
        ['Xã B', 'liên xã', '2'],
      ],
      'dòng 3: cấp “liên xã” không rõ',
    ],
    [
      'a count that is not a number',
      [
        ['Tên', 'Cấp', 'Số đại biểu'],
        ['Xã A', 'xã', 'mười hai'],
      ],
      'dòng 2: số đại biểu “mười hai” không phải là số nguyên không âm',
    ],
    [
      'a negative count',
      [
        ['Tên', 'Cấp', 'Số đại biểu'],
        ['Xã A', 'xã', '-3'],
      ],
      'số đại biểu “-3”',
    ],
    [
      'a name far too long',
      [
        ['Tên', 'Cấp'],
        ['X'.repeat(301), 'xã'],
      ],
      'dài quá 300 ký tự',
    ],
  ])('refuses %s, naming the line', (_name, cells, message) => {
    expect(() => toSiteRows(cells, 'ds.csv')).toThrow(message);
    expect(() => toSiteRows(cells, 'ds.csv')).toThrow(/^Không đọc được danh sách điểm cầu từ tệp ds\.csv: /);
  });

  it('reads a CSV file in UTF-16 (Excel “Unicode text”) and an Excel file', async () => {
    const dir = tempDir();
    const rows = [
      ['Tên điểm cầu', 'Cấp', 'Số đại biểu'],
      ['Tỉnh ủy Hà Tĩnh', 'Tỉnh', '25'],
      ['Xã Thạch Hà', 'Xã', '14'],
    ];
    const utf16 = join(dir, 'diem-cau.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(rows.map((r) => r.join('\t')).join('\r\n'), 'utf16le')]));
    const book = join(dir, 'diem-cau.xlsx');
    writeFileSync(book, await xlsx(rows));
    const expected = [
      { name: 'Tỉnh ủy Hà Tĩnh', location: '', level: 'province', attendeeCount: 25 },
      { name: 'Xã Thạch Hà', location: '', level: 'commune', attendeeCount: 14 },
    ];
    expect(await readSiteFile(utf16)).toMatchObject({ fileName: 'diem-cau.csv', encoding: 'bảng mã UTF-16', rows: expected, legacy: null });
    expect(await readSiteFile(book)).toMatchObject({ encoding: 'tệp Excel', rows: expected });
  });

  it('recognises a list typed in TCVN3: the levels are read, the names offered converted', async () => {
    const file = join(tempDir(), 'cu.csv');
    const text = csv([
      ['Tên điểm cầu', 'Cấp', 'Số đại biểu'],
      ['Xã Nghi Lộc', 'cấp xã', '12'],
      ['Huyện Nghi Lộc', 'cấp huyện', '30'],
    ]);
    writeFileSync(file, Buffer.from([...encodeLegacy(text, 'tcvn3')].map((c) => c.charCodeAt(0) & 0xff)));
    const read = await readSiteFile(file);
    expect(read.rows.map((r) => r.level)).toEqual(['commune', 'district']);
    expect(read.legacy?.encoding).toBe('tcvn3');
    expect(read.legacy?.rows.map((r) => r.name)).toEqual(['Xã Nghi Lộc', 'Huyện Nghi Lộc']);
  });

  it.each([
    ['an empty list', 'x.csv', Buffer.from('Tên điểm cầu,Cấp\n'), /không tìm thấy dòng nào có tên điểm cầu/],
    ['a picture renamed', 'x.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /một ảnh PNG/],
    ['another kind of file', 'x.txt', Buffer.from('Xã A,xã'), /chỉ đọc được tệp \.csv hoặc \.xlsx/],
  ])('refuses %s with a Vietnamese message', async (_name, fileName, bytes, message) => {
    const file = join(tempDir(), fileName);
    writeFileSync(file, bytes);
    await expect(readSiteFile(file)).rejects.toThrow(message);
  });

  it(`refuses more than ${MAX_SITE_ROWS.toLocaleString('vi-VN')} sites`, async () => {
    const file = join(tempDir(), 'nhieu.csv');
    writeFileSync(file, csv(communeRows(MAX_SITE_ROWS + 1).slice(1)));
    await expect(readSiteFile(file)).rejects.toThrow(/nhiều hơn 10\.000 dòng/);
  });
});

describe('site lists through the channels', () => {
  it('adds the 3,321 commune sites in one bulk write; a second import of the same file adds nothing', async () => {
    const store = memoryStore();
    const dir = tempDir();
    const file = join(dir, 'xa.csv');
    writeFileSync(file, `\uFEFF${csv(communeRows())}`);
    const meetingId = createMeeting(store, { title: 'Hội nghị toàn quốc', mode: 'online' });
    const main = store.sites.add(meetingId, { name: 'Trụ sở Ban Tổ chức Trung ương', level: 'central' });
    const handlers = handlersFor(store, [file, file]);
    const read = await dispatch(handlers, 'readSiteFile', { meetingId });
    if (!read.ok || !read.value) throw new Error('not read');
    const list = read.value as SiteFile;
    expect(list).toMatchObject({ heading: 'DANH SÁCH ĐIỂM CẦU CẤP XÃ', existing: 0 });
    expect(list.rows).toHaveLength(3321);
    const revision = store.meetings.get(meetingId).revision;
    const added = await dispatch(handlers, 'importSites', { meetingId, sites: list.rows });
    if (!added.ok) throw new Error(added.error.message);
    const imported = added.value as ImportedSites;
    expect(imported).toMatchObject({ added: 3321, skipped: 0 });
    expect(imported.lists.sites).toHaveLength(3322);
    // One write: the revision rises once.
    expect(imported.revision).toBe(revision + 1);
    const sites = store.sites.list(meetingId);
    expect(sites.filter((s) => s.isMain).map((s) => s.id)).toEqual([main.id]);
    expect(sites[3321]).toMatchObject({
      name: 'Điểm cầu xã số 3321',
      level: 'commune',
      attendeeCount: 10 + (3320 % 30),
      location: `Tỉnh số ${1 + (3320 % 34)}`,
      ord: 3321,
    });

    const again = await dispatch(handlers, 'readSiteFile', { meetingId });
    if (!again.ok || !again.value) throw new Error('not read');
    expect((again.value as SiteFile).existing).toBe(3321);
    const twice = await dispatch(handlers, 'importSites', { meetingId, sites: (again.value as SiteFile).rows });
    expect(twice).toMatchObject({ ok: true, value: { added: 0, skipped: 3321 } });
    expect(store.sites.list(meetingId)).toHaveLength(3322);
  });

  it('refuses a bad row before writing anything', async () => {
    const store = memoryStore();
    const meetingId = createMeeting(store, { title: 'Hội nghị' });
    const handlers = handlersFor(store, []);
    const before = snapshot(store);
    const refused = await dispatch(handlers, 'importSites', {
      meetingId,
      sites: [
        { name: 'Xã A', level: 'commune', attendeeCount: 3 },
        { name: 'Xã B', level: 'liên xã' },
      ],
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Không nhập được danh sách điểm cầu: Mục thứ 2 › cấp: có giá trị không hợp lệ.' },
    });
    expect(snapshot(store)).toEqual(before);
    expect(await dispatch(handlers, 'readSiteFile', { meetingId })).toEqual({ ok: true, value: null });
  });
});
