// Pathological text and search queries: long runs of white space or combining marks, 80 KB titles,
// NFD, control characters and lone surrogates through the editing channels and a meeting file; search
// queries that are long, have many words or carry FTS5 syntax. Each is refused with its message (the
// database unchanged) or stored exactly as the normalisation says; none crashes or hangs (linear time:
// bench/text.ts measures it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_TERMS } from '../../shared/api.ts';
import { MAX_COMBINING_RUN } from '../../shared/text.ts';
import { FIXTURE, hostileStore, type HostileStore } from '../support/hostile.ts';

const SP = (n: number) => ' '.repeat(n);
const TOO_LONG = (max: string) => new RegExp(`quá dài \\(tối đa ${max.replace('.', '\\.')} ký tự\\)`);
const title = (text: string) => (h: HostileStore) => h.call('updateMeeting', { id: 1, patch: { title: text } });
const speech = (text: string) => (h: HostileStore) => h.call('updateItem', { list: 'speeches', id: 1, patch: { content: text } });
const name = (text: string) => (h: HostileStore) => h.call('addItems', { list: 'attendees', meetingId: 1, rows: [{ siteId: 1, fullName: text }] });
function meetingFile(edit: (file: { meeting: Record<string, unknown> }) => void) {
  return async (h: HostileStore) => {
    const file = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { meeting: Record<string, unknown> };
    edit(file);
    const path = join(h.dir, 'sua.json');
    writeFileSync(path, JSON.stringify(file));
    h.answer.open = path;
    return h.call('importMeetingFile');
  };
}

const REFUSED: { name: string; run: (h: HostileStore) => Promise<{ ok: boolean; error?: { code: string; message: string } }>; message: RegExp }[] = [
  { name: 'an 80 KB title', run: title('Hội nghị '.repeat(9_000)), message: TOO_LONG('1.000') },
  { name: 'a title of 80 KB of spaces between two words', run: title(`Hội${SP(80_000)}nghị`), message: TOO_LONG('1.000') },
  { name: 'a title of 80 KB of tabs', run: title(`Hội${'\t'.repeat(80_000)}nghị`), message: TOO_LONG('1.000') },
  { name: 'a title of 80 KB of combining marks', run: title(`a${'\u0301'.repeat(80_000)}`), message: TOO_LONG('1.000') },
  { name: 'a title of 80 KB of line breaks', run: title(`Hội${'\r\n'.repeat(40_000)}nghị`), message: TOO_LONG('1.000') },
  { name: 'a speech of a million characters', run: speech('Ý kiến '.repeat(150_000)), message: TOO_LONG('200.000') },
  { name: 'a speech of 900,000 tabs between two words', run: speech(`Ý${'\t'.repeat(900_000)}kiến`), message: TOO_LONG('200.000') },
  { name: 'a speech of 900,000 combining marks', run: speech(`a${'\u0323\u0301'.repeat(450_000)}`), message: TOO_LONG('200.000') },
  { name: 'a name of 100,000 spaces', run: name(`Nguyễn${SP(100_000)}Văn`), message: TOO_LONG('200') },
  { name: 'a name of 5,000 combining marks', run: name(`A${'\u0300'.repeat(5_000)}`), message: TOO_LONG('200') },
  {
    name: 'a meeting file whose title is 80 KB of spaces',
    run: meetingFile((f) => {
      f.meeting.title = `Hội${SP(80_000)}nghị`;
    }),
    message: TOO_LONG('1.000'),
  },
  {
    name: 'a meeting file whose content has 100,000 combining marks',
    run: meetingFile((f) => {
      f.meeting.content = `a${'\u0301'.repeat(100_000)}`;
    }),
    message: TOO_LONG('20.000'),
  },
];

