// A reload (F5) in the editor opens the same meeting and section again, with everything typed stored; a
// meeting deleted meanwhile (from another window) falls back to the meetings list without a message, and so
// does a history entry that is not what the app wrote. A fresh start shows the meetings list.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import { deleteMeeting } from '../../electron/services/trash.ts';
import { field, openApp, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị Ban Thường vụ Huyện ủy tháng 11 năm 2021';
const OTHER = 'Hội nghị giao ban khối dân vận quý IV';

describe('a reload in the editor', () => {
  let app: AppUnderTest;
  let page: Page;
  let meetingId = 0;
  const section = () => page.getByRole('heading', { level: 2 });
  const meetingsList = () => page.getByRole('heading', { name: 'Danh sách hội nghị' });

  beforeAll(async () => {
    app = await openApp({
      prepare: (store) => {
        meetingId = createMeeting(store, { title: TITLE, date: '2021-11-25', startTime: '08:00' });
        const site = store.sites.add(meetingId, { name: 'Hội trường Huyện ủy' });
        store.attendees.add(meetingId, { siteId: site.id, fullName: 'Nguyễn Văn Thông', positions: 'Bí thư Huyện ủy' });
        createMeeting(store, { title: OTHER, date: '2021-12-20' });
      },
    });
    page = app.page;
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('reopens the meeting in Diễn biến, the words typed before it stored', async () => {
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await page.keyboard.press('Alt+4');
    await page.keyboard.type('nvt');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Báo cáo tình hình kinh tế - xã hội tháng 11');
    await page.reload();
    await expect.poll(() => section().textContent()).toBe('Diễn biến');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    await expect.poll(() => app.store.speeches.list(meetingId).map((s) => s.content)).toEqual(['Báo cáo tình hình kinh tế - xã hội tháng 11']);
    // The speech being typed is in the composer again, the caret at the end of its text, ready to go on.
    const text = field(page, 'Nội dung phát biểu');
    await expect.poll(() => text.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await text.inputValue()).toBe('Báo cáo tình hình kinh tế - xã hội tháng 11');
    expect(await page.getByRole('combobox', { name: 'Người phát biểu' }).inputValue()).toBe('Nguyễn Văn Thông');
  });

  it('reopens the section chosen last, and follows another meeting opened meanwhile', async () => {
    await page.keyboard.press('Alt+2');
    await expect.poll(() => section().textContent()).toBe('Điểm cầu và thành phần');
    await page.reload();
    await expect.poll(() => section().textContent()).toBe('Điểm cầu và thành phần');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);

    await page.keyboard.press('Control+L');
    await page.getByRole('button', { name: OTHER, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await field(page, 'Địa điểm').click();
    await page.keyboard.type('Hội trường Huyện ủy');
    await page.reload();
    await expect.poll(() => section().textContent()).toBe('Thông tin chung');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(OTHER);
    await expect.poll(() => app.store.meetings.list().find((m) => m.title === OTHER)?.id).toBeDefined();
    const other = app.store.meetings.list().find((m) => m.title === OTHER)?.id ?? 0;
    await expect.poll(() => app.store.meetings.get(other).venue).toBe('Hội trường Huyện ủy');
  });

  it('falls back to the meetings list quietly when the meeting was deleted meanwhile', async () => {
    const other = app.store.meetings.list().find((m) => m.title === OTHER)?.id ?? 0;
    // Deleted from another window while this one shows it.
    deleteMeeting(app.store, other, 'deleted-elsewhere', new Date());
    await page.reload();
    await meetingsList().waitFor();
    // The list is read after its heading shows.
    await expect.poll(() => page.getByRole('button', { name: TITLE, exact: true }).count()).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(app.store.meetings.list().map((m) => m.title)).toEqual([TITLE]);
  });

  it('shows the meetings list for a history entry it did not write, and on a fresh start', async () => {
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    for (const state of [{ bienBanOpenMeeting: { id: 'một', section: 'general' } }, { bienBanOpenMeeting: { id: meetingId, section: 'nowhere' } }, 'x']) {
      await page.evaluate((value) => history.replaceState(value, ''), state);
      await page.reload();
      await meetingsList().waitFor();
      await page.getByRole('button', { name: TITLE, exact: true }).click();
      await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    }
    await page.goto(app.bridge.url);
    await meetingsList().waitFor();
  });
});
