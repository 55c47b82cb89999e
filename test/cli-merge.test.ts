// `merge` on the command line: a folder of site reports into a meeting of a database file; the database read after.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../electron/cli/main.ts';
import { exportMeetingFile, importMeeting, importMeetingFile, parseMeetingFile } from '../electron/services/meeting-file.ts';
import { exportSiteReport } from '../electron/services/site-report.ts';
import { createStore, openDatabase, type Store } from '../electron/store/index.ts';
import { FIXTURE } from './minutes/support.ts';
import { memoryStore, snapshot, tempDir } from './support/store.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const withStore = <T>(db: string, work: (store: Store) => T): T => {
  const store = createStore(openDatabase(db));
  try {
    return work(store);
  } finally {
    store.db.close();
  }
};

/** A central database with the fixture meeting and a count-only site; a site's machine records and reports. */
function setting() {
  const dir = tempDir();
  const db = join(dir, 'trung-tam.sqlite');
  const pack = join(dir, 'goi.json');
  const id = withStore(db, (store) => {
    const meeting = importMeeting(store, parseMeetingFile(JSON.parse(readFileSync(FIXTURE, 'utf8'))));
    store.sites.add(meeting, { name: 'Điểm cầu xã', attendeeCount: 0 });
    exportMeetingFile(store, meeting, pack);
    return meeting;
  });
  const reports = join(dir, 'bao-cao');
  mkdirSync(reports);
  const site = (name: string, work: (store: Store, meetingId: number, siteId: number) => void) => {
    const store = memoryStore();
    const meetingId = importMeetingFile(store, pack);
    const siteId = store.sites.list(meetingId).find((s) => s.name === name)?.id ?? 0;
    work(store, meetingId, siteId);
    exportSiteReport(store, siteId, join(reports, `${name}.json`));
  };
  return { dir, db, id, reports, site };
}

