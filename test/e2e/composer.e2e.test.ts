// The composer of Diễn biến as a secretary types a meeting live: a wrong time typed first in a new speech
// is refused at once with the rule's message and kept out of the speech, whose speaker and words are
// stored; a reload (F5) in the middle of a word opens the composer again on the speech being typed, which
// goes on and is stored once. The store is read after each step.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import { field, openApp, retype, saved, screenshots, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị Ban Chấp hành Đảng bộ xã tháng 12 năm 2021';
const TIME_RULE = 'phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59';

describe('the composer of Diễn biến', () => {
  let app: AppUnderTest;
  let page: Page;
  let meetingId = 0;
  let secretary = 0;
  let firstItem = 0;
  const speeches = () => app.store.speeches.list(meetingId);
  const speaker = () => page.getByRole('combobox', { name: 'Người phát biểu' });
  const content = () => field(page, 'Nội dung phát biểu');
  const start = () => field(page, 'Giờ bắt đầu');
  const focused = (locator: ReturnType<Page['locator']>) => expect.poll(() => locator.evaluate((element) => element === document.activeElement)).toBe(true);
  const indicator = () => page.getByRole('status', { name: 'Trạng thái lưu' });
  const alerts = (text: string) => page.getByRole('alert').filter({ hasText: text });

  beforeAll(async () => {
    app = await openApp({
      prepare: (store) => {
        meetingId = createMeeting(store, { title: TITLE, date: '2021-12-10', startTime: '08:00', format: 'party' });
        const site = store.sites.add(meetingId, { name: 'Hội trường Đảng ủy xã' });
        secretary = store.attendees.add(meetingId, { siteId: site.id, fullName: 'Nguyễn Văn Thông', positions: 'Bí thư Đảng ủy xã' }).id;
        store.attendees.add(meetingId, { siteId: site.id, fullName: 'Hoàng Thị Lan', positions: 'Chủ tịch UBND xã' });
        firstItem = store.agenda.add(meetingId, { title: 'Báo cáo kết quả năm 2021' }).id;
        store.agenda.add(meetingId, { title: 'Phương hướng năm 2022' });
      },
    });
    page = app.page;
    await page.clock.setFixedTime(new Date(2021, 11, 10, 9, 0));
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await page.keyboard.press('Alt+4');
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('refuses a wrong time typed first at once, and stores the speaker and words without it', async () => {
    await focused(speaker());
    await start().click();
    await page.keyboard.type('25:00');
    await page.keyboard.press('Tab');
    const message = `Không lưu được phát biểu: Giờ bắt đầu: ${TIME_RULE}.`;
    await expect.poll(() => indicator().textContent()).toBe(`${message} Dữ liệu đã lưu không thay đổi.`);
    await expect.poll(() => alerts(message).count()).toBe(1);
    expect(await start().inputValue()).toBe('25:00');
    expect(speeches()).toEqual([]);

    await speaker().click();
    await page.keyboard.type('thong');
    await page.keyboard.press('Enter');
    await focused(content());
    await page.keyboard.type('Báo cáo kết quả lãnh đạo năm 2021.');
    await saved(page);
    await expect.poll(() => speeches().map((s) => [s.attendeeId, s.content, s.startTime])).toEqual([[secretary, 'Báo cáo kết quả lãnh đạo năm 2021.', null]]);
    // The time is still shown as typed with its message, once, under its own field.
    expect(await start().inputValue()).toBe('25:00');
    expect(await alerts(TIME_RULE).count()).toBe(1);
    await screenshots(page, 'composer-time-refused');

    await retype(page, start(), '10:75');
    await page.keyboard.press('Tab');
    await expect.poll(() => indicator().textContent()).toBe(`${message} Dữ liệu đã lưu không thay đổi.`);
    expect(await start().inputValue()).toBe('10:75');
    expect(speeches()[0]?.startTime).toBeNull();

    await retype(page, start(), '08:15');
    await page.keyboard.press('Tab');
    await expect.poll(() => speeches()[0]?.startTime).toBe('08:15');
    await saved(page);
    await expect.poll(() => alerts(TIME_RULE).count()).toBe(0);
    expect(await start().inputValue()).toBe('08:15');
    await content().click();
    await page.keyboard.press('Control+Enter');
    await focused(speaker());
    expect(speeches().map((s) => [s.attendeeId, s.content, s.startTime])).toEqual([[secretary, 'Báo cáo kết quả lãnh đạo năm 2021.', '08:15']]);
  });

  it("puts the first speech under the first agenda item, and the next under the previous speech's", async () => {
    expect(speeches().map((s) => s.agendaItemId)).toEqual([firstItem]);
    await expect
      .poll(() => field(page, 'Mục chương trình').evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.label))
      .toBe('1. Báo cáo kết quả năm 2021');
    await page.keyboard.type('lan');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Thống nhất với báo cáo.');
    await page.keyboard.press('Control+Enter');
    await focused(speaker());
    await expect
      .poll(() => speeches().map((s) => [s.content, s.agendaItemId]))
      .toEqual([
        ['Báo cáo kết quả lãnh đạo năm 2021.', firstItem],
        ['Thống nhất với báo cáo.', firstItem],
      ]);
  });

  it('refuses an end before the start typed first, and stores the words with the start alone', async () => {
    await start().click();
    await page.keyboard.type('10:00');
    await page.keyboard.press('Tab');
    const end = field(page, 'Giờ kết thúc');
    await end.click();
    await page.keyboard.type('0900');
    await page.keyboard.press('Tab');
    const message = 'Không lưu được phát biểu: giờ kết thúc phải sau giờ bắt đầu (qua nửa đêm, không quá 12 giờ).';
    await expect.poll(() => indicator().textContent()).toBe(`${message} Dữ liệu đã lưu không thay đổi.`);
    expect(speeches()).toHaveLength(2);

    await speaker().click();
    await page.keyboard.type('thong');
    await page.keyboard.press('Enter');
    await focused(content());
    await page.keyboard.type('Bổ sung chỉ tiêu năm 2022.');
    await saved(page);
    await expect.poll(() => speeches().map((s) => [s.content, s.startTime, s.endTime])[2]).toEqual(['Bổ sung chỉ tiêu năm 2022.', '10:00', null]);
    expect(await end.inputValue()).toBe('0900');

    await retype(page, end, '10:20');
    await page.keyboard.press('Tab');
    await expect.poll(() => speeches()[2]?.endTime).toBe('10:20');
    await saved(page);
    expect(speeches()[2]).toMatchObject({ startTime: '10:00', endTime: '10:20', durationMinutes: 20 });
    expect(await alerts('giờ kết thúc phải sau giờ bắt đầu').count()).toBe(0);
    await content().click();
    await page.keyboard.press('Control+Enter');
    await focused(speaker());
  });
});

// A clock of the test's own would hide the page's navigation entries, by which the app knows it was reloaded.
describe('the composer of Diễn biến after a reload', () => {
  let app: AppUnderTest;
  let page: Page;
  let meetingId = 0;
  let chairman = 0;
  const speeches = () => app.store.speeches.list(meetingId);
  const speaker = () => page.getByRole('combobox', { name: 'Người phát biểu' });
  const content = () => field(page, 'Nội dung phát biểu');
  const focused = (locator: ReturnType<Page['locator']>) => expect.poll(() => locator.evaluate((element) => element === document.activeElement)).toBe(true);

  beforeAll(async () => {
    app = await openApp({
      prepare: (store) => {
        meetingId = createMeeting(store, { title: TITLE, date: '2021-12-10', startTime: '08:00', format: 'party' });
        const site = store.sites.add(meetingId, { name: 'Hội trường Đảng ủy xã' });
        store.attendees.add(meetingId, { siteId: site.id, fullName: 'Nguyễn Văn Thông', positions: 'Bí thư Đảng ủy xã' });
        chairman = store.attendees.add(meetingId, { siteId: site.id, fullName: 'Hoàng Thị Lan', positions: 'Chủ tịch UBND xã' }).id;
      },
    });
    page = app.page;
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await page.keyboard.press('Alt+4');
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('opens the speech being typed again after a reload mid-word, and stores it once', async () => {
    await focused(speaker());
    await page.keyboard.type('lan');
    await page.keyboard.press('Tab');
    await content().click();
    await page.keyboard.type('Đề nghị các chi bộ hoàn thành việc đánh gi');
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Diễn biến' }).waitFor();
    await page.getByRole('heading', { name: 'Phát biểu mới (số 1)' }).waitFor();
    await expect.poll(() => content().inputValue()).toBe('Đề nghị các chi bộ hoàn thành việc đánh gi');
    expect(await speaker().inputValue()).toBe('Hoàng Thị Lan');
    // Not among the speeches taken down.
    expect(await page.getByRole('button', { name: /^Sửa phát biểu/ }).count()).toBe(0);
    const [typed] = speeches();
    expect(typed?.startTime).toMatch(/^\d\d:\d\d$/);
    await focused(content());
    await page.keyboard.type('á xếp loại đảng viên.');
    await page.keyboard.press('Control+Enter');
    await focused(speaker());
    await page.getByRole('button', { name: 'Sửa phát biểu 1' }).waitFor();
    await saved(page);
    expect(await page.getByRole('heading', { name: 'Phát biểu mới (số 2)' }).count()).toBe(1);
    expect(speeches().map((s) => [s.id, s.ord, s.attendeeId, s.speakerName, s.speakerPosition, s.content, s.startTime])).toEqual([
      [typed?.id, 0, chairman, '', '', 'Đề nghị các chi bộ hoàn thành việc đánh giá xếp loại đảng viên.', typed?.startTime],
    ]);
    expect(app.store.attendees.get(chairman).positions).toBe('Chủ tịch UBND xã');
  });

  it('opens an empty composer after a reload once the speech is finished, or when the entry names no speech of the meeting', async () => {
    const [finished] = speeches();
    const entries = [null, { meeting: meetingId + 1, speech: finished?.id }, { meeting: meetingId, speech: 'một' }];
    for (const planted of entries) {
      if (planted) await page.evaluate((value) => history.replaceState({ ...(history.state as object), bienBanSpeechDraft: value }, ''), planted);
      await page.reload();
      await page.getByRole('heading', { name: 'Phát biểu mới (số 2)' }).waitFor();
      await focused(speaker());
      expect(await content().inputValue()).toBe('');
      expect(await page.getByRole('button', { name: /^Sửa phát biểu/ }).count()).toBe(1);
    }
    expect(speeches().map((s) => s.content)).toEqual(['Đề nghị các chi bộ hoàn thành việc đánh giá xếp loại đảng viên.']);
  });
});
