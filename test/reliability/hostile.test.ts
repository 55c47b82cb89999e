// Hostile inputs: meeting files, pasted rows and IPC payloads that are truncated, of the wrong type,
// enormous, deeply nested or full of control characters. Each gets its expected Vietnamese error and
// the database stays exactly as it was.
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import { createHandlers, type Dialogs, type Documents } from '../../electron/api/handlers.ts';
import { readMeetingFile } from '../../electron/services/meeting-file.ts';
import { createStore, type Store } from '../../electron/store/index.ts';
import { MEETING_FILE_MAX_BYTES } from '../../shared/model/meeting-file.ts';
import { openTestDatabase } from '../support/test-key.ts';

const FIXTURE = new URL('../fixtures/online-quarterly-review-2021.json', import.meta.url);
const valid = (): Record<string, unknown> => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;
const json = (value: unknown) => JSON.stringify(value);
/** The valid file with one change made by edit. */
const mutate = (
  edit: (
    file: Record<string, unknown> & {
      meeting: Record<string, unknown>;
      sites: Record<string, unknown>[];
      speeches: Record<string, unknown>[];
      conclusions: Record<string, unknown>[];
    },
  ) => void,
) => {
  const file = valid() as Parameters<typeof edit>[0];
  edit(file);
  return json(file);
};
const nested = (depth: number, inner = '0') => '['.repeat(depth) + inner + ']'.repeat(depth);
const MILLION = 'á'.repeat(1_000_000);

type Content = string | Buffer | { sparse: number } | { directory: true } | { missing: true };
interface FileCase {
  name: string;
  content: () => Content;
  code: string;
  message: RegExp;
}

