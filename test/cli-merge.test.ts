// `merge` on the command line: a folder of site reports into a meeting of a database file; the database read after.
import { mkdirSync, readFileSync } from 'node:fs';
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
      code: 0, out: ['1 báo cáo: 1 nhập được (1 mục mới, 0 mục cập nhật), 0 có khác biệt giữ nguyên bản ở trung tâm, 0 bị từ chối.'], err: [],
    });
    expect(withStore(db, (store) => store.attendees.list(id).map((a) => a.fullName))).toContain('Phan Văn Mới');

    site('Điểm cầu xã', (store, _m, siteId) => store.sites.update(siteId, { attendeeCount: 57 }));
    const second = await run('merge', String(id), reports, '--db', db);
    expect(second.code).toBe(3);
    expect(second.err).toEqual(['Khác biệt — Điểm cầu xã.json, Điểm cầu xã, Điểm cầu xã: số đại biểu: trung tâm “0”, điểm cầu “57”']);
    expect(withStore(db, (store) => store.sites.list(id).find((s) => s.name === 'Điểm cầu xã')?.attendeeCount)).toBe(0);
  });

  it('refuses a report for another meeting with exit 1 and changes nothing', async () => {
    const { db, id, dir } = setting();
    const other = memoryStore();
    const otherId = importMeeting(other, parseMeetingFile(JSON.parse(readFileSync(FIXTURE, 'utf8'))));
    const file = join(dir, 'khac.json');
    exportSiteReport(other, other.sites.list(otherId)[1]?.id ?? 0, file);
    const before = withStore(db, snapshot);
    const result = await run('merge', String(id), file, '--db', db);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/^Lỗi: Không nhập báo cáo nào: Báo cáo “khac\.json” là của hội nghị khác/);
    expect(withStore(db, snapshot)).toEqual(before);
  });

  it('needs a meeting and at least one report', async () => {
    expect((await run('merge', '1')).err).toEqual(['Lỗi: lệnh merge cần ít nhất 2 tham số. Gõ "npm run cli -- help" để xem cách dùng.']);
  });
});
