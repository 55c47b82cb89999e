// Speaking-time statistics of a meeting whose times are known: per person, per site and per agenda item, from
// the stored times only; as the app's preview, a Word file, a CSV table and a PDF from the command line; never in
// the minutes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { getMeetingRecord } from '../../electron/services/meetings.ts';
import { createStore, openDatabase, type Store } from '../../electron/store/index.ts';
import { buildDocumentModel } from '../../shared/minutes/registry.ts';
import { CSV_HEADER, durationWords } from '../../shared/minutes/statistics-document.ts';
import { speakingStatistics } from '../../shared/minutes/statistics.ts';
import { HAS_POPPLER, readPdf } from '../support/pdf.ts';
import { memoryStore, tempDir } from '../support/store.ts';
import { readDocx, texts } from './docx-reader.ts';
import { PROFILE, withFixture } from './support.ts';

const SITE_1 = 'Trụ sở Ban Tổ chức Trung ương';
const PRESENTER = 'Ban Tổ chức Trung ương';

/**
 * The 2021 fixture (items 1 and 2 presented by the Ban, item 3 a discussion; Trương Thị Mai at the main site,
 * Nguyễn Văn Thông and Lê Đức Cường in Nghệ An) with its speeches timed, and four more.
 */
function timedMeeting(store: Store): number {
  const id = withFixture(store);
  const speeches = store.speeches.list(id);
  const speech = (n: number) => speeches[n - 1]?.id ?? Number.NaN;
  const people = new Map(getMeetingRecord(store, id).attendees.map((a) => [a.fullName, a.id]));
  const person = (name: string) => people.get(name) ?? Number.NaN;
  store.speeches.update(speech(1), { startTime: '14:00', durationMinutes: 20 }); // item 1, the presenter
  store.speeches.update(speech(2), { startTime: '14:20', durationMinutes: 15 }); // item 2, the presenter
  // The third (item 3, no speaker, no time) is the minute-taker's own summary.
  store.speeches.update(speech(4), { startTime: '15:00', durationMinutes: 10 }); // outside the agenda, Trương Thị Mai
  store.speeches.add(id, { agendaItemId: 3, attendeeId: person('Nguyễn Văn Thông'), content: 'Ý kiến thứ nhất.', startTime: '14:40', durationMinutes: 7 });
  store.speeches.add(id, { agendaItemId: 3, attendeeId: person('Lê Đức Cường'), content: 'Ý kiến thứ hai.', startTime: '14:47', durationMinutes: 8 });
  store.speeches.add(id, { agendaItemId: 3, attendeeId: person('Nguyễn Văn Thông'), content: 'Ý kiến bổ sung, không ghi thời gian.' });
  store.speeches.add(id, { agendaItemId: 1, attendeeId: person('Trương Thị Mai'), content: 'Làm rõ thêm.', startTime: '15:10', durationMinutes: 5 });
  return id;
}

const t = (speeches: number, timed: number, minutes: number) => ({ speeches, timed, minutes });

describe('speaking-time statistics of a meeting whose times are known', () => {
  it('counts every speech, and adds the minutes of those timed, per person, per site and per agenda item', () => {
    const store = memoryStore();
    const stats = speakingStatistics(getMeetingRecord(store, timedMeeting(store)), PROFILE);
    expect(stats.total).toEqual(t(8, 6, 65));
    expect(stats.unattributed).toEqual(t(1, 0, 0));
    expect(stats.items.map((i) => [i.title.slice(0, 20), i.tally])).toEqual([
      ['Báo cáo kết quả thực', t(2, 2, 25)],
      ['Quán triệt một số vă', t(1, 1, 15)],
      ['Thảo luận', t(4, 2, 15)],
      ['Ngoài chương trình', t(1, 1, 10)],
    ]);
    const [item1, item2, item3] = stats.items.map((i) => i.key);
    // In the order of their first speech.
    expect(stats.speakers.map((p) => [p.name, p.site, p.tally, Object.fromEntries(p.byItem)])).toEqual([
      [PRESENTER, '', t(2, 2, 35), { [String(item1)]: t(1, 1, 20), [String(item2)]: t(1, 1, 15) }],
      ['Trương Thị Mai', SITE_1, t(2, 2, 15), { null: t(1, 1, 10), [String(item1)]: t(1, 1, 5) }],
      ['Nguyễn Văn Thông', 'Nghệ An', t(2, 1, 7), { [String(item3)]: t(2, 1, 7) }],
      ['Lê Đức Cường', 'Nghệ An', t(1, 1, 8), { [String(item3)]: t(1, 1, 8) }],
    ]);
    expect(stats.sites.map((s) => [s.name, s.speakers, s.tally])).toEqual([
      [SITE_1, 1, t(2, 2, 15)],
      ['Nghệ An', 2, t(3, 2, 15)],
    ]);
  });

  it('a meeting with no time recorded: every speech counted, no minutes, no average', () => {
    const store = memoryStore();
    const stats = speakingStatistics(getMeetingRecord(store, withFixture(store)), PROFILE);
    expect(stats.total).toEqual(t(4, 0, 0));
    const doc = buildDocumentModel('statistics', getMeetingRecord(store, 1), PROFILE);
    expect(JSON.stringify(doc.blocks)).toContain('chưa ghi');
  });

  it('durations in words', () => {
    expect([5, 59, 60, 65, 130].map(durationWords)).toEqual(['5 phút', '59 phút', '1 giờ', '1 giờ 05 phút', '2 giờ 10 phút']);
  });

  it('the minutes say nothing of the statistics', () => {
    const store = memoryStore();
    const record = getMeetingRecord(store, timedMeeting(store));
    const minutes = JSON.stringify(buildDocumentModel('minutes', record, PROFILE).blocks);
    expect(minutes).not.toMatch(/lượt phát biểu|Tổng thời gian|Thống kê/);
  });
});

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

