// The live conference flow from the keyboard: three speakers registered and their speeches recorded with the
// queue key alone; a whole speech with every choice made from its text; the members' title typed, then ten
// attendees marked with the single keys from Alt+T (reasons and times typed in place, positions readable at
// both sizes); 3,321 count-only sites imported and one count updated as the site
// reports in. Each journey ends with a look at the database; screenshots at 1366×768 and 1920×1080.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import type { Store } from '../../electron/store/index.ts';
import { allParagraphs, readDocx } from '../minutes/docx-reader.ts';
import { field, openApp, screenshots, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị Ban Thường vụ Tỉnh ủy tháng 9 năm 2021';

const PEOPLE = [
  ['Nguyễn Văn Thông', 'Phó Bí thư Thường trực Tỉnh ủy'],
  ['Trương Thị Mai', 'Ủy viên Ban Thường vụ, Trưởng ban Dân vận Tỉnh ủy'],
  ['Lê Đức Cường', 'Ủy viên Ban Thường vụ, Trưởng ban Tổ chức Tỉnh ủy'],
  ['Hoàng Thị Thu Hương', 'Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy'],
  ['Phạm Quang Vinh', 'Ủy viên Ban Thường vụ, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh'],
  ['Đặng Xuân Trường', 'Ủy viên Ban Thường vụ, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh'],
  ['Võ Thị Ngọc Ánh', 'Ủy viên Ban Thường vụ, Trưởng ban Tuyên giáo Tỉnh ủy'],
  ['Bùi Đình Long', 'Ủy viên Ban Thường vụ, Giám đốc Công an tỉnh'],
  ['Ngô Minh Khang', 'Ủy viên Ban Chấp hành, Chánh Văn phòng Tỉnh ủy'],
  ['Trịnh Văn Chiến', 'Ủy viên Ban Chấp hành, Giám đốc Sở Nội vụ'],
] as const;

function prepare(store: Store): void {
  const id = createMeeting(store, { title: TITLE, date: '2021-09-30', startTime: '08:00', format: 'party' });
  const site = store.sites.add(id, { name: 'Hội trường Tỉnh ủy', level: 'province' });
  for (const [fullName, positions] of PEOPLE) store.attendees.add(id, { siteId: site.id, fullName, positions });
  store.agenda.add(id, { title: 'Báo cáo tình hình thực hiện nhiệm vụ 9 tháng' });
}

const active = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      role: element?.getAttribute('role') ?? '',
      label: element?.getAttribute('aria-label') ?? (element as HTMLInputElement | null)?.labels?.[0]?.textContent ?? '',
    };
  });

