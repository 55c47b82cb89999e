// Journeys creating a meeting from an earlier one, through every way in: Ctrl+N while the list is
// still loading, Ctrl+N from inside a meeting, and the "Hội nghị mới" button. A copy always carries
// the sites and attendees (everyone present again) or says why it cannot; an empty meeting never comes
// out of a copy.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import { choose, field, openApp, type AppUnderTest } from './app.ts';

const EARLIER = 'Hội nghị giao ban trực tuyến quý II năm 2021';
const OLDER = 'Hội nghị giao ban trực tuyến quý I năm 2021';
const BLANK = 'Cuộc họp chưa có điểm cầu';

describe('copying the sites and attendees of an earlier meeting', () => {
  let app: AppUnderTest;
  let page: Page;
  const byTitle = (title: string) => app.store.meetings.list().find((m) => m.title === title);

  beforeAll(async () => {
    app = await openApp({
      // The list of meetings answers late, as from a slow disk.
      slow: { listMeetings: 1500 },
      prepare: (store) => {
        const older = createMeeting(store, { title: OLDER, date: '2021-03-30' });
        store.sites.add(older, { name: 'Điểm cầu Trung ương' });
        const earlier = createMeeting(store, { title: EARLIER, date: '2021-06-30' });
        const central = store.sites.add(earlier, { name: 'Điểm cầu Trung ương' });
        const ngheAn = store.sites.add(earlier, { name: 'Tỉnh ủy Nghệ An' });
        store.attendees.add(earlier, { siteId: central.id, fullName: 'Trương Thị Mai', positions: 'Trưởng ban Tổ chức Trung ương', role: 'chair' });
        store.attendees.add(earlier, {
          siteId: ngheAn.id,
          fullName: 'Nguyễn Văn Thông',
          positions: 'Phó Bí thư Thường trực Tỉnh ủy',
          presence: 'absent_excused',
          absenceReason: 'đi công tác',
        });
        store.sites.add(earlier, { name: '21 điểm cầu cấp huyện', attendeeCount: 412 });
        createMeeting(store, { title: BLANK, date: '2021-07-15' });
      },
    });
    page = app.page;
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  const dialog = () => page.getByRole('dialog', { name: 'Hội nghị mới' });
  const copyRadio = () => dialog().getByLabel('Sao chép điểm cầu và thành phần từ hội nghị trước');
  const expectCopied = (title: string) => {
    const made = byTitle(title);
    expect(made).toMatchObject({ siteCount: 3, attendeeCount: 414 });
    const attendees = app.store.attendees.list(made?.id ?? 0);
    expect(attendees.map((a) => [a.fullName, a.presence, a.absenceReason, a.role])).toEqual([
      ['Trương Thị Mai', 'present', '', 'chair'],
      ['Nguyễn Văn Thông', 'present', '', 'member'],
    ]);
  };

  it('Ctrl+N before the list has loaded: copying waits for it, then copies', async () => {
    await page.getByText('Đang tải…').waitFor();
    await page.keyboard.press('Control+n');
    await dialog().waitFor();
    await dialog().getByText('Đang tải danh sách hội nghị…').waitFor();
    expect(await copyRadio().isDisabled()).toBe(true);
    await page.keyboard.type('Hội nghị giao ban trực tuyến quý III năm 2021');
    // The list arrives; the meetings with sites are offered, the most recent first.
    await expect.poll(() => copyRadio().isDisabled()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    expect(await copyRadio().isChecked()).toBe(true);
    const from = dialog().getByLabel('Hội nghị trước', { exact: true });
    expect(await from.evaluate((s) => [...(s as HTMLSelectElement).options].map((o) => o.label))).toEqual([
      `30/06/2021 — ${EARLIER} — 3 điểm cầu, 414 đại biểu`,
      `30/03/2021 — ${OLDER} — 1 điểm cầu, 0 đại biểu`,
    ]);
    await field(page, 'Tên hội nghị').click();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    expectCopied('Hội nghị giao ban trực tuyến quý III năm 2021');
  });

  it('Ctrl+N from inside a meeting offers that meeting to copy from', async () => {
    await page.keyboard.press('Control+l');
    await page.getByRole('button', { name: EARLIER, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await page.keyboard.press('Control+n');
    await dialog().waitFor();
    await page.keyboard.type('Hội nghị giao ban trực tuyến quý IV năm 2021');
    await expect.poll(() => copyRadio().isDisabled()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        dialog()
          .getByLabel('Hội nghị trước', { exact: true })
          .evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.label),
      )
      .toMatch(EARLIER);
    await field(page, 'Tên hội nghị').click();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    expectCopied('Hội nghị giao ban trực tuyến quý IV năm 2021');
  });

  it('the toolbar button, another meeting chosen from the keyboard: that one is copied', async () => {
    await page.keyboard.press('Control+l');
    await page.getByRole('button', { name: /Hội nghị mới/ }).click();
    await dialog().waitFor();
    await page.keyboard.type('Hội nghị sơ kết quý I');
    await expect.poll(() => copyRadio().isDisabled()).toBe(false);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await choose(page, dialog().getByLabel('Hội nghị trước', { exact: true }), `30/03/2021 — ${OLDER} — 1 điểm cầu, 0 đại biểu`);
    await dialog().getByRole('button', { name: 'Tạo hội nghị' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    expect(byTitle('Hội nghị sơ kết quý I')).toMatchObject({ siteCount: 1, attendeeCount: 0 });
    // A meeting without sites is never offered: there would be nothing to copy.
    expect(
      app.store.meetings
        .list()
        .filter((m) => m.siteCount === 0)
        .map((m) => m.title),
    ).toEqual([BLANK]);
  });
});
