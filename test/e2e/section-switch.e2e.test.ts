// Back and forth between the sections during a live meeting, from the keyboard: what the secretary had open
// (the speech being taken down, the site in Điểm cầu và thành phần) is still open when she comes back. The store
// is read afterwards.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import type { Store } from '../../electron/store/index.ts';
import { field, openApp, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị giao ban trực tuyến quý III năm 2021';

function prepare(store: Store): void {
  const id = createMeeting(store, { title: TITLE, date: '2021-09-30', startTime: '14:00', format: 'party', mode: 'online' });
  const central = store.sites.add(id, { name: 'Điểm cầu Trung ương', level: 'central' });
  const ngheAn = store.sites.add(id, { name: 'Tỉnh ủy Nghệ An', level: 'province' });
  store.attendees.add(id, { siteId: central.id, fullName: 'Trương Thị Mai', positions: 'Trưởng ban Tổ chức Trung ương', role: 'chair' });
  store.attendees.add(id, { siteId: ngheAn.id, fullName: 'Nguyễn Văn Thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy' });
  store.attendees.add(id, { siteId: ngheAn.id, fullName: 'Lê Đức Cường', positions: 'Trưởng ban Tổ chức Tỉnh ủy' });
}

describe('switching sections during the meeting', () => {
  let app: AppUnderTest;
  let page: Page;
  const meetingId = () => app.store.meetings.list()[0]?.id ?? 0;
  afterEach(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('a speech being taken down is open again, the caret at the end of its text, after a look at the attendance mid-word', async () => {
    app = await openApp({ prepare });
    page = app.page;
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await page.keyboard.press('Alt+4');
    await page.keyboard.type('nvt');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Tỉnh ủy Nghệ An chia sẻ kinh ng');
    // Someone comes in late: a look at the attendance, and straight back while the speaker goes on.
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: /^Điểm cầu: / }).waitFor();
    await page.keyboard.press('Alt+4');
    await page.keyboard.type('hiệm triển khai các mô hình mới.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByRole('combobox', { name: 'Người phát biểu' }).evaluate((e) => e === document.activeElement)).toBe(true);
    const thong = app.store.attendees.list(meetingId()).find((a) => a.fullName === 'Nguyễn Văn Thông');
    await expect
      .poll(() => app.store.speeches.list(meetingId()).map((s) => [s.attendeeId, s.speakerName, s.content]))
      .toEqual([[thong?.id, '', 'Tỉnh ủy Nghệ An chia sẻ kinh nghiệm triển khai các mô hình mới.']]);
    expect(app.store.speeches.list(meetingId())[0]?.startTime).toMatch(/^\d\d:\d\d$/);

    // A speech finished with Ctrl+Enter is not opened again: after another look, the next speaker's starts fresh.
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: /^Điểm cầu: / }).waitFor();
    await page.keyboard.press('Alt+4');
    await expect.poll(() => page.getByRole('combobox', { name: 'Người phát biểu' }).evaluate((e) => e === document.activeElement)).toBe(true);
    await page.keyboard.type('ttm');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ghi nhận ý kiến của Nghệ An.');
    await page.keyboard.press('Control+Enter');
    const mai = app.store.attendees.list(meetingId()).find((a) => a.fullName === 'Trương Thị Mai');
    await expect
      .poll(() => app.store.speeches.list(meetingId()).map((s) => [s.attendeeId, s.speakerName, s.content]))
      .toEqual([
        [thong?.id, '', 'Tỉnh ủy Nghệ An chia sẻ kinh nghiệm triển khai các mô hình mới.'],
        [mai?.id, '', 'Ghi nhận ý kiến của Nghệ An.'],
      ]);
  });

  it('the site opened in Điểm cầu is still open after a speech taken in Diễn biến (Alt+4, Alt+2)', async () => {
    app = await openApp({ prepare });
    page = app.page;
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await page.keyboard.press('Alt+2');
    // Nghệ An, found by a few letters and opened from the list.
    await field(page, 'Tìm điểm cầu').click();
    await page.keyboard.type('nghe an');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Điểm cầu: Tỉnh ủy Nghệ An/ }).waitFor();

    // A speech from Nghệ An, then back to the attendance.
    await page.keyboard.press('Alt+4');
    await page.keyboard.type('nvt');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Tỉnh ủy Nghệ An chia sẻ kinh nghiệm.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => app.store.speeches.list(meetingId()).map((s) => s.content)).toEqual(['Tỉnh ủy Nghệ An chia sẻ kinh nghiệm.']);
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { name: /^Điểm cầu: Tỉnh ủy Nghệ An/ }).waitFor();

    // Cường leaves: Alt+T lands in Nghệ An's grid, ↓ to his row, S, Enter.
    await page.keyboard.press('Alt+T');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('S');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('15:10');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => app.store.attendees.list(meetingId()).map((a) => [a.fullName, a.presence, a.presenceTime]))
      .toEqual([
        ['Trương Thị Mai', 'present', null],
        ['Nguyễn Văn Thông', 'present', null],
        ['Lê Đức Cường', 'left_early', '15:10'],
      ]);
  });
});