// One case a line: the corpus reads as a table.
// prettier-ignore
const FILE_CASES: FileCase[] = [
  { name: 'empty file', content: () => '', code: 'FILE_MALFORMED', message: /JSON/ },
  { name: 'only whitespace', content: () => ' \n\t\n', code: 'FILE_MALFORMED', message: /JSON/ },
  { name: 'truncated to the first byte', content: () => readFileSync(FIXTURE).subarray(0, 1), code: 'FILE_MALFORMED', message: /bị hỏng/ },
  { name: 'truncated at half', content: () => { const b = readFileSync(FIXTURE); return b.subarray(0, b.length >> 1); }, code: 'FILE_MALFORMED', message: /bị hỏng/ },
  { name: 'truncated by the last brace', content: () => readFileSync(FIXTURE, 'utf8').trimEnd().slice(0, -1), code: 'FILE_MALFORMED', message: /bị hỏng/ },
  { name: 'truncated inside a multi-byte character', content: () => { const b = Buffer.from(`{"kind":"bien-ban/meeting","x":"Hộ`); return b.subarray(0, b.length - 1); }, code: 'FILE_MALFORMED', message: /UTF-8/ },
  { name: 'JSON null', content: () => 'null', code: 'FILE_WRONG_KIND', message: /không phải là tệp hội nghị/ },
  { name: 'JSON array', content: () => '[]', code: 'FILE_WRONG_KIND', message: /không phải là tệp hội nghị/ },
  { name: 'JSON number', content: () => '42', code: 'FILE_WRONG_KIND', message: /không phải là tệp hội nghị/ },
  { name: 'JSON string', content: () => '"bien-ban/meeting"', code: 'FILE_WRONG_KIND', message: /không phải là tệp hội nghị/ },
  { name: 'empty object', content: () => '{}', code: 'FILE_WRONG_KIND', message: /không phải là tệp hội nghị/ },
  { name: 'another kind', content: () => mutate((f) => { f.kind = 'bien-ban/profile'; }), code: 'FILE_WRONG_KIND', message: /không phải là tệp hội nghị/ },
  { name: 'duplicate key: the last kind wins', content: () => `{"kind":"bien-ban/meeting","kind":"other","version":1}`, code: 'FILE_WRONG_KIND', message: /không phải là tệp hội nghị/ },
  { name: 'a newer version', content: () => mutate((f) => { f.version = 3; }), code: 'FILE_TOO_NEW', message: /phiên bản Biên Bản mới hơn/ },
  { name: 'version as a string', content: () => mutate((f) => { f.version = '1'; }), code: 'INVALID_INPUT', message: /^Tệp hội nghị không hợp lệ/ },
  { name: 'version 0', content: () => mutate((f) => { f.version = 0; }), code: 'INVALID_INPUT', message: /^Tệp hội nghị không hợp lệ/ },
  { name: 'meeting missing', content: () => mutate((f) => { delete (f as Record<string, unknown>).meeting; }), code: 'INVALID_INPUT', message: /bị thiếu/ },
  { name: 'meeting is an array', content: () => mutate((f) => { (f as Record<string, unknown>).meeting = []; }), code: 'INVALID_INPUT', message: /sai kiểu dữ liệu/ },
  { name: 'title is a number', content: () => mutate((f) => { f.meeting.title = 5; }), code: 'INVALID_INPUT', message: /sai kiểu dữ liệu/ },
  { name: 'title of a million characters', content: () => mutate((f) => { f.meeting.title = MILLION; }), code: 'INVALID_INPUT', message: /quá dài/ },
  { name: 'speech of a million characters', content: () => mutate((f) => { (f.speeches[0] ?? {}).content = MILLION; }), code: 'INVALID_INPUT', message: /quá dài/ },
  { name: 'exportedAt of a million characters', content: () => mutate((f) => { f.exportedAt = MILLION; }), code: 'INVALID_INPUT', message: /quá dài/ },
  { name: 'title nested 100,000 deep', content: () => readFileSync(FIXTURE, 'utf8').replace(/"title": "[^"]*"/, `"title": ${nested(100_000)}`), code: 'FILE_MALFORMED', message: /lồng nhau quá sâu/ },
  { name: 'whole file nested 100,000 deep', content: () => nested(100_000), code: 'FILE_MALFORMED', message: /lồng nhau quá sâu/ },
  { name: 'objects nested 100,000 deep', content: () => '{"a":'.repeat(100_000) + '0' + '}'.repeat(100_000), code: 'FILE_MALFORMED', message: /lồng nhau quá sâu/ },
  { name: 'raw control characters inside a string', content: () => readFileSync(FIXTURE, 'utf8').replace(/"title": "/, '"title": "\u0001\u0002\u0007\u001b'), code: 'FILE_MALFORMED', message: /bị hỏng/ },
  { name: 'NUL bytes', content: () => Buffer.alloc(4096), code: 'FILE_MALFORMED', message: /bị hỏng/ },
  { name: 'invalid UTF-8', content: () => Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]), code: 'FILE_MALFORMED', message: /UTF-8/ },
  { name: 'UTF-16 with a BOM', content: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(FIXTURE, 'utf8'), 'utf16le')]), code: 'FILE_MALFORMED', message: /UTF-8/ },
  { name: 'a PNG image', content: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), code: 'FILE_MALFORMED', message: /UTF-8/ },
  { name: 'a Word file (zip)', content: () => Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000word/document.xml'), code: 'FILE_MALFORMED', message: /bị hỏng/ },
  { name: 'a SQLite database', content: () => Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.from([0x10, 0x00, 0x02, 0x02, 0xff])]), code: 'FILE_MALFORMED', message: /UTF-8/ },
  { name: '60 MB', content: () => ({ sparse: 60 * 1024 * 1024 }), code: 'FILE_TOO_LARGE', message: /lớn hơn giới hạn 50 MB \(60 MB\)/ },
  { name: 'one byte over the limit', content: () => ({ sparse: MEETING_FILE_MAX_BYTES + 1 }), code: 'FILE_TOO_LARGE', message: /lớn hơn giới hạn 50 MB/ },
  { name: 'a folder', content: () => ({ directory: true }), code: 'FILE_NOT_REGULAR', message: /Không đọc được tệp hội nghị .*: đường dẫn là một thư mục/ },
  { name: 'a file that disappeared', content: () => ({ missing: true }), code: 'FILE_UNREADABLE', message: /không tồn tại/ },
  { name: 'duplicate site keys', content: () => mutate((f) => { const [a, b] = f.sites; if (a && b) b.key = a.key; }), code: 'INVALID_INPUT', message: /bị trùng/ },
  { name: 'speech by an unknown speaker', content: () => mutate((f) => { (f.speeches[0] ?? {}).speakerKey = 'a999'; }), code: 'INVALID_INPUT', message: /không có trong danh sách đại biểu/ },
  { name: 'conclusion on an unknown agenda item', content: () => mutate((f) => { (f.conclusions[0] ?? {}).agendaKey = 'g999'; }), code: 'INVALID_INPUT', message: /không có trong chương trình/ },
  { name: 'two main sites', content: () => mutate((f) => { for (const s of f.sites) s.isMain = true; }), code: 'INVALID_INPUT', message: /chỉ được có một điểm cầu chính/ },
  { name: 'ends before it starts, too early to be past midnight', content: () => mutate((f) => { f.meeting.startTime = '17:00'; f.meeting.endTime = '08:00'; }), code: 'INVALID_INPUT', message: /phải sau giờ bắt đầu/ },
  { name: 'ends at an impossible time', content: () => mutate((f) => { f.meeting.startTime = '17:00'; f.meeting.endTime = '25:00'; }), code: 'INVALID_INPUT', message: /phải là giờ hợp lệ/ },
  { name: 'a count and a list for the same site', content: () => mutate((f) => { (f.sites[0] ?? {}).attendeeCount = 12; }), code: 'INVALID_INPUT', message: /Điểm cầu thứ 1 › đại biểu thứ 1: Điểm cầu này chỉ ghi số lượng đại biểu/ },
  { name: '20,001 sites', content: () => mutate((f) => { f.sites = Array.from({ length: 20_001 }, (_, i) => ({ key: `s${i}`, name: 'x' })); }), code: 'INVALID_INPUT', message: /quá nhiều mục/ },
  { name: '201 recipients', content: () => mutate((f) => { f.recipients = Array.from({ length: 201 }, () => 'Lưu VP'); }), code: 'INVALID_INPUT', message: /quá nhiều mục/ },
  { name: 'impossible date', content: () => mutate((f) => { f.meeting.date = '2021-13-45'; }), code: 'INVALID_INPUT', message: /Tệp hội nghị không hợp lệ/ },
  { name: 'negative document number', content: () => mutate((f) => { f.meeting.number = -5; }), code: 'INVALID_INPUT', message: /quá nhỏ/ },
  { name: 'unknown format', content: () => mutate((f) => { f.meeting.format = 'xyz'; }), code: 'INVALID_INPUT', message: /giá trị không hợp lệ/ },
  { name: 'number overflowing to Infinity', content: () => readFileSync(FIXTURE, 'utf8').replace(/"number": 5/, '"number": 1e999'), code: 'INVALID_INPUT', message: /Tệp hội nghị không hợp lệ/ },
  { name: 'prototype pollution attempt', content: () => `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"kind":"bien-ban/meeting","version":1}`, code: 'INVALID_INPUT', message: /bị thiếu/ },
  { name: 'script in a key', content: () => mutate((f) => { (f.sites[0] ?? {}).key = `<script>${'x'.repeat(100)}</script>`; }), code: 'INVALID_INPUT', message: /quá dài/ },
];

