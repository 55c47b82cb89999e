// The central secretary merges a folder of site reports from the keyboard: a report for another meeting and a
// damaged file are refused on their own (named with why, their files untouched), the preview shows what each
// good report adds and where a site differs from the centre, two conflicts are resolved with the site's value,
// the good reports land in the store, the merge is undone and done again. Then a site's report is exported.
// The database is read after each step.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportMeetingFile, importMeeting, importMeetingFile, parseMeetingFile } from '../../electron/services/meeting-file.ts';
import { readSiteReport, exportSiteReport } from '../../electron/services/site-report.ts';
import { readSitePackage } from '../../electron/services/site-package.ts';
import type { Store } from '../../electron/store/index.ts';
import { FIXTURE } from '../minutes/support.ts';
import { memoryStore, snapshot, tempDir } from '../support/store.ts';
import { field, openApp, screenshots, type AppUnderTest } from './app.ts';

/** The package the centre sent (its folder goes with the centre's app). */
let packageBytes = Buffer.alloc(0);
let meetingUuid = '';
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

  const lists = () => {
    const { sites, attendees, speeches, merge_bases: bases } = snapshot(app.store);
    return { sites, attendees, speeches, bases };
  };

  it('previews a folder with a bad file and a report of another meeting, resolves two conflicts, merges the good reports and undoes', async () => {
    const other = memoryStore();
    const otherId = importMeeting(other, fixture());
    exportSiteReport(other, other.sites.list(otherId)[1]?.id ?? 0, join(app.dir, 'hoi-nghi-khac.json'));
    writeFileSync(join(app.dir, 'hong.json'), '{"kind":"bien-ban/site-report","version":1,"site":');
    const refusedBytes = () => ['hoi-nghi-khac.json', 'hong.json'].map((name) => readFileSync(join(app.dir, name)));
    const bytes = refusedBytes();
    siteReport('Nghệ An', (store, meetingId, siteId) => {
      const [first] = store.attendees.list(meetingId).filter((a) => a.siteId === siteId);
      store.attendees.update(first?.id ?? 0, { presence: 'absent_excused', absenceReason: 'Đi công tác' });
      store.attendees.add(meetingId, { siteId, fullName: 'Phan Đình Trạc', positions: 'Ủy viên Ban Thường vụ' });
    });
    siteReport('21 điểm cầu cấp xã', (store, _m, siteId) => store.sites.update(siteId, { attendeeCount: 412 }));
    const before = lists();

    await page.getByRole('button', { name: 'Hội nghị giao ban công tác tổ chức xây dựng Đảng quý III năm 2021', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Alt+6');
    const ngheAn = app.store.attendees.list(id).filter((a) => a.siteId === app.store.sites.list(id)[1]?.id);
    const mergeFromKeyboard = async (shot = false) => {
      await press('Nhập báo cáo điểm cầu…');
      await dialog()
        .getByRole('status')
        .filter({ hasText: /^4 báo cáo: 0 nhập, 2 có khác biệt cần chọn, 2 bị từ chối: hoi-nghi-khac\.json: Báo cáo của hội nghị khác .*; hong\.json: / })
        .waitFor();
      await dialog()
        .getByText(/^Báo cáo của hội nghị khác/)
        .waitFor();
      await dialog().getByText('2 báo cáo bị từ chối sẽ không được nhập (tệp của chúng giữ nguyên); các báo cáo khác vẫn nhập được.').waitFor();
      await dialog().getByRole('cell', { name: 'Đi công tác' }).waitFor();
      // Side by side, in the secretary's words: the centre has them present, the site excused.
      await dialog().getByRole('row', { name: 'Tình trạng có mặt Có mặt Vắng có lý do' }).waitFor();
      if (shot) await screenshots(page, 'site-reports-conflicts');
      for (const label of [`Lấy giá trị của điểm cầu cho ${ngheAn[0]?.fullName ?? ''}`, 'Lấy giá trị của điểm cầu cho 21 điểm cầu cấp xã']) {
        await dialog().getByLabel(label).focus();
        await page.keyboard.press('Space');
        expect(await dialog().getByLabel(label).isChecked()).toBe(true);
      }
      await dialog().getByRole('button', { name: 'Nhập các báo cáo' }).focus();
      await page.keyboard.press('Enter');
      await dialog().waitFor({ state: 'detached' });
      await page.getByText(/^Đã nhập: 4 báo cáo: 2 nhập, 0 có khác biệt cần chọn, 2 bị từ chối: hoi-nghi-khac\.json: .*1 mục mới, 2 mục cập nhật\.$/).waitFor();
    };
    await mergeFromKeyboard(true);
    await screenshots(page, 'site-reports-merged-with-refusals');
    const merged = () => {
      const site = app.store.sites.list(id)[1];
      expect(
        app.store.attendees
          .list(id)
          .filter((a) => a.siteId === site?.id)
          .map((a) => [a.fullName, a.presence, a.absenceReason]),
      ).toEqual([
        [ngheAn[0]?.fullName, 'absent_excused', 'Đi công tác'],
        [ngheAn[1]?.fullName, 'present', ''],
        ['Phan Đình Trạc', 'present', ''],
      ]);
      expect(app.store.sites.list(id).find((s) => s.name === '21 điểm cầu cấp xã')?.attendeeCount).toBe(412);
      expect(refusedBytes()).toEqual(bytes);
    };
    merged();

    // Hoàn tác in the message: the meeting as before the merge; then merged again.
    await page.getByRole('button', { name: 'Hoàn tác' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Đã hoàn tác lần nhập báo cáo điểm cầu.').waitFor();
    expect(lists()).toEqual(before);
    await mergeFromKeyboard();
    merged();
  });

  it("exports a site's report, chosen from the keyboard", async () => {
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

  it('sends the package for the sites from the keyboard, recording what it sent as the bases', async () => {
    await page.getByLabel('Kèm danh sách đại biểu dự kiến của từng điểm cầu').focus();
    expect(await page.getByLabel('Kèm danh sách đại biểu dự kiến của từng điểm cầu').isChecked()).toBe(true);
    await press('Xuất gói gửi các điểm cầu');
    await page.getByText(/^Đã xuất gói gửi các điểm cầu: /).waitFor();
    const packagePath = app.bridge.saved.at(-1) ?? '';
    packageBytes = readFileSync(packagePath);
    meetingUuid = app.store.meetings.get(id).uuid;
    const pack = readSitePackage(packagePath);
    expect(pack.withAttendees).toBe(true);
    expect(pack.meeting.sites.map((site) => site.uuid)).toEqual(app.store.sites.list(id).map((site) => site.uuid));
    expect(pack.meeting.speeches).toEqual([]);
    const bases = new Set(app.store.bulk.bases(id).keys());
    expect([...app.store.sites.list(id), ...app.store.attendees.list(id)].every((record) => bases.has(record.uuid))).toBe(true);
  });
});

describe('a site opens the package', () => {
  let site: AppUnderTest;
  afterAll(async () => {
    expect(site.problems).toEqual([]);
    await site.close();
  });

  it("opens it on its own machine bound to its site, chosen from the keyboard, and exports that site's report", async () => {
    site = await openApp();
    const packagePath = join(tempDir(), 'goi.json');
    writeFileSync(packagePath, packageBytes);
    site.bridge.toOpen.push(packagePath);
    const at = site.page;
    await at.getByRole('button', { name: 'Mở gói của điểm cầu…' }).focus();
    await at.keyboard.press('Enter');
    const open = at.getByRole('dialog', { name: 'Mở gói hội nghị của điểm cầu' });
    await open.waitFor();
    // Nothing is chosen for the secretary; the site is found by a few letters without accents (a package may
    // hold thousands of sites), the list saying what the package brings for it.
    expect(await open.getByRole('button', { name: 'Mở' }).isDisabled()).toBe(true);
    expect(await field(at, 'Điểm cầu của máy này').evaluate((element) => element === document.activeElement)).toBe(true);
    await at.keyboard.type('nghe');
    await at
      .getByRole('option', { name: /Nghệ An/ })
      .getByText('3 đại biểu dự kiến')
      .waitFor();
    await screenshots(at, 'site-package-open');
    await at.keyboard.press('Enter');
    await expect.poll(() => field(at, 'Điểm cầu của máy này').inputValue()).toBe('Nghệ An');
    await open.getByRole('button', { name: 'Mở' }).focus();
    await at.keyboard.press('Enter');
    await at.getByText('Đã mở gói hội nghị cho điểm cầu Nghệ An.').waitFor();
    const [meeting] = site.store.meetings.list();
    const bound = site.store.bulk.reportSite(meeting?.id ?? 0);
    expect(site.store.sites.get(bound ?? 0).name).toBe('Nghệ An');
    expect(site.store.meetings.get(meeting?.id ?? 0).uuid).toBe(meetingUuid);

    await at.keyboard.press('Alt+6');
    await at.getByText('Máy này ghi cho điểm cầu').waitFor();
    await screenshots(at, 'site-package-bound');
    expect(await at.getByRole('button', { name: 'Nhập báo cáo điểm cầu…' }).count()).toBe(0);
    await at.getByRole('button', { name: 'Xuất báo cáo điểm cầu' }).focus();
    await at.keyboard.press('Enter');
    await at.getByText(/^Đã xuất báo cáo điểm cầu: /).waitFor();
    const report = readSiteReport(site.bridge.saved.at(-1) ?? '');
    expect(report.site.name).toBe('Nghệ An');
    expect(report.site.attendees.map((a) => a.fullName)).toContain('Phan Đình Trạc');
  });
});
