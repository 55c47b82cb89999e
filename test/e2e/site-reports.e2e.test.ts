// The central secretary merges a folder of site reports from the keyboard: a report for another meeting is
// refused with nothing written; once it is taken out, the preview shows what each report adds and where a site
// differs from the centre, two conflicts are resolved with the site's value, and the merge lands in the store.
// Then a site's report is exported. The database is read after each step.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportMeetingFile, importMeeting, importMeetingFile, parseMeetingFile } from '../../electron/services/meeting-file.ts';
import { readSiteReport, exportSiteReport } from '../../electron/services/site-report.ts';
import type { Store } from '../../electron/store/index.ts';
import { FIXTURE } from '../minutes/support.ts';
import { memoryStore, snapshot, tempDir } from '../support/store.ts';
import { field, openApp, screenshots, type AppUnderTest } from './app.ts';

const fixture = () => parseMeetingFile(JSON.parse(readFileSync(FIXTURE, 'utf8')));

describe('merging site reports', () => {
  let app: AppUnderTest;
  let page: Page;
  let id = 0;

  beforeAll(async () => {
    app = await openApp({
      prepare: (store) => {
        id = importMeeting(store, fixture());
        store.sites.add(id, { name: '21 điểm cầu cấp xã', level: 'commune', attendeeCount: 0 });
      },
    });
    page = app.page;
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  /** The meeting taken to a site's machine (its own database), worked on there, and its report put in the folder. */
  function siteReport(siteName: string, work: (store: Store, meetingId: number, siteId: number) => void) {
    const pack = join(tempDir(), 'goi.json');
    exportMeetingFile(app.store, id, pack);
    const store = memoryStore();
    const meetingId = importMeetingFile(store, pack);
    const siteId = store.sites.list(meetingId).find((s) => s.name === siteName)?.id ?? 0;
    work(store, meetingId, siteId);
    exportSiteReport(store, siteId, join(app.dir, `${siteName}.json`));
  }

  const press = async (name: string | RegExp) => {
    await page.getByRole('button', { name }).focus();
    await page.keyboard.press('Enter');
  };
  const dialog = () => page.getByRole('dialog', { name: 'Xem trước khi nhập báo cáo điểm cầu' });

  it('refuses a folder holding a report of another meeting, writing nothing', async () => {
    const other = memoryStore();
    const otherId = importMeeting(other, fixture());
    exportSiteReport(other, other.sites.list(otherId)[1]?.id ?? 0, join(app.dir, 'hoi-nghi-khac.json'));
    siteReport('Nghệ An', (store, meetingId, siteId) => {
      const [first] = store.attendees.list(meetingId).filter((a) => a.siteId === siteId);
      store.attendees.update(first?.id ?? 0, { presence: 'absent_excused', absenceReason: 'Đi công tác' });
      store.attendees.add(meetingId, { siteId, fullName: 'Phan Đình Trạc', positions: 'Ủy viên Ban Thường vụ' });
    });
    siteReport('21 điểm cầu cấp xã', (store, _m, siteId) => store.sites.update(siteId, { attendeeCount: 412 }));
    const before = snapshot(app.store);

    await page.getByRole('button', { name: 'Hội nghị giao ban công tác tổ chức xây dựng Đảng quý III năm 2021', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+6');
    await press('Nhập báo cáo điểm cầu…');
    await dialog().waitFor();
    await dialog().getByText(/^Báo cáo “hoi-nghi-khac\.json” là của hội nghị khác/).waitFor();
    expect(await dialog().getByRole('button', { name: 'Nhập các báo cáo' }).isDisabled()).toBe(true);
    await dialog().getByRole('button', { name: 'Hủy' }).focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'detached' });
    expect(snapshot(app.store)).toEqual(before);
  });

  it('previews the reports, resolves two conflicts with the site\'s value, and merges', async () => {
    rmSync(join(app.dir, 'hoi-nghi-khac.json'));
    await press('Nhập báo cáo điểm cầu…');
    await dialog().getByRole('status').filter({ hasText: '2 báo cáo: 2 nhập được (1 mục mới, 0 mục cập nhật), 2 có khác biệt' }).waitFor();
    await dialog().getByRole('cell', { name: 'Đi công tác' }).waitFor();
    // Side by side, in the secretary's words: the centre has them present, the site excused.
    await dialog().getByRole('row', { name: 'Tình trạng có mặt Có mặt Vắng có lý do' }).waitFor();
    await screenshots(page, 'site-reports-conflicts');
    const ngheAn = app.store.attendees.list(id).filter((a) => a.siteId === app.store.sites.list(id)[1]?.id);
    for (const label of [`Lấy giá trị của điểm cầu cho ${ngheAn[0]?.fullName ?? ''}`, 'Lấy giá trị của điểm cầu cho 21 điểm cầu cấp xã']) {
      await dialog().getByLabel(label).focus();
      await page.keyboard.press('Space');
      expect(await dialog().getByLabel(label).isChecked()).toBe(true);
    }
    await dialog().getByRole('button', { name: 'Nhập các báo cáo' }).focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'detached' });
    await page.getByText(/^Đã nhập: 2 báo cáo/).waitFor();

    const site = app.store.sites.list(id)[1];
    const attendees = app.store.attendees.list(id).filter((a) => a.siteId === site?.id);
    expect(attendees.map((a) => [a.fullName, a.presence, a.absenceReason])).toEqual([
      [ngheAn[0]?.fullName, 'absent_excused', 'Đi công tác'], [ngheAn[1]?.fullName, 'present', ''], ['Phan Đình Trạc', 'present', ''],
    ]);
    expect(app.store.sites.list(id).find((s) => s.name === '21 điểm cầu cấp xã')?.attendeeCount).toBe(412);
  });

  it('exports a site\'s report, chosen from the keyboard', async () => {
    // The site is picked by a few letters, without accents (a meeting may have thousands of sites).
    await field(page, 'Điểm cầu của báo cáo').focus();
    await page.keyboard.type('nghe');
    await page.keyboard.press('Enter');
    await expect.poll(() => field(page, 'Điểm cầu của báo cáo').inputValue()).toBe('Nghệ An');
    await press('Xuất báo cáo điểm cầu');
    await page.getByText(/^Đã xuất báo cáo điểm cầu: /).waitFor();
    const file = app.bridge.saved.at(-1) ?? '';
    const report = readSiteReport(file);
    expect(report.meeting.uuid).toBe(app.store.meetings.get(id).uuid);
    expect(report.site.name).toBe('Nghệ An');
    expect(report.site.attendees.map((a) => a.fullName)).toContain('Phan Đình Trạc');
  });
});
