// Journeys in Diễn biến, from the keyboard (and the mouse where a person would use it): the speaker is
// picked by a few letters, a full name without accents, initials, or with accents among look-alike
// names, with Enter, Tab or a click; then Ctrl+E, a reload (which opens Diễn biến again) or closing the
// window in the middle of the speech. Each time the database must hold the attendee that was picked, never the letters typed.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import type { Store } from '../../electron/store/index.ts';
import { allParagraphs, readDocx } from '../minutes/docx-reader.ts';
import { field, openApp, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị giao ban trực tuyến quý III năm 2021';

interface People {
  mai: number;
  hoa: number;
  chinh: number;
  thong: number;
  cuong: number;
  hoaAccented: number;
  hoaSac: number;
}

function prepare(store: Store, people: People): void {
  const id = createMeeting(store, { title: TITLE, date: '2021-09-30', startTime: '14:00', format: 'party' });
  const central = store.sites.add(id, { name: 'Điểm cầu Trung ương', level: 'central' });
  const ngheAn = store.sites.add(id, { name: 'Tỉnh ủy Nghệ An', level: 'province' });
  const add = (siteId: number, fullName: string, positions: string) => store.attendees.add(id, { siteId, fullName, positions }).id;
  // The look-alikes come first, as entered earlier would: the accents typed must still win.
  people.hoa = add(central.id, 'Nguyễn Thị Hoa', 'Vụ trưởng Vụ Tổ chức cán bộ');
  people.mai = add(central.id, 'Trương Thị Mai', 'Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương');
  people.chinh = add(central.id, 'Mai Văn Chính', 'Phó Trưởng ban Thường trực Ban Tổ chức Trung ương');
  people.hoaSac = add(ngheAn.id, 'Lê Văn Hóa', 'Chánh Văn phòng Tỉnh ủy');
  people.thong = add(ngheAn.id, 'Nguyễn Văn Thông', 'Phó Bí thư Thường trực Tỉnh ủy');
  people.cuong = add(ngheAn.id, 'Lê Đức Cường', 'Ủy viên Ban Thường vụ, Trưởng ban Tổ chức Tỉnh ủy');
  people.hoaAccented = add(ngheAn.id, 'Trần Thị Hòa', 'Phó Trưởng ban Tổ chức Tỉnh ủy');
  store.agenda.add(id, { title: 'Báo cáo kết quả quý III, nhiệm vụ quý IV' });
}

describe('picking the speaker', () => {
  let app: AppUnderTest;
  let page: Page;
  const people: People = { mai: 0, hoa: 0, chinh: 0, thong: 0, cuong: 0, hoaAccented: 0, hoaSac: 0 };
  const meetingId = () => app.store.meetings.list()[0]?.id ?? 0;
  const speeches = () => app.store.speeches.list(meetingId());
  const speaker = () => page.getByRole('combobox', { name: 'Người phát biểu' });
  const content = () => field(page, 'Nội dung phát biểu');
  const suggestions = () => page.getByRole('listbox', { name: 'Gợi ý: Người phát biểu' });

  beforeAll(async () => {
    app = await openApp({ prepare: (store) => prepare(store, people) });
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  /** From the meetings list into Diễn biến (Alt+4), where the focus is in the speaker field. */
  async function openProceedings(): Promise<void> {
    page = app.page;
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await page.keyboard.press('Alt+4');
    await expect.poll(() => speaker().evaluate((input) => input === document.activeElement)).toBe(true);
  }

  beforeEach(async () => {
    page = app.page;
    if ((await speaker().count()) === 0) await openProceedings();
  });

  /** The last speech, once its stored fields settle to the expected ones. */
  async function lastSpeech(expected: Record<string, unknown>) {
    await expect.poll(() => speeches().at(-1)).toMatchObject(expected);
    return speeches().at(-1);
  }
  const notOnList = () => page.getByText('Người phát biểu không có trong danh sách đại biểu');

  it('a given name without accents, Enter: the attendee, not the letters', async () => {
    await page.keyboard.type('thong');
    await page.keyboard.press('Enter');
    await expect.poll(() => speaker().inputValue()).toBe('Nguyễn Văn Thông');
    await expect.poll(() => content().evaluate((area) => area === document.activeElement)).toBe(true);
    await page.keyboard.type('Tỉnh ủy Nghệ An đã hoàn thành 19/28 đề án.');
    await lastSpeech({ attendeeId: people.thong, speakerName: '', content: 'Tỉnh ủy Nghệ An đã hoàn thành 19/28 đề án.' });
    expect(await notOnList().count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => speaker().inputValue()).toBe('');
  });

  it('a full name without accents, Tab: the attendee, and Tab goes on to the next field', async () => {
    await page.keyboard.type('le duc cuong');
    await page.keyboard.press('Tab');
    await expect.poll(() => speaker().inputValue()).toBe('Lê Đức Cường');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('placeholder'))).toBe('giờ:phút');
    await lastSpeech({ attendeeId: people.cuong, speakerName: '' });
    expect(await notOnList().count()).toBe(0);
    await content().click();
    await page.keyboard.type('Đề nghị hướng dẫn về vị trí việc làm.');
    await lastSpeech({ attendeeId: people.cuong, content: 'Đề nghị hướng dẫn về vị trí việc làm.' });
    await page.keyboard.press('Control+Enter');
  });

  it('initials, then a click on the suggestion: the attendee', async () => {
    await page.keyboard.type('mvc');
    await suggestions()
      .getByRole('option', { name: /Mai Văn Chính/ })
      .click();
    await expect.poll(() => speaker().inputValue()).toBe('Mai Văn Chính');
    await page.keyboard.type('Báo cáo kết quả quý III/2021.');
    await lastSpeech({ attendeeId: people.chinh, speakerName: '', content: 'Báo cáo kết quả quý III/2021.' });
    expect(await notOnList().count()).toBe(0);
    await page.keyboard.press('Control+Enter');
  });

  it('a given name with its accents among look-alikes: Hòa is Trần Thị Hòa, Hóa is Lê Văn Hóa, never the Hoa entered first', async () => {
    await page.keyboard.type('Hòa');
    const first = suggestions().getByRole('option').first();
    await expect.poll(() => first.textContent()).toMatch(/^Trần Thị Hòa/);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ý kiến về công tác cán bộ.');
    await lastSpeech({ attendeeId: people.hoaAccented, content: 'Ý kiến về công tác cán bộ.' });
    await page.keyboard.press('Control+Enter');

    await page.keyboard.type('Hóa');
    await expect.poll(() => suggestions().getByRole('option').first().textContent()).toMatch(/^Lê Văn Hóa/);
    await page.keyboard.press('Tab');
    await content().click();
    await page.keyboard.type('Ý kiến của Văn phòng Tỉnh ủy.');
    await lastSpeech({ attendeeId: people.hoaSac, content: 'Ý kiến của Văn phòng Tỉnh ủy.' });
    await page.keyboard.press('Control+Enter');
  });

  it('letters left unpicked are never stored as the speaker; Enter then picks', async () => {
    await page.keyboard.type('nguyen');
    await content().click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '“nguyen” chưa được chọn' }).count()).toBe(1);
    await page.keyboard.type('Nội dung trước khi chọn người.');
    await lastSpeech({ attendeeId: null, speakerName: '', content: 'Nội dung trước khi chọn người.' });
    await speaker().click();
    await expect.poll(() => suggestions().getByRole('option', { selected: true }).textContent()).toMatch(/^Nguyễn Thị Hoa/);
    await page.keyboard.press('Enter');
    await lastSpeech({ attendeeId: people.hoa, speakerName: '' });
    expect(speeches().some((s) => s.speakerName === 'nguyen')).toBe(false);
    await page.keyboard.press('Control+Enter');
  });

  it('Ctrl+E in the middle of a speech exports the picked speaker', async () => {
    await page.keyboard.type('ttm');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Đề nghị các đơn vị nghiên cứu kỹ các văn bản mới');
    await page.keyboard.press('Control+e');
    await expect.poll(() => app.bridge.saved.length).toBe(1);
    await page.getByRole('status', { name: 'Thông báo' }).filter({ hasText: 'Đã xuất biên bản' }).waitFor();
    await lastSpeech({ attendeeId: people.mai, speakerName: '', content: 'Đề nghị các đơn vị nghiên cứu kỹ các văn bản mới' });
    const text = allParagraphs((await readDocx(readFileSync(app.bridge.saved[0] ?? ''))).blocks)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain(
      'Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Trưởng ban Tổ chức Trung ương phát biểu ý kiến: Đề nghị các đơn vị nghiên cứu kỹ các văn bản mới',
    );
    expect(text).toContain(
      'Đồng chí Nguyễn Văn Thông, Phó Bí thư Thường trực Tỉnh ủy (điểm cầu Tỉnh ủy Nghệ An) phát biểu ý kiến: Tỉnh ủy Nghệ An đã hoàn thành 19/28 đề án.',
    );
    expect(text).not.toMatch(/Đồng chí (thong|ttm|mvc|nguyen|le duc cuong)\b/i);
    await page.keyboard.press('Control+Enter');
  });

  it('a reload in the middle of a speech keeps the picked speaker and every word typed', async () => {
    await page.keyboard.type('lvh');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Nội dung đang ghi dở khi tải lại');
    await page.reload();
    await lastSpeech({ attendeeId: people.hoaSac, speakerName: '', content: 'Nội dung đang ghi dở khi tải lại' });
    // The reload opens Diễn biến again on the speech being typed, the caret at the end of its text.
    await page.getByRole('heading', { level: 2, name: 'Diễn biến' }).waitFor();
    await expect.poll(() => content().evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await content().inputValue()).toBe('Nội dung đang ghi dở khi tải lại');
    const list = page.getByRole('list', { name: 'Các phát biểu đã ghi' });
    await expect.poll(() => list.getByText('Lê Văn Hóa - Chánh Văn phòng Tỉnh ủy').count()).toBe(1);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => speaker().evaluate((input) => input === document.activeElement)).toBe(true);
    await expect.poll(() => list.getByText('Lê Văn Hóa - Chánh Văn phòng Tỉnh ủy').count()).toBe(2);
    expect(await notOnList().count()).toBe(0);
    await lastSpeech({ attendeeId: people.hoaSac, speakerName: '', content: 'Nội dung đang ghi dở khi tải lại' });
  });

  it('closing the window in the middle of a speech keeps the picked speaker and every word typed', async () => {
    await page.keyboard.type('van thong');
    await page.keyboard.press('Tab');
    await content().click();
    await page.keyboard.type('Lời cuối trước khi đóng cửa sổ');
    await page.close({ runBeforeUnload: true });
    await lastSpeech({ attendeeId: people.thong, speakerName: '', content: 'Lời cuối trước khi đóng cửa sổ' });
    await app.reopen();
    await openProceedings();
    // Everything stored names an attendee: no speech holds letters typed as its speaker.
    expect(
      speeches()
        .filter((s) => s.attendeeId === null)
        .map((s) => s.speakerName),
    ).toEqual([]);
  });
});
