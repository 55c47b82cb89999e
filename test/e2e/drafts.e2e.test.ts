// Journeys with half-typed rows: a new site, attendee, agenda line, recipient and task typed but not
// yet confirmed with Enter, then the section changed (Alt+digit), the list opened (Ctrl+L), a new
// meeting asked for (Ctrl+N), the window reloaded or closed, straight after the last key. The database
// must hold every row, once, as typed; a line typed and then emptied leaves nothing.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import { field, openApp, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm';

describe('half-typed rows are never lost', () => {
  let app: AppUnderTest;
  let page: Page;
  let meetingId = 0;
  let siteId = 0;

  beforeAll(async () => {
    app = await openApp({
      prepare: (store) => {
        meetingId = createMeeting(store, { title: TITLE, date: '2020-07-01' });
        siteId = store.sites.add(meetingId, { name: 'Điểm cầu Trung ương' }).id;
        store.attendees.add(meetingId, { siteId, fullName: 'Phạm Minh Chính', positions: 'Trưởng ban Tổ chức Trung ương' });
      },
    });
    page = app.page;
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  const open = async (section: string) => {
    page = app.page;
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    if (section !== 'Alt+1') await page.keyboard.press(section);
  };
  const store = () => app.store;

  it('a new site typed, then Alt+3: the site is stored', async () => {
    await open('Alt+2');
    await field(page, 'Thêm điểm cầu').click();
    await page.keyboard.type('Tỉnh ủy Tuyên Quang');
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { level: 2, name: 'Chương trình' }).waitFor();
    await expect
      .poll(() =>
        store()
          .sites.list(meetingId)
          .map((s) => s.name),
      )
      .toEqual(['Điểm cầu Trung ương', 'Tỉnh ủy Tuyên Quang']);
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: /Tỉnh ủy Tuyên Quang/ }).waitFor();
    expect(await field(page, 'Thêm điểm cầu').inputValue()).toBe('');
  });

  it('a new attendee with name and position typed, then Ctrl+L: the attendee is stored', async () => {
    const name = page.getByRole('combobox', { name: 'Họ và tên đại biểu mới' });
    await name.click();
    await page.keyboard.type('Nguyễn Hồng Thắng');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Phó Bí thư Thường trực Tỉnh ủy');
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Danh sách hội nghị' }).waitFor();
    await expect
      .poll(() =>
        store()
          .attendees.list(meetingId)
          .map((a) => [a.fullName, a.positions]),
      )
      .toEqual([
        ['Phạm Minh Chính', 'Trưởng ban Tổ chức Trung ương'],
        ['Nguyễn Hồng Thắng', 'Phó Bí thư Thường trực Tỉnh ủy'],
      ]);
  });

  it('a new attendee typed, then Alt+4: stored, and shown in the table on return', async () => {
    await open('Alt+2');
    await page.getByRole('combobox', { name: 'Họ và tên đại biểu mới' }).click();
    await page.keyboard.type('Lê Tiến Thắng');
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { level: 2, name: 'Diễn biến' }).waitFor();
    await expect
      .poll(() =>
        store()
          .attendees.list(meetingId)
          .map((a) => a.fullName),
      )
      .toEqual(['Phạm Minh Chính', 'Nguyễn Hồng Thắng', 'Lê Tiến Thắng']);
    await page.keyboard.press('Alt+2');
    await expect.poll(() => field(page, 'Họ và tên, dòng 3').inputValue()).toBe('Lê Tiến Thắng');
    expect(await page.getByRole('combobox', { name: 'Họ và tên đại biểu mới' }).inputValue()).toBe('');
  });

  it('a new agenda line typed, then a reload straight after the last key: the item is stored', async () => {
    await page.keyboard.press('Alt+3');
    await field(page, 'Thêm mục chương trình').click();
    await page.keyboard.type('Đánh giá công tác 6 tháng đầu năm 2020');
    await page.reload();
    await expect
      .poll(() =>
        store()
          .agenda.list(meetingId)
          .map((a) => a.title),
      )
      .toEqual(['Đánh giá công tác 6 tháng đầu năm 2020']);
    // The reload opens the same section again, with the item listed; Ctrl+L goes back to the meetings.
    await page.getByRole('heading', { level: 2, name: 'Chương trình' }).waitFor();
    await expect.poll(() => field(page, 'Nội dung mục 1').inputValue()).toBe('Đánh giá công tác 6 tháng đầu năm 2020');
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { name: 'Danh sách hội nghị' }).waitFor();
  });

  it('a new recipient typed, then the window closed: the recipient is stored', async () => {
    await open('Alt+1');
    await field(page, 'Thêm nơi nhận').click();
    await page.keyboard.type('Các đồng chí Ủy viên Ban Thường vụ');
    await page.close({ runBeforeUnload: true });
    await expect
      .poll(() =>
        store()
          .recipients.list(meetingId)
          .map((r) => r.text),
      )
      .toEqual(['Các đồng chí Ủy viên Ban Thường vụ']);
    await app.reopen();
  });

  it('a new task typed, then Ctrl+N: the task is stored', async () => {
    await open('Alt+5');
    await field(page, 'Thêm nhiệm vụ').click();
    await page.keyboard.type('Tham mưu tổ chức đại hội đảng các cấp');
    await page.keyboard.press('Control+n');
    await page.getByRole('dialog', { name: 'Hội nghị mới' }).waitFor();
    await expect
      .poll(() =>
        store()
          .actionItems.list(meetingId)
          .map((a) => a.task),
      )
      .toEqual(['Tham mưu tổ chức đại hội đảng các cấp']);
    await page.keyboard.press('Escape');
  });

  it('a line typed and emptied again leaves nothing; Enter still adds, once', async () => {
    await open('Alt+3');
    const add = field(page, 'Thêm mục chương trình');
    await add.click();
    await page.keyboard.type('Mục gõ nhầm');
    await page.waitForTimeout(700);
    for (let i = 0; i < 'Mục gõ nhầm'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('Triển khai nhiệm vụ 6 tháng cuối năm');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Thảo luận');
    await page.keyboard.press('Enter');
    await expect
      .poll(() =>
        store()
          .agenda.list(meetingId)
          .map((a) => a.title),
      )
      .toEqual(['Đánh giá công tác 6 tháng đầu năm 2020', 'Triển khai nhiệm vụ 6 tháng cuối năm', 'Thảo luận']);
    await expect.poll(() => field(page, 'Nội dung mục 3').inputValue()).toBe('Thảo luận');
    expect(await add.inputValue()).toBe('');
  });
});