const STORED: {
  name: string;
  run: (h: HostileStore) => Promise<unknown>;
  read: (h: HostileStore) => string;
  expected: string | ((value: string) => boolean);
}[] = [
  { name: '3,000 spaces between two words of a title', run: title(`Hội${SP(3_000)}nghị`), read: (h) => h.store.meetings.get(1).title, expected: 'Hội nghị' },
  {
    name: '3,000 tabs and line breaks in a title',
    run: title(`Hội${'\t\n'.repeat(1_500)}nghị`),
    read: (h) => h.store.meetings.get(1).title,
    expected: 'Hội nghị',
  },
  {
    name: 'a decomposed (NFD) title',
    run: title('Hội nghị Ban Chấp hành'.normalize('NFD')),
    read: (h) => h.store.meetings.get(1).title,
    expected: 'Hội nghị Ban Chấp hành',
  },
  {
    name: 'a Zalgo title (40 marks on each letter)',
    run: title([...'Hội nghị'].map((c) => c + '\u0301\u0323'.repeat(20)).join('')),
    read: (h) => h.store.meetings.get(1).title,
    expected: (v) =>
      v
        .normalize('NFD')
        .split(/\P{M}/u)
        .every((run) => run.length <= MAX_COMBINING_RUN + 2) && v === v.normalize('NFC'),
  },
  {
    name: 'control characters and lone surrogates in a title',
    run: title('Hội\u0000 nghị\u0007\u001b \uD800giao\uDFFF ban'),
    read: (h) => h.store.meetings.get(1).title,
    expected: 'Hội nghị giao ban',
  },
  {
    name: '150,000 tabs inside a speech',
    run: speech(`Ý${'\t'.repeat(150_000)}kiến`),
    read: (h) => h.store.speeches.get(1).content,
    expected: `Ý${'\t'.repeat(150_000)}kiến`,
  },
  {
    name: 'lines ending in long runs of spaces',
    run: speech(`Một${SP(50_000)}\r\nHai${SP(50_000)}\rBa${SP(10)}`),
    read: (h) => h.store.speeches.get(1).content,
    expected: 'Một\nHai\nBa',
  },
  {
    name: 'a run of 500 combining marks in a speech, cut to 30',
    run: speech(`Ý kiến a${'\u0301'.repeat(500)}b`),
    read: (h) => h.store.speeches.get(1).content,
    expected: `Ý kiến á${'\u0301'.repeat(29)}b`,
  },
  {
    name: '50,000 line breaks in a speech',
    run: speech(`Đầu${'\n'.repeat(50_000)}cuối`),
    read: (h) => h.store.speeches.get(1).content,
    expected: `Đầu${'\n'.repeat(50_000)}cuối`,
  },
  {
    name: 'a name of 800 characters that normalises to 12',
    run: name(`Nguyễn${SP(394)}Văn${SP(394)}A`),
    read: (h) =>
      h.store.attendees
        .list(1)
        .map((a) => a.fullName)
        .find((n) => n.startsWith('Nguyễn Văn A')) ?? '',
    expected: 'Nguyễn Văn A',
  },
];

const QUERIES_REFUSED: { name: string; query: string; message: RegExp }[] = [
  { name: '201 characters', query: 'hội nghị '.repeat(23).slice(0, 201), message: /^Yêu cầu không hợp lệ: Nội dung tìm kiếm: quá dài \(tối đa 200 ký tự\)\.$/ },
  {
    name: `${MAX_SEARCH_TERMS + 1} words`,
    query: Array.from({ length: MAX_SEARCH_TERMS + 1 }, (_, i) => `từ${i}`).join(' '),
    message: /^Yêu cầu không hợp lệ: Nội dung tìm kiếm: có quá nhiều từ \(tối đa 12 từ\); hãy bớt từ\.$/,
  },
  { name: '100 one-letter words', query: 'a '.repeat(100), message: /có quá nhiều từ/ },
  { name: '13 words glued by punctuation', query: 'a.b,c;d:e/f-g_h(i)j[k]l{m}', message: /có quá nhiều từ/ },
  { name: '13 prefixes', query: Array.from({ length: 13 }, () => 'h*').join(' '), message: /có quá nhiều từ/ },
  { name: 'a million characters', query: 'x'.repeat(1_000_000), message: /quá dài/ },
  { name: 'not a string', query: ['hội'] as unknown as string, message: /sai kiểu dữ liệu/ },
];

const QUERIES_ANSWERED = [
  `${MAX_SEARCH_TERMS} words: ${Array.from({ length: MAX_SEARCH_TERMS }, () => 'h').join(' ')}`,
  'x'.repeat(200),
  '"',
  '""""',
  '*',
  '***',
  'NEAR(hội nghị)',
  'hội OR nghị',
  'hội AND NOT nghị',
  '-hội',
  '^nghị',
  'title:hội',
  '(((',
  ')))',
  "'; DROP TABLE meetings; --",
  '%_%',
  '\u0301'.repeat(150),
  '📄📄📄',
  'مؤتمر',
  '\u202Ehội nghị',
  'hội\u0000nghị',
  'HỘI NGHỊ TỔNG KẾT',
  'hoi nghi tong ket',
  'nvt',
  ' ',
];

export const TEXT_CASES = REFUSED.length + STORED.length + QUERIES_REFUSED.length + QUERIES_ANSWERED.length;

describe('pathological text', () => {
  it.each(REFUSED)('$name: refused, nothing written', async (c) => {
    const h = hostileStore();
    const before = h.state();
    const result = await c.run(h);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(c.message) } });
    expect(h.state()).toEqual(before);
  });

  it.each(STORED)('$name: stored as normalised', async (c) => {
    const h = hostileStore();
    const result = (await c.run(h)) as { ok: boolean; error?: unknown };
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    const value = c.read(h);
    if (typeof c.expected === 'string') expect(value).toBe(c.expected);
    else expect(c.expected(value)).toBe(true);
  });
});

describe('hostile search queries', () => {
  it.each(QUERIES_REFUSED)('$name: refused at the boundary', async (c) => {
    const h = hostileStore();
    const before = h.state();
    expect(await h.call('search', { query: c.query })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(c.message) },
    });
    expect(h.state()).toEqual(before);
  });

  it.each(QUERIES_ANSWERED.map((q) => [q.length > 40 ? `${q.slice(0, 40)}…` : q, q]))('%j: answered, nothing written', async (_label, query) => {
    const h = hostileStore();
    const before = h.state();
    const result = await h.call('search', { query: query.replace(/^\d+ words: /, '') });
    expect(result.ok, JSON.stringify(result.error)).toBe(true);
    expect(h.state()).toEqual(before);
  });
});