function database(dir: string): string {
  const db = join(dir, 'store.sqlite');
  const store = createStore(openDatabase(db));
  timedMeeting(store);
  store.db.close();
  return db;
}

describe('stats on the command line', () => {
  it('stats 1 thong-ke.csv: every figure of the document, one line each, that Excel opens (BOM, CRLF)', async () => {
    const dir = tempDir();
    const db = database(dir);
    const file = join(dir, 'thống kê.csv');
    expect(await cli('stats', '1', file, '--db', db)).toMatchObject({ code: 0, out: [`Đã ghi thống kê thời gian phát biểu của hội nghị 1 ra ${file}.`] });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const rows = Papa.parse<string[]>(text.slice(1).trim(), { newline: '\r\n' }).data;
    expect(rows[0]).toEqual(CSV_HEADER);
    const row = (by: string, item: string, name: string, site: string) =>
      rows.find((r) => r[0] === by && r[1] === item && r[2] === name && r[4] === site)?.slice(5);
    expect(row('Cả hội nghị', 'Cả hội nghị', '', '')).toEqual(['8', '6', '65', String(Math.round((65 / 6) * 60))]);
    expect(row('Mục chương trình', 'Thảo luận', '', '')).toEqual(['4', '2', '15', '450']);
    expect(row('Người phát biểu', 'Cả hội nghị', 'Nguyễn Văn Thông', 'Nghệ An')).toEqual(['2', '1', '7', '420']);
    expect(row('Người phát biểu', 'Ngoài chương trình', 'Trương Thị Mai', SITE_1)).toEqual(['1', '1', '10', '600']);
    expect(row('Điểm cầu', 'Cả hội nghị', '', 'Nghệ An')).toEqual(['3', '2', '15', '450']);
    expect(row('Điểm cầu', 'Thảo luận', '', 'Nghệ An')).toEqual(['3', '2', '15', '450']);
  });

  it('stats 1 thong-ke.docx: the tables in words', async () => {
    const dir = tempDir();
    const db = database(dir);
    const file = join(dir, 'thống kê.docx');
    expect((await cli('stats', '1', file, '--db', db)).code).toBe(0);
    const words = texts((await readDocx(readFileSync(file))).blocks);
    expect(words).toEqual(
      expect.arrayContaining([
        'THỐNG KÊ THỜI GIAN PHÁT BIỂU',
        'Nguyễn Văn Thông, Phó Bí thư Thường trực Tỉnh ủy',
        'Nghệ An',
        '1 giờ 05 phút',
        '35 phút',
        '10,8 phút',
      ]),
    );
    expect(words.join('\n')).toContain('02 lượt chưa ghi thời gian được đếm nhưng không tính vào tổng thời gian');
  });

  it('a file whose kind the document does not have is refused, and nothing written', async () => {
    const dir = tempDir();
    const db = database(dir);
    const result = await cli('minutes', '1', join(dir, 'biên bản.csv'), '--db', db);
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toMatch(
      /^Lỗi: Tên tệp ".*biên bản\.csv" không có đuôi của một dạng biên bản xuất được \(\.docx, \.pdf\); hoặc dùng --pdf\.$/,
    );
    expect(existsSync(join(dir, 'biên bản.csv'))).toBe(false);
  });

  it.runIf(HAS_POPPLER)(
    'minutes --pdf, notice x.pdf and stats x.pdf: PDF files printed by the installed browser',
    async () => {
      const dir = tempDir();
      const db = database(dir);
      const files = { minutes: join(dir, 'biên bản'), notice: join(dir, 'thông báo.pdf'), stats: join(dir, 'thống kê.pdf') };
      expect((await cli('minutes', '1', files.minutes, '--pdf', '--db', db)).code).toBe(0);
      expect((await cli('notice', '1', files.notice, '--date', '2021-10-05', '--db', db)).code).toBe(0);
      expect((await cli('stats', '1', files.stats, '--db', db)).code).toBe(0);
      for (const file of Object.values(files)) {
        expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(readPdf(file).words.map((w) => w.text)).toEqual(expect.arrayContaining(['Trương', 'Thị', 'Nghệ']));
      }
      expect(readPdf(files.stats).words.map((w) => w.text)).toEqual(expect.arrayContaining(['THỐNG', 'KÊ']));
    },
    120_000,
  );
});