describe('the live conference flow', () => {
  let app: AppUnderTest;
  let page: Page;
  const meetingId = () => app.store.meetings.list()[0]?.id ?? 0;
  const speeches = () => app.store.speeches.list(meetingId());
  const speaker = () => page.getByRole('combobox', { name: 'Người phát biểu' });
  const content = () => field(page, 'Nội dung phát biểu');
  const focused = (locator: ReturnType<Page['locator']>) => locator.evaluate((element) => element === document.activeElement);

  async function open(section: string): Promise<void> {
    app = await openApp({ prepare });
    page = app.page;
    // The page's clock inside the meeting (08:00 on): stamps taken before 08:00 would be refused, as they should.
    await page.clock.setFixedTime(new Date(2021, 8, 30, 9, 30));
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await page.keyboard.press(section);
  }
  afterEach(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('three speakers registered, their speeches recorded with the queue key alone; start and end stamped', async () => {
    await open('Alt+4');
    await expect.poll(() => focused(speaker())).toBe(true);
    // The chair announces three speakers: Alt+D, a few letters, Enter each; Esc back to the speech.
    await page.keyboard.press('Alt+D');
    for (const letters of ['nvt', 'mai', 'cuong']) {
      await page.keyboard.type(letters);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => app.store.queue.list(meetingId()).length).toBe(3);
    const queue = page.getByRole('list', { name: /Người đăng ký phát biểu/ });
    await expect
      .poll(() => queue.getByRole('listitem').allInnerTexts())
      .toEqual([expect.stringContaining('Nguyễn Văn Thông'), expect.stringContaining('Trương Thị Mai'), expect.stringContaining('Lê Đức Cường')]);
    await page.keyboard.press('Escape');
    await expect.poll(() => focused(content())).toBe(true);
    await screenshots(page, 'speech-queue');

    const said = ['Báo cáo tình hình 9 tháng.', 'Đề nghị bổ sung chỉ tiêu về dân vận.', 'Thống nhất với báo cáo.'];
    for (const text of said) {
      await page.keyboard.press('Control+Enter');
      // The registered speaker's speech starts, stamped, the caret in its text.
      await expect.poll(() => speeches().length).toBe(said.indexOf(text) + 1);
      await expect.poll(() => focused(content())).toBe(true);
      await page.keyboard.type(text);
    }
    await expect.poll(() => speeches().map((s) => s.content)).toEqual(said);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => focused(speaker())).toBe(true);

    const ids = app.store.attendees.list(meetingId()).map((a) => a.id);
    const stored = speeches();
    expect(stored.map((s) => s.attendeeId)).toEqual([ids[0], ids[1], ids[2]]);
    expect(app.store.queue.list(meetingId())).toEqual([]);
    for (const s of stored) expect(s.startTime).toBe('09:30');
    // Each speech ended when the next one started; the last still runs until marked ended.
    expect(stored[0]?.endTime).toBe(stored[1]?.startTime);
    expect(stored[1]?.endTime).toBe(stored[2]?.startTime);
    expect(stored[2]?.endTime).toBeNull();
    for (const s of stored.slice(0, 2)) expect(s.durationMinutes).toBeGreaterThanOrEqual(0);

    // The meeting's end, one key: the running speech ends with it.
    await page.keyboard.press('Alt+End');
    await expect.poll(() => app.store.meetings.get(meetingId()).endTime).toBe('09:30');
    await expect.poll(() => speeches()[2]?.endTime).toBe(app.store.meetings.get(meetingId()).endTime);
  });

  it('a whole speech without the mouse: speaker, words, kind, agenda item and end from the text field', async () => {
    await open('Alt+4');
    await expect.poll(() => focused(speaker())).toBe(true);
    await page.keyboard.type('huong');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(content())).toBe(true);
    await page.keyboard.type('Báo cáo kết quả kiểm tra, giám sát 9 tháng.');
    await page.keyboard.press('Alt+B');
    // The first speech starts under the first agenda item; Alt+M goes through the others and back.
    const item = () => field(page, 'Mục chương trình').evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.label);
    await expect.poll(item).toBe('1. Báo cáo tình hình thực hiện nhiệm vụ 9 tháng');
    await page.keyboard.press('Alt+M');
    await expect.poll(item).toBe('(Không thuộc mục nào)');
    await page.keyboard.press('Alt+M');
    await expect.poll(item).toBe('1. Báo cáo tình hình thực hiện nhiệm vụ 9 tháng');
    await page.keyboard.press('Alt+K');
    await expect.poll(() => speeches()[0]?.endTime ?? null).toMatch(/^\d\d:\d\d$/);
    expect(await focused(content())).toBe(true);
    await page.getByRole('radio', { name: /Báo cáo/ }).isChecked();
    await screenshots(page, 'speech-form');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => focused(speaker())).toBe(true);

    const agenda = app.store.agenda.list(meetingId());
    const huong = app.store.attendees.list(meetingId()).find((a) => a.fullName === 'Hoàng Thị Thu Hương');
    expect(speeches()).toEqual([
      expect.objectContaining({
        attendeeId: huong?.id,
        content: 'Báo cáo kết quả kiểm tra, giám sát 9 tháng.',
        kind: 'report',
        agendaItemId: agenda[0]?.id,
        startTime: expect.stringMatching(/^\d\d:\d\d$/),
        endTime: expect.stringMatching(/^\d\d:\d\d$/),
      }),
    ]);
  });

  it("the members' title typed; ten attendees marked with the single keys from Alt+T, reasons and times typed in place, members with T; the quorum in the Word file", async () => {
    await open('Alt+1');
    // The members' title, typed as the secretary would, then straight on to the attendance (Alt+2) mid-field.
    const memberTitle = field(page, 'Chức danh thành viên của cơ quan họp');
    await memberTitle.click();
    await page.keyboard.type('Ủy viên Ban Thường vụ Tỉnh ủy');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => app.store.meetings.get(meetingId()).memberTitle).toBe('Ủy viên Ban Thường vụ Tỉnh ủy');
    await page.getByRole('grid', { name: /Đại biểu tại điểm cầu/ }).waitFor();
    // The key is in the help (F1), from the one key list.
    await page.keyboard.press('F1');
    await expect
      .poll(() =>
        page
          .getByRole('dialog', { name: 'Phím tắt' })
          .getByRole('row', { name: /^Alt\+T Vào bảng đại biểu/ })
          .count(),
      )
      .toBe(1);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Phím tắt' }).waitFor({ state: 'detached' });
    // One key from the section into the grid, at its row.
    await page.keyboard.press('Alt+T');
    expect(await active(page)).toEqual({ role: 'row', label: 'Nguyễn Văn Thông: Có mặt' });
    // The row is in the tab order too: Tab goes on from it, Shift+Tab comes back to it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await active(page)).toEqual({ role: 'row', label: 'Nguyễn Văn Thông: Có mặt' });
    const key = async (...keys: string[]) => {
      for (const k of keys) await page.keyboard.press(k);
    };
    const typeIn = async (text: string) => {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    };
    await key('C', 'T', 'ArrowDown'); // Thông: present, member
    await key('V');
    await typeIn('Đi công tác nước ngoài'); // Mai: excused
    await key('T', 'ArrowDown');
    await key('K', 'T', 'ArrowDown'); // Cường: absent without reason, member
    // Out of the grid (the site search), and back with Alt+T to the row where the marking stopped.
    await page.getByRole('searchbox', { name: 'Tìm điểm cầu' }).focus();
    await key('Alt+T');
    expect((await active(page)).label).toMatch(/^Hoàng Thị Thu Hương/);
    await key('M');
    await typeIn('08:25'); // Hương: late
    await key('T', 'ArrowDown');
    await key('S');
    await typeIn('10:40'); // Vinh: left early
    await key('ArrowDown');
    await key('V');
    await typeIn('Ốm'); // Trường: excused
    await key('ArrowDown', 'C', 'ArrowDown', 'C', 'ArrowDown', 'C', 'ArrowDown', 'K');
    await expect
      .poll(() => app.store.attendees.list(meetingId()).map((a) => [a.fullName, a.presence, a.absenceReason, a.presenceTime, a.isMember]))
      .toEqual([
        ['Nguyễn Văn Thông', 'present', '', null, true],
        ['Trương Thị Mai', 'absent_excused', 'Đi công tác nước ngoài', null, true],
        ['Lê Đức Cường', 'absent_unexcused', '', null, true],
        ['Hoàng Thị Thu Hương', 'late', '', '08:25', true],
        ['Phạm Quang Vinh', 'left_early', '', '10:40', false],
        ['Đặng Xuân Trường', 'absent_excused', 'Ốm', null, false],
        ['Võ Thị Ngọc Ánh', 'present', '', null, false],
        ['Bùi Đình Long', 'present', '', null, false],
        ['Ngô Minh Khang', 'present', '', null, false],
        ['Trịnh Văn Chiến', 'absent_unexcused', '', null, false],
      ]);
    // Counts live: 6 present (late and left early count), members 2 of 4.
    await expect.poll(() => page.locator('.site-count').innerText()).toBe('Có mặt 6/10 đại biểu');
    await expect.poll(() => page.locator('.presence-counts').innerText()).toContain('Thành viên có mặt: 2/4');
    await screenshots(page, 'attendance-grid');
    // Names and positions are not cut off: each name cell shows its whole text at both sizes.
    for (const width of [1366, 1920]) {
      await page.setViewportSize({ width, height: width === 1366 ? 768 : 1080 });
      // The text's width in the field's own font against the room inside the field.
      const clipped = await page
        .getByRole('grid', { name: /Đại biểu tại điểm cầu/ })
        .getByRole('textbox', { name: /^Họ và tên, dòng/ })
        .evaluateAll((inputs) => {
          const context = document.createElement('canvas').getContext('2d');
          if (!context) throw new Error('no canvas');
          return inputs
            .filter((element) => {
              const input = element as HTMLInputElement;
              const style = getComputedStyle(input);
              context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
              const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
              return context.measureText(input.value).width > room;
            })
            .map((input) => (input as HTMLInputElement).value);
        });
      expect(clipped, `names cut off at ${width}`).toEqual([]);
      // Positions, units and reasons wrap in their cells: nothing is hidden past a cell's edge or below it.
      const hidden = await page
        .getByRole('grid', { name: /Đại biểu tại điểm cầu/ })
        .getByRole('textbox', { name: /^(Chức vụ|Đơn vị|Lý do vắng), dòng/ })
        .evaluateAll((cells) =>
          cells
            .filter((cell) => cell.scrollHeight > cell.clientHeight + 1 || cell.scrollWidth > cell.clientWidth + 1)
            .map((cell) => (cell as HTMLTextAreaElement).value),
        );
      expect(hidden, `positions or units cut off at ${width}`).toEqual([]);
      // And the grid fits the window: its last column is not pushed out of view.
      const overflow = await page.getByRole('grid', { name: /Đại biểu tại điểm cầu/ }).evaluate((grid) => grid.scrollWidth - grid.clientWidth);
      expect(overflow, `grid wider than the window at ${width}`).toBeLessThanOrEqual(0);
    }

    // The committee's minutes: the members present out of the total, each absent member with the reason.
    await page.keyboard.press('Control+e');
    await expect.poll(() => app.bridge.saved.length).toBe(1);
    await page.getByRole('status', { name: 'Thông báo' }).filter({ hasText: 'Đã xuất biên bản' }).waitFor();
    const text = allParagraphs((await readDocx(readFileSync(app.bridge.saved[0] ?? ''))).blocks)
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('Ủy viên Ban Thường vụ Tỉnh ủy');
    expect(text).toMatch(
      /Có mặt: 02\/04 đồng chí: đồng chí Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy; đồng chí Hoàng Thị Thu Hương - [^\n]*\(đến muộn lúc 08 giờ 25\)/,
    );
    expect(text).toContain(
      'Vắng mặt: 02 đồng chí: đồng chí Trương Thị Mai - Ủy viên Ban Thường vụ, Trưởng ban Dân vận Tỉnh ủy (vắng có lý do: Đi công tác nước ngoài); ' +
        'đồng chí Lê Đức Cường - Ủy viên Ban Thường vụ, Trưởng ban Tổ chức Tỉnh ủy (vắng không có lý do).',
    );
  });

  it('3,321 count-only commune sites imported from a CSV file, one count updated in two keystrokes and Enter', async () => {
    const rows = [
      'DANH SÁCH ĐIỂM CẦU CẤP XÃ',
      'STT,Tên điểm cầu,Cấp,Số đại biểu,Địa chỉ',
      ...Array.from({ length: 3321 }, (_, i) => `${i + 1},Điểm cầu xã số ${i + 1},Cấp xã,${10 + (i % 30)},Tỉnh số ${1 + (i % 34)}`),
    ];
    await open('Alt+2');
    const file = join(app.dir, 'diem-cau-xa.csv');
    writeFileSync(file, `\uFEFF${rows.join('\r\n')}\r\n`);
    app.bridge.toOpen.push(file);
    // The file dialog is the mouse's; what follows is the keyboard's.
    await page.getByRole('button', { name: 'Nhập danh sách điểm cầu từ tệp (CSV, Excel)' }).click();
    await page.getByText(/3\.321 cấp xã/).waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => app.store.sites.list(meetingId()).length, { timeout: 20_000 }).toBe(3322);
    const sites = app.store.sites.list(meetingId());
    expect(sites.filter((s) => s.level === 'commune' && s.attendeeCount !== null)).toHaveLength(3321);
    expect(sites.filter((s) => s.isMain)).toHaveLength(1);

    // Site 2 017 reports in: find it, ↓ into the list, type its count, Enter.
    await field(page, 'Tìm điểm cầu').click();
    await page.keyboard.type('xa so 2017');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('42');
    await page.keyboard.press('Enter');
    await expect.poll(() => app.store.sites.list(meetingId()).find((s) => s.name === 'Điểm cầu xã số 2017')?.attendeeCount).toBe(42);
    // Nothing else changed.
    const after = app.store.sites.list(meetingId());
    expect(after.filter((s) => s.name !== 'Điểm cầu xã số 2017').map((s) => s.attendeeCount)).toEqual(
      sites.filter((s) => s.name !== 'Điểm cầu xã số 2017').map((s) => s.attendeeCount),
    );
    await screenshots(page, 'sites-count-only');
  });
});