/** Every row of every table (WITHOUT ROWID and FTS tables included), in a stable order. */
function snapshot(target: Store): Record<string, string[]> {
  const tables = target.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(
    tables.map((t) => [
      t,
      target.db
        .prepare(`SELECT * FROM "${t}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort(),
    ]),
  );
}

const documents: Documents = { preview: () => ({ html: '', css: '', missing: [], advice: [] }), write: async () => ({ missing: [] }), print: async () => null };

let dir: string;
let store: Store;
let toOpen: string | null = null;
let call: (channel: string, input: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bien-ban-hostile-'));
  store = createStore(openTestDatabase(join(dir, 'bien-ban.sqlite')));
  const dialogs: Dialogs = { saveFile: async () => null, openFile: async () => toOpen, chooseFolder: async () => null };
  const handlers = createHandlers(store, dialogs, documents);
  call = async (channel, input) => dispatch(handlers, channel, input) as Promise<{ ok: boolean; error?: { code: string; message: string } }>;
  // Something to lose: a whole meeting.
  writeFileSync(join(dir, 'valid.json'), json(valid()));
  toOpen = join(dir, 'valid.json');
});
afterAll(() => {
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
});

function place(index: number, content: Content): string {
  const path = join(dir, `case-${index}.json`);
  if (typeof content === 'string' || Buffer.isBuffer(content)) writeFileSync(path, content);
  else if ('sparse' in content) {
    const fd = openSync(path, 'w');
    ftruncateSync(fd, content.sparse);
    closeSync(fd);
  } else if ('directory' in content) mkdirSync(path);
  return path;
}

interface CallCase {
  name: string;
  channel: string;
  input: () => unknown;
  code: string;
  message: RegExp;
}

const row = (content: string) => ({ speakerName: 'Đại biểu', content });
/** Blocks pasted from Excel or Word into a list (addItems: all rows or none). */
// prettier-ignore
const ROW_CASES: CallCase[] = [
  { name: '5,001 rows', channel: 'addItems', input: () => ({ list: 'speeches', meetingId: 1, rows: Array.from({ length: 5_001 }, () => row('x')) }), code: 'INVALID_INPUT', message: /quá nhiều mục \(tối đa 5\.000\)/ },
  { name: 'a million characters in the last of 3,000 rows', channel: 'addItems', input: () => ({ list: 'speeches', meetingId: 1, rows: [...Array.from({ length: 2_999 }, (_, i) => row(`Ý kiến ${i}`)), row(MILLION)] }), code: 'INVALID_INPUT', message: /quá dài/ },
  { name: 'a 20 MB block of names', channel: 'addItems', input: () => ({ list: 'agenda', meetingId: 1, rows: Array.from({ length: 2_000 }, () => ({ title: 'Nội dung '.repeat(1_200) })) }), code: 'INVALID_INPUT', message: /quá dài/ },
  { name: 'a row that is a number', channel: 'addItems', input: () => ({ list: 'speeches', meetingId: 1, rows: [row('a'), 42] }), code: 'INVALID_INPUT', message: /Yêu cầu không hợp lệ/ },
  { name: 'a row that is an array', channel: 'addItems', input: () => ({ list: 'speeches', meetingId: 1, rows: [['a', 'b']] }), code: 'INVALID_INPUT', message: /Yêu cầu không hợp lệ/ },
  { name: 'no rows', channel: 'addItems', input: () => ({ list: 'speeches', meetingId: 1, rows: [] }), code: 'INVALID_INPUT', message: /Yêu cầu không hợp lệ/ },
  { name: 'a field nested 10,000 deep', channel: 'addItems', input: () => ({ list: 'speeches', meetingId: 1, rows: [{ content: JSON.parse(nested(10_000)) as unknown }] }), code: 'INVALID_INPUT', message: /sai kiểu dữ liệu/ },
  { name: 'control characters in a name of more than 200 characters', channel: 'addItems', input: () => ({ list: 'speeches', meetingId: 1, rows: [row('ok'), { speakerName: 'Nguyễn\u0007'.repeat(40), content: '' }] }), code: 'INVALID_INPUT', message: /quá dài/ },
  { name: 'rows into a meeting that does not exist', channel: 'addItems', input: () => ({ list: 'speeches', meetingId: 999, rows: [row('a')] }), code: 'NOT_FOUND', message: /Không tìm thấy hội nghị/ },
  { name: 'rows into a list that does not exist', channel: 'addItems', input: () => ({ list: 'sqlite_master', meetingId: 1, rows: [row('a')] }), code: 'INVALID_INPUT', message: /Yêu cầu không hợp lệ/ },
  { name: 'attendees at a site of another meeting', channel: 'addItems', input: () => ({ list: 'attendees', meetingId: 1, rows: [{ siteId: 99_999, fullName: 'Nguyễn Văn B' }] }), code: 'INVALID_INPUT', message: /không thuộc hội nghị này/ },
];

/** Payloads a compromised page could send on other channels. */
// prettier-ignore
const PAYLOAD_CASES: CallCase[] = [
  { name: 'a title of a million characters', channel: 'updateMeeting', input: () => ({ id: 1, patch: { title: MILLION } }), code: 'INVALID_INPUT', message: /quá dài/ },
  { name: 'a title nested 10,000 deep', channel: 'updateMeeting', input: () => ({ id: 1, patch: { title: JSON.parse(nested(10_000)) as unknown } }), code: 'INVALID_INPUT', message: /sai kiểu dữ liệu/ },
  { name: 'an id beyond the safe integers', channel: 'updateMeeting', input: () => ({ id: 2 ** 60, patch: {} }), code: 'INVALID_INPUT', message: /Yêu cầu không hợp lệ/ },
  { name: 'a fractional id', channel: 'getMeeting', input: () => ({ id: 1.5 }), code: 'INVALID_INPUT', message: /Yêu cầu không hợp lệ/ },
  { name: 'the prototype as a channel', channel: '__proto__', input: () => ({}), code: 'INVALID_INPUT', message: /không có chức năng này/ },
  { name: 'constructor as a channel', channel: 'constructor', input: () => ({}), code: 'INVALID_INPUT', message: /không có chức năng này/ },
  { name: 'a search text of 201 characters', channel: 'suggestPeople', input: () => ({ text: 'a'.repeat(201) }), code: 'INVALID_INPUT', message: /Yêu cầu không hợp lệ/ },
  { name: 'an undo token of 101 characters', channel: 'undoDelete', input: () => ({ undoToken: 'x'.repeat(101) }), code: 'INVALID_INPUT', message: /Yêu cầu không hợp lệ/ },
  { name: 'a made-up undo token', channel: 'undoDelete', input: () => ({ undoToken: '00000000-0000-0000-0000-000000000000' }), code: 'NOT_FOUND', message: /Không còn bản sao/ },
  { name: 'a negative position', channel: 'moveItem', input: () => ({ list: 'speeches', id: 1, position: -1 }), code: 'INVALID_INPUT', message: /Yêu cầu không hợp lệ/ },
  { name: 'a profile of a million characters', channel: 'updateProfile', input: () => ({ patch: { issuingBody: MILLION } }), code: 'INVALID_INPUT', message: /quá dài/ },
  { name: 'a person of the wrong type', channel: 'rememberPerson', input: () => ({ person: { fullName: ['Nguyễn'] } }), code: 'INVALID_INPUT', message: /sai kiểu dữ liệu/ },
  { name: 'a copy of a meeting that does not exist', channel: 'createMeeting', input: () => ({ copyFrom: 999 }), code: 'NOT_FOUND', message: /Không tìm thấy/ },
  { name: 'a speech by an attendee of another meeting', channel: 'updateItem', input: () => ({ list: 'speeches', id: 1, patch: { attendeeId: 99_999 } }), code: 'INVALID_INPUT', message: /không thuộc hội nghị này/ },
  { name: 'a string instead of an object', channel: 'createMeeting', input: () => 'DROP TABLE meetings', code: 'INVALID_INPUT', message: /Yêu cầu không hợp lệ/ },
];

/** Attendee lists (CSV, Excel): read only, shown before anything is added. */
// prettier-ignore
const ATTENDEE_CASES: { name: string; file: string; content: () => Content; code?: string; message: RegExp }[] = [
  { name: 'a 6 MB CSV', file: 'dai-bieu.csv', content: () => ({ sparse: 6 * 1024 * 1024 }), code: 'FILE_TOO_LARGE', message: /lớn hơn giới hạn 5 MB \(6 MB\)/ },
  { name: 'a CSV of 5,001 rows', file: 'dai-bieu.csv', content: () => Array.from({ length: 5_001 }, (_, i) => `Nguyễn Văn ${i},Chuyên viên,Văn phòng`).join('\n'), message: /nhiều hơn 5000 dòng/ },
  { name: 'a truncated Excel file', file: 'dai-bieu.xlsx', content: () => Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000'), message: /Không đọc được danh sách đại biểu/ },
  { name: 'a PNG named .xlsx', file: 'anh.xlsx', content: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), message: /Không đọc được danh sách đại biểu/ },
];

export const figures = { files: FILE_CASES.length, rows: ROW_CASES.length, payloads: PAYLOAD_CASES.length, attendeeFiles: ATTENDEE_CASES.length };

describe('hostile meeting files', () => {
  it('the valid fixture imports (the corpus starts from a store with data)', async () => {
    expect(await call('importMeetingFile', {})).toMatchObject({ ok: true });
    expect(store.meetings.list()).toHaveLength(1);
  });

  it.each(FILE_CASES.map((c, i) => [c.name, i, c] as const))('%s: refused, nothing written', async (_name, index, c) => {
    const before = snapshot(store);
    toOpen = place(index, c.content());
    const result = await call('importMeetingFile', {});
    expect(result).toMatchObject({ ok: false, error: { code: c.code, message: expect.stringMatching(c.message) } });
    expect(snapshot(store)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('the corpus holds at least 50 hostile inputs', () => {
    expect(FILE_CASES.length + ROW_CASES.length + PAYLOAD_CASES.length).toBeGreaterThanOrEqual(50);
  });

  it('a UTF-8 BOM and escaped control characters are accepted: the BOM dropped, the characters removed', () => {
    const file = valid() as { meeting: Record<string, unknown> };
    file.meeting.title = 'Hội nghị\u0001\u0002 giao ban\u0000';
    const path = join(dir, 'bom.json');
    writeFileSync(path, `\uFEFF${json(file)}`);
    expect(readMeetingFile(path).meeting.title).toBe('Hội nghị giao ban');
  });
});

describe.each([
  ['pasted rows', ROW_CASES],
  ['IPC payloads', PAYLOAD_CASES],
] as const)('hostile %s', (_kind, cases) => {
  it.each(cases.map((c) => [c.name, c] as const))('%s: refused, nothing written', async (_name, c) => {
    const before = snapshot(store);
    const result = await call(c.channel, c.input());
    expect(result).toMatchObject({ ok: false, error: { code: c.code, message: expect.stringMatching(c.message) } });
    expect(snapshot(store)).toEqual(before);
  });
});

describe('hostile attendee lists', () => {
  it.each(ATTENDEE_CASES.map((c, i) => [c.name, i, c] as const))('%s: refused, nothing written', async (_name, index, c) => {
    const before = snapshot(store);
    const folder = join(dir, `attendees-${index}`);
    mkdirSync(folder, { recursive: true });
    const content = c.content();
    toOpen = join(folder, c.file);
    if (typeof content === 'string' || Buffer.isBuffer(content)) writeFileSync(toOpen, content);
    else if ('sparse' in content) {
      const fd = openSync(toOpen, 'w');
      ftruncateSync(fd, content.sparse);
      closeSync(fd);
    }
    const result = await call('readAttendeeFile', {});
    expect(result).toMatchObject({ ok: false, error: { code: c.code ?? 'INVALID_INPUT', message: expect.stringMatching(c.message) } });
    expect(snapshot(store)).toEqual(before);
  });
});
