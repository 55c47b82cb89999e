// Journeys for the smaller faults of the same family: a speech typed and deleted again, "Vắng có lý do"
// followed at once by Tab, an earlier speech's agenda item changed, the site search scrolled far down,
// an attendee removed and brought back, the attendee table's columns, and the export that says what it
// printed as "…", with a format for the minutes and another for the notice.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import { allParagraphs, readDocx } from '../minutes/docx-reader.ts';
import { choose, field, openApp, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị trực tuyến toàn quốc ngành Tổ chức xây dựng Đảng';

describe('the smaller faults', () => {
  let app: AppUnderTest;
  let page: Page;
  let meetingId = 0;
  const ids = { central: 0, thang: 0, item1: 0, item2: 0 };
  const store = () => app.store;
  const speeches = () => store().speeches.list(meetingId);
  const named = () =>
    store()
      .attendees.list(meetingId)
      .filter((a) => !a.fullName.startsWith('Đại biểu số'));

  beforeAll(async () => {
    app = await openApp({
      prepare: (s) => {
        meetingId = createMeeting(s, { title: TITLE, date: '2020-07-01', startTime: '08:00', format: 'party' });
        ids.central = s.sites.add(meetingId, { name: 'Điểm cầu Trung ương', level: 'central' }).id;
        const tq = s.sites.add(meetingId, { name: 'Tỉnh ủy Tuyên Quang', level: 'province' }).id;
        s.attendees.add(meetingId, { siteId: ids.central, fullName: 'Phạm Minh Chính', positions: 'Trưởng ban Tổ chức Trung ương', role: 'chair' });
        s.attendees.add(meetingId, { siteId: tq, fullName: 'Nguyễn Hồng Thắng', positions: 'Phó Bí thư Thường trực Tỉnh ủy' });
        ids.thang = s.attendees.add(meetingId, { siteId: tq, fullName: 'Lê Tiến Thắng', positions: 'Trưởng ban Tổ chức Tỉnh ủy' }).id;
        ids.item1 = s.agenda.add(meetingId, { title: 'Báo cáo 6 tháng đầu năm' }).id;
        ids.item2 = s.agenda.add(meetingId, { title: 'Thảo luận' }).id;
        s.transaction(() => {
          const big = s.sites.add(meetingId, { name: 'Tỉnh ủy Nghệ An', level: 'province' }).id;
          for (let i = 1; i <= 120; i++)
            s.attendees.add(meetingId, { siteId: big, fullName: `Đại biểu số ${i}`, positions: 'Bí thư Huyện ủy', unit: `Huyện ủy số ${i}` });
          for (let i = 1; i <= 300; i++) s.sites.add(meetingId, { name: `Xã số ${i}`, level: 'commune', attendeeCount: 10 });
        });
      },
    });
    page = app.page;
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('a speech typed and deleted again is not stored, and prints nothing', async () => {
    await page.keyboard.press('Alt+4');
    await field(page, 'Nội dung phát biểu').click();
    await page.keyboard.type('Ý kiến');
    await expect.poll(() => speeches().length).toBe(1);
    for (let i = 0; i < 'Ý kiến'.length; i++) await page.keyboard.press('Backspace');
    await expect.poll(() => speeches().length).toBe(0);
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Alt+4');
    expect(speeches()).toEqual([]);
    expect(await page.getByText('Chưa ghi phát biểu nào.').count()).toBe(1);
  });

  it("editing an earlier speech's agenda item leaves the next new speech under the item last chosen for a new one", async () => {
    const speaker = page.getByRole('combobox', { name: 'Người phát biểu' });
    await speaker.click();
    await page.keyboard.type('pmc');
    await page.keyboard.press('Enter');
    await choose(page, 'Mục chương trình', '2. Thảo luận');
    await field(page, 'Nội dung phát biểu').click();
    await page.keyboard.type('Ý kiến thứ nhất.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => speeches().map((s) => s.agendaItemId)).toEqual([ids.item2]);

    await page.getByRole('button', { name: 'Sửa phát biểu 1' }).click();
    await choose(page, 'Mục chương trình', '1. Báo cáo 6 tháng đầu năm');
    await page.keyboard.press('Escape');
    await expect.poll(() => speeches().map((s) => s.agendaItemId)).toEqual([ids.item1]);

    await speaker.click();
    await page.keyboard.type('lt thang');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ý kiến thứ hai.');
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => speeches().map((s) => [s.attendeeId, s.agendaItemId]))
      .toEqual([
        [expect.any(Number), ids.item1],
        [ids.thang, ids.item2],
      ]);
  });

  it('"Vắng có lý do" then Tab at once goes into the reason, which is stored, even when the store answers slowly', async () => {
    await page.keyboard.press('Alt+2');
    await page.getByRole('button', { name: /^Tỉnh ủy Tuyên Quang/ }).click();
    // A busy disk: each save takes a moment to be acknowledged.
    app.slow.updateItem = 400;
    await field(page, 'Tình trạng, dòng 2').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type('đi công tác');
    await page.keyboard.press('Tab');
    await expect.poll(() => store().attendees.get(ids.thang)).toMatchObject({ presence: 'absent_excused', absenceReason: 'đi công tác' });
    delete app.slow.updateItem;
  });

  it("the attendee table's headers sit over their columns, in a short list and in a long (virtualised) one", async () => {
    const aligned = async () => {
      const header = page.locator('.attendee-header > span');
      // One grid since issue 13: the header row and the attendee rows share its columns.
      const row = page.locator('.attendee-table > [role="row"]:not(.attendee-header)').first().locator(':scope > [role="gridcell"]');
      await row.first().waitFor();
      const headers = await header.evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().left));
      const cells = await row.evaluateAll((cellsOf) => cellsOf.map((c) => c.getBoundingClientRect().left));
      expect(cells).toHaveLength(headers.length);
      headers.forEach((left, i) => expect(Math.abs(left - (cells[i] ?? 0)), `column ${i + 1}`).toBeLessThan(2));
    };
    await aligned();
    await page.getByRole('button', { name: /^Tỉnh ủy Nghệ An/ }).click();
    await page.getByRole('heading', { name: 'Điểm cầu: Tỉnh ủy Nghệ An' }).waitFor();
    await aligned();
    await page.getByRole('button', { name: /^Tỉnh ủy Tuyên Quang/ }).click();
  });

  it('an attendee is removed after a confirmation, and Hoàn tác brings them back with their speech', async () => {
    await page.getByRole('button', { name: 'Xóa đại biểu Lê Tiến Thắng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xóa đại biểu?' });
    await dialog.waitFor();
    // Cancel has the focus: Enter keeps the attendee.
    await page.keyboard.press('Enter');
    expect(store().attendees.find(ids.thang)).toBeDefined();
    await page.getByRole('button', { name: 'Xóa đại biểu Lê Tiến Thắng' }).click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => named().map((a) => a.fullName)).toEqual(['Phạm Minh Chính', 'Nguyễn Hồng Thắng']);
    // The speech keeps the name meanwhile.
    expect(speeches()[1]).toMatchObject({ attendeeId: null, speakerName: 'Lê Tiến Thắng', speakerSite: 'Tỉnh ủy Tuyên Quang' });
    await page.getByRole('status', { name: 'Thông báo' }).getByRole('button', { name: 'Hoàn tác' }).click();
    await expect
      .poll(() => named().map((a) => [a.fullName, a.ord, a.presence, a.absenceReason]))
      .toEqual([
        ['Phạm Minh Chính', 0, 'present', ''],
        ['Nguyễn Hồng Thắng', 0, 'present', ''],
        ['Lê Tiến Thắng', 1, 'absent_excused', 'đi công tác'],
      ]);
    const back = named()[2];
    expect(speeches()[1]).toMatchObject({ attendeeId: back?.id, speakerName: '', speakerSite: '' });
    await expect.poll(() => field(page, 'Họ và tên, dòng 2').inputValue()).toBe('Lê Tiến Thắng');
  });

  it('the site search shows its best match, even after scrolling far down the list', async () => {
    const list = page.locator('.site-list');
    await list.hover();
    await page.mouse.wheel(0, 20_000);
    await expect.poll(() => list.evaluate((element) => element.scrollTop)).toBeGreaterThan(1000);
    await page.getByRole('searchbox', { name: 'Tìm điểm cầu' }).click();
    await page.keyboard.type('xa so 1');
    const best = page.getByRole('button', { name: /^Xã số 1\b/ }).first();
    await best.waitFor();
    const [box, view] = [await best.boundingBox(), await list.boundingBox()];
    expect(box && view && box.y >= view.y && box.y + box.height <= view.y + view.height).toBe(true);
    expect(await best.textContent()).toMatch(/^Xã số 1\d*$|^Xã số 110$/);
  });

  it('each document has its format; the export says what printed as "…"', async () => {
    await page.keyboard.press('Alt+6');
    await page.locator('article.bien-ban').waitFor();
    await choose(page, 'Thể thức thông báo kết luận', 'Thể thức hành chính nhà nước');
    await page.getByRole('button', { name: 'Xuất thông báo kết luận (Word)' }).click();
    await page.getByRole('button', { name: /Xuất biên bản \(Word\)/ }).click();
    await expect.poll(() => app.bridge.saved.length).toBe(2);
    const warning = page.getByRole('status', { name: 'Thông báo' }).getByText(/^Đã xuất biên bản: .* Lưu ý: \d+ chỗ còn thiếu được in là “…”: /);
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Chưa có giờ kết thúc');
    const text = async (index: number) => allParagraphs((await readDocx(readFileSync(app.bridge.saved[index] ?? ''))).blocks).map((p) => p.text);
    expect(await text(0)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(await text(1)).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(store().meetings.get(meetingId).format).toBe('party');
  });
});
