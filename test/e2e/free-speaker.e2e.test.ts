// A speaker who is not on the attendee list, from the keyboard: Enter after the name goes to the position
// (Chức vụ), Enter again to the text; a speech whose speaker has no position, on the list or not, is named
// in the preview's "Còn thiếu" until one is typed; the count above the speeches counts "ý kiến phát biểu" as the
// minutes do. The store is read after each step.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import { field, openApp, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị Ban Thường vụ Tỉnh ủy tháng 10 năm 2021';

describe('a speaker not on the attendee list', () => {
  let app: AppUnderTest;
  let page: Page;
  let meetingId = 0;
  const speeches = () => app.store.speeches.list(meetingId);
  const speaker = () => page.getByRole('combobox', { name: 'Người phát biểu' });
  const position = () => field(page, 'Chức vụ người phát biểu');
  const content = () => field(page, 'Nội dung phát biểu');
  const focused = (locator: ReturnType<Page['locator']>) => expect.poll(() => locator.evaluate((element) => element === document.activeElement)).toBe(true);
  const missing = () => page.getByRole('region', { name: /Còn thiếu/ }).getByRole('listitem');

  beforeAll(async () => {
    app = await openApp({
      prepare: (store) => {
        meetingId = createMeeting(store, { title: TITLE, date: '2021-10-29', startTime: '08:00', format: 'party' });
        const site = store.sites.add(meetingId, { name: 'Hội trường Tỉnh ủy' });
        store.attendees.add(meetingId, { siteId: site.id, fullName: 'Trương Thị Mai', positions: 'Bí thư Tỉnh ủy' });
        store.attendees.add(meetingId, { siteId: site.id, fullName: 'Lê Văn Hóa' });
      },
    });
    page = app.page;
    await page.clock.setFixedTime(new Date(2021, 9, 29, 9, 0));
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await page.keyboard.press('Alt+4');
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('Enter after the name goes to Chức vụ, Enter again to the text', async () => {
    await focused(speaker());
    await page.keyboard.type('Đại diện Văn phòng Trung ương Đảng');
    await page.keyboard.press('Enter');
    await focused(position());
    await page.keyboard.type('Phó Chánh Văn phòng');
    await page.keyboard.press('Enter');
    await focused(content());
    await page.keyboard.type('Đề nghị Tỉnh ủy sớm báo cáo kết quả.');
    await page.keyboard.press('Control+Enter');
    await focused(speaker());

    // No position known: Enter twice, straight on to the text.
    await page.keyboard.type('Phạm Quang Hưng');
    await page.keyboard.press('Enter');
    await focused(position());
    await page.keyboard.press('Enter');
    await focused(content());
    await page.keyboard.type('Thống nhất với báo cáo.');
    await page.keyboard.press('Control+Enter');
    await focused(speaker());

    // An attendee picked: Enter goes to the text, as before.
    await page.keyboard.type('lvh');
    await page.keyboard.press('Enter');
    await focused(content());
    await page.keyboard.type('Ý kiến về công tác cán bộ.');
    await page.keyboard.press('Control+Enter');

    // A meeting without recordings: no Nghe on its speeches, no player.
    await page.getByRole('button', { name: 'Sửa phát biểu 3' }).waitFor();
    expect(await page.getByRole('button', { name: /^Nghe/ }).count()).toBe(0);
    expect(await page.getByLabel('Tốc độ nghe').count()).toBe(0);
    await expect
      .poll(() => speeches().map((s) => [s.attendeeId === null, s.speakerName, s.speakerPosition, s.content]))
      .toEqual([
        [true, 'Đại diện Văn phòng Trung ương Đảng', 'Phó Chánh Văn phòng', 'Đề nghị Tỉnh ủy sớm báo cáo kết quả.'],
        [true, 'Phạm Quang Hưng', '', 'Thống nhất với báo cáo.'],
        [false, '', '', 'Ý kiến về công tác cán bộ.'],
      ]);
  });

  it('lists the speeches whose speaker has no position in Còn thiếu, until it is typed', async () => {
    await page.keyboard.press('Alt+6');
    await expect
      .poll(() => missing().allTextContents())
      .toEqual(
        expect.arrayContaining([
          'Phát biểu thứ 2 (Phạm Quang Hưng): chưa có chức vụ người phát biểu.',
          'Phát biểu thứ 3 (Lê Văn Hóa): chưa có chức vụ người phát biểu.',
        ]),
      );
    expect((await missing().allTextContents()).filter((m) => m.includes('chức vụ người phát biểu'))).toHaveLength(2);

    await page.keyboard.press('Alt+4');
    await page.getByRole('button', { name: 'Sửa phát biểu 2' }).click();
    await position().click();
    await page.keyboard.type('Giám đốc Sở Nội vụ');
    await page.keyboard.press('Enter');
    await focused(content());
    await expect.poll(() => speeches()[1]?.speakerPosition).toBe('Giám đốc Sở Nội vụ');
    await page.keyboard.press('Alt+6');
    await expect.poll(() => missing().allTextContents()).toContain('Phát biểu thứ 3 (Lê Văn Hóa): chưa có chức vụ người phát biểu.');
    expect((await missing().allTextContents()).filter((m) => m.includes('chức vụ người phát biểu'))).toHaveLength(1);
    expect(speeches().map((s) => s.speakerPosition)).toEqual(['Phó Chánh Văn phòng', 'Giám đốc Sở Nội vụ', '']);
  });

  it('counts as "ý kiến phát biểu" only what the minutes count so, and names the other kinds', async () => {
    await page.keyboard.press('Alt+4');
    const tally = page.locator('.proceedings-main > p.muted').first();
    await expect.poll(() => tally.textContent()).toBe('Đã ghi 3 ý kiến phát biểu.');
    await focused(speaker());
    for (const [kindKey, words] of [
      ['Alt+B', 'Báo cáo kết quả thực hiện nghị quyết.'],
      ['Alt+C', 'Đề nghị các cấp ủy triển khai ngay.'],
    ] as const) {
      await page.keyboard.type('ttm');
      await page.keyboard.press('Enter');
      await focused(content());
      await page.keyboard.press(kindKey);
      await page.keyboard.type(words);
      await page.keyboard.press('Control+Enter');
      await focused(speaker());
    }
    await expect.poll(() => speeches().map((s) => s.kind)).toEqual(['contribution', 'contribution', 'contribution', 'report', 'direction']);
    await expect.poll(() => tally.textContent()).toBe('Đã ghi 5 phát biểu: 3 ý kiến phát biểu, 1 báo cáo, 1 ý kiến chỉ đạo.');
  });
});