describe('merge on the command line', () => {
  it('merges a folder of reports, prints the summary, and exits 3 while a conflict waits for a choice', async () => {
    const { db, id, reports, site } = setting();
    site('Nghệ An', (store, meetingId, siteId) => store.attendees.add(meetingId, { siteId, fullName: 'Phan Văn Mới' }));
    expect(await run('merge', String(id), reports, '--db', db)).toEqual({
      code: 0,
      out: ['1 báo cáo: 1 nhập, 0 có khác biệt cần chọn, 0 bị từ chối. 1 mục mới, 0 mục cập nhật.'],
      err: [],
    });
    expect(withStore(db, (store) => store.attendees.list(id).map((a) => a.fullName))).toContain('Phan Văn Mới');

    site('Điểm cầu xã', (store, _m, siteId) => store.sites.update(siteId, { attendeeCount: 57 }));
    const second = await run('merge', String(id), reports, '--db', db);
    expect(second.code).toBe(3);
    expect(second.err).toEqual(['Khác biệt — Điểm cầu xã.json, Điểm cầu xã, Điểm cầu xã: số đại biểu: trung tâm “0”, điểm cầu “57”']);
    expect(withStore(db, (store) => store.sites.list(id).find((s) => s.name === 'Điểm cầu xã')?.attendeeCount)).toBe(0);
  });

  it('refuses a report for another meeting and a damaged file on their own, merges the rest, and exits 4', async () => {
    const { db, id, reports, site } = setting();
    site('Nghệ An', (store, meetingId, siteId) => store.attendees.add(meetingId, { siteId, fullName: 'Phan Văn Mới' }));
    const other = memoryStore();
    const otherId = importMeeting(other, parseMeetingFile(JSON.parse(readFileSync(FIXTURE, 'utf8'))));
    exportSiteReport(other, other.sites.list(otherId)[1]?.id ?? 0, join(reports, 'khac.json'));
    writeFileSync(join(reports, 'hong.json'), '{"kind":"bien-ban/site-report"');
    const bytes = [readFileSync(join(reports, 'khac.json')), readFileSync(join(reports, 'hong.json'))];
    const result = await run('merge', String(id), reports, '--db', db);
    expect(result.code).toBe(4);
    expect(result.out).toEqual([
      expect.stringMatching(
        /^3 báo cáo: 1 nhập, 0 có khác biệt cần chọn, 2 bị từ chối: hong\.json: .+; khac\.json: Báo cáo của hội nghị khác .+\. 1 mục mới, 0 mục cập nhật\.$/,
      ),
    ]);
    expect(result.err).toEqual([
      expect.stringMatching(/^Bị từ chối — hong\.json: /),
      expect.stringMatching(/^Bị từ chối — khac\.json: Báo cáo của hội nghị khác/),
    ]);
    expect(withStore(db, (store) => store.attendees.list(id).map((a) => a.fullName))).toContain('Phan Văn Mới');
    expect([readFileSync(join(reports, 'khac.json')), readFileSync(join(reports, 'hong.json'))]).toEqual(bytes);
  });

  it('changes nothing when every report is refused', async () => {
    const { db, id, dir } = setting();
    const file = join(dir, 'hong.json');
    writeFileSync(file, 'không phải JSON');
    const before = withStore(db, snapshot);
    const result = await run('merge', String(id), file, '--db', db);
    expect(result.code).toBe(4);
    expect(result.out[0]).toMatch(/^1 báo cáo: 0 nhập, 0 có khác biệt cần chọn, 1 bị từ chối: hong\.json: /);
    expect(withStore(db, snapshot)).toEqual(before);
  });

  it('sends the package, opens it at two sites, exports their reports and merges them without conflict', async () => {
    const { db, id, dir, reports } = setting();
    const pack = join(dir, 'goi-diem-cau.json');
    expect(await run('package', String(id), pack, '--attendees', '--db', db)).toEqual({
      code: 0,
      out: [`Đã xuất gói hội nghị ${id} gửi 3 điểm cầu ra ${pack} (kèm đại biểu dự kiến).`],
      err: [],
    });
    const atSite = async (name: string, file: string, work: (store: Store, meetingId: number) => void) => {
      const siteDb = join(dir, `${file}.sqlite`);
      const opened = await run('open-package', pack, name, '--db', siteDb);
      expect(opened.code).toBe(0);
      const meetingId = Number(opened.out[0]);
      withStore(siteDb, (store) => work(store, meetingId));
      expect(await run('site-report', String(meetingId), join(reports, `${file}.json`), '--db', siteDb)).toMatchObject({ code: 0, err: [] });
    };
    await atSite('nghe an', 'nghe-an', (store, meetingId) => {
      const [first] = store.attendees.list(meetingId).filter((a) => a.siteId === store.bulk.reportSite(meetingId));
      store.attendees.update(first?.id ?? 0, { presence: 'absent_excused', absenceReason: 'Đi công tác' });
    });
    await atSite('Điểm cầu xã', 'xa', (store, meetingId) => store.sites.update(store.bulk.reportSite(meetingId) ?? 0, { attendeeCount: 57 }));
    expect(await run('merge', String(id), reports, '--db', db)).toEqual({
      code: 0,
      out: ['2 báo cáo: 2 nhập, 0 có khác biệt cần chọn, 0 bị từ chối. 0 mục mới, 2 mục cập nhật.'],
      err: [],
    });
    withStore(db, (store) => {
      expect(store.sites.list(id).find((s) => s.name === 'Điểm cầu xã')?.attendeeCount).toBe(57);
      expect(
        store.attendees
          .list(id)
          .filter((a) => a.presence === 'absent_excused')
          .map((a) => a.absenceReason),
      ).toEqual(['Đi công tác']);
    });
    expect((await run('open-package', pack, 'Không có', '--db', join(dir, 'x.sqlite'))).err).toEqual(['Lỗi: Gói hội nghị không có điểm cầu “Không có”.']);
    expect((await run('site-report', String(id), join(dir, 'r.json'), '--db', db)).err).toEqual([
      'Lỗi: Hội nghị này không mở từ gói của một điểm cầu; hãy ghi --site "<tên điểm cầu>".',
    ]);
  });

  it('needs a meeting and at least one report', async () => {
    expect((await run('merge', '1')).err).toEqual(['Lỗi: lệnh merge cần ít nhất 2 tham số. Gõ "npm run cli -- help" để xem cách dùng.']);
  });
});
