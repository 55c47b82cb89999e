// End to end: a new user enters the meeting of ../shared/examples/central-agencies-review-2023.txt from the
// keyboard in the built renderer in Debian's Chromium, against the real services (test bridge), then exports
// the minutes in both formats and the notice, and reads the Word files back.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allParagraphs, readDocx } from '../minutes/docx-reader.ts';
import { choose, field as fieldOf, openApp, paste, saved, type AppUnderTest } from './app.ts';

const AGENCIES = [
  'Ban Tuyên giáo Trung ương',
  'Ban Nội chính Trung ương',
  'Văn phòng Chính phủ',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Thanh tra Chính phủ',
  'Ủy ban Dân tộc',
  'Thông tấn xã Việt Nam',
  'Đài Truyền hình Việt Nam',
  'Đài Tiếng nói Việt Nam',
  'Nhà xuất bản Chính trị quốc gia Sự thật',
  'Báo Nhân Dân',
  'Tạp chí Cộng sản',
  'Tòa án nhân dân tối cao',
  'Viện Kiểm sát nhân dân tối cao',
  'Kiểm toán Nhà nước',
];
const TITLE =
  'Hội nghị giao ban công tác tổ chức xây dựng Đảng các ban đảng, ban cán sự đảng, đảng ủy, tập thể lãnh đạo cơ quan trực thuộc Trung ương 6 tháng đầu năm 2023';
const REPORT =
  'Báo cáo tình hình, kết quả công tác tổ chức xây dựng Đảng của các đảng đoàn, ban cán sự đảng, đảng ủy, tập thể lãnh đạo cơ quan, đơn vị trực thuộc Trung ương trong 6 tháng đầu năm 2023. Công tác tổ chức xây dựng Đảng được triển khai toàn diện, đồng bộ, đạt nhiều kết quả quan trọng.';
const CONCLUSION =
  'Ghi nhận các kiến nghị, đề xuất, giao các vụ, đơn vị của Ban tham mưu giải quyết thỏa đáng, đúng trách nhiệm để chia sẻ khó khăn với các cơ quan, đơn vị.';

describe('entering the central agencies review of 2023 and exporting its minutes', () => {
  let app: AppUnderTest;
  let page: Page;

  beforeAll(async () => {
    app = await openApp();
    page = app.page;
    await page.getByText('Chưa có hội nghị nào').waitFor();
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  const store = () => app.store;
  const bridge = () => app.bridge;
  const field = (label: string) => fieldOf(page, label);
  const savedSoon = () => saved(page);
  /** Clicks into a field and types, as a person does. */
  const typeIn = async (label: string, text: string) => {
    await field(label).click();
    await page.keyboard.type(text);
  };

  it('sets up the organisation profile in the settings', async () => {
    await page.keyboard.press('Control+Comma');
    await typeIn('Cơ quan cấp trên', 'Ban Chấp hành Trung ương');
    await typeIn('Cơ quan ban hành', 'Ban Tổ chức Trung ương');
    await typeIn('Chữ viết tắt của cơ quan', 'BTCTW');
    await typeIn('Địa danh', 'Hà Nội');
    await typeIn('Nhiệm kỳ hiện tại', '2021-2026');
    await typeIn('Người ghi biên bản', 'Nguyễn Thị Hồng');
    await field('Chức vụ người ghi biên bản').click();
    await page.keyboard.type('Chuyên viên Vụ V');
    await page.keyboard.press('Tab');
    await savedSoon();
    await expect.poll(() => store().profile.get().abbreviation).toBe('BTCTW');
    expect(store().profile.get().defaultMinuteTakerPosition).toBe('Chuyên viên Vụ V');
  });

  it('creates the meeting and fills in Thông tin chung', async () => {
    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'Hội nghị mới' });
    await dialog.getByLabel('Tên hội nghị').pressSequentially(TITLE);
    await dialog.getByRole('button', { name: 'Tạo hội nghị' }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
    await typeIn('Loại hội nghị', 'Hội nghị giao ban');
    await page.getByRole('button', { name: 'Lấy số tiếp theo' }).first().click();
    await typeIn('Ngày', '25/07/2023');
    await typeIn('Giờ bắt đầu', '08:30');
    await typeIn('Giờ kết thúc', '11:30');
    await field('Địa điểm').pressSequentially('Trụ sở Ban Tổ chức Trung ương, Hà Nội');
    await field('Nội dung hội nghị').pressSequentially(
      'Đánh giá công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2023; phương hướng, nhiệm vụ 6 tháng cuối năm.',
    );
    await page.keyboard.press('Tab');
    await savedSoon();
    const meeting = store().meetings.list()[0];
    expect(meeting).toMatchObject({ title: TITLE, number: 1, date: '2023-07-25' });
    expect(store().meetings.get(meeting?.id ?? 0)).toMatchObject({ startTime: '08:30', endTime: '11:30', minuteTakerName: 'Nguyễn Thị Hồng' });
  });

  it('enters the site and its attendees, by typing and by pasting a list', async () => {
    await page.keyboard.press('Alt+2');
    await field('Thêm điểm cầu').pressSequentially('Trụ sở Ban Tổ chức Trung ương');
    await page.keyboard.press('Enter');
    const name = page.getByRole('combobox', { name: 'Họ và tên đại biểu mới' });
    await name.click();
    await page.keyboard.type('Mai Văn Chính');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ủy viên Trung ương Đảng, Phó Trưởng ban Thường trực Ban Tổ chức Trung ương');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Phạm Quang Hưng');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Vụ trưởng Vụ V, Ban Tổ chức Trung ương');
    await page.keyboard.press('Enter');
    await choose(page, 'Vai trò, dòng 1', 'Chủ trì hội nghị');
    // The representatives of the agencies, pasted from a Word table: name, position, unit.
    await name.click();
    await paste(page, AGENCIES.map((agency) => `Đại diện lãnh đạo\tĐại diện ${agency}\t${agency}`).join('\r\n'));
    await expect.poll(() => store().attendees.list(store().meetings.list()[0]?.id ?? 0).length).toBe(18);
    await page.getByText('Tổng cộng:').waitFor();
    const attendees = store().attendees.list(store().meetings.list()[0]?.id ?? 0);
    expect(attendees[0]).toMatchObject({ fullName: 'Mai Văn Chính', role: 'chair' });
    expect(attendees[17]).toMatchObject({ positions: 'Đại diện Kiểm toán Nhà nước', unit: 'Kiểm toán Nhà nước' });
  });

  it('enters the agenda', async () => {
    await page.keyboard.press('Alt+3');
    const add = field('Thêm mục chương trình');
    await add.pressSequentially('Báo cáo kết quả công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2023');
    await page.keyboard.press('Enter');
    await add.pressSequentially('Thảo luận');
    await page.keyboard.press('Enter');
    await expect.poll(() => store().agenda.list(store().meetings.list()[0]?.id ?? 0).length).toBe(2);
  });

  it('takes the proceedings live from the keyboard', async () => {
    await page.keyboard.press('Alt+4');
    // Focus is in the speaker field: a few letters without accents pick the attendee.
    await page.keyboard.type('pqh');
    await page.keyboard.press('Enter');
    // The kind by its key from the speech's text (issue 13: no longer a list to walk through).
    await page.keyboard.press('Alt+B');
    await expect.poll(() => page.getByRole('radio', { name: /^Báo cáo/ }).isChecked()).toBe(true);
    await choose(page, 'Mục chương trình', '1. Báo cáo kết quả công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2023');
    await field('Nội dung phát biểu').click();
    await page.keyboard.insertText(REPORT);
    await page.keyboard.press('Control+Enter');
    const opinions = [
      ['Đại diện Bộ Nội vụ', 'Đề nghị Ban Tổ chức Trung ương có hướng dẫn cụ thể về mô tả vị trí việc làm.'],
      ['Đại diện Bộ Tư pháp', 'Đề nghị mở rộng tiêu chuẩn, đối tượng đào tạo lý luận chính trị.'],
      ['Đại diện Thanh tra Chính phủ', 'Đề nghị sớm ban hành hướng dẫn thực hiện Kết luận 35-KL/TW ngày 05/5/2022 của Bộ Chính trị.'],
    ];
    for (const [speaker, text] of opinions) {
      await page.keyboard.type(speaker ?? '');
      await page.keyboard.press('Enter');
      if (speaker === opinions[0]?.[0]) await choose(page, 'Mục chương trình', '2. Thảo luận');
      await field('Nội dung phát biểu').click();
      await page.keyboard.type(text ?? '');
      await page.keyboard.press('Control+Enter');
    }
    await expect.poll(() => store().speeches.list(store().meetings.list()[0]?.id ?? 0).length).toBe(4);
    const speeches = store().speeches.list(store().meetings.list()[0]?.id ?? 0);
    expect(speeches[0]).toMatchObject({ kind: 'report', content: REPORT });
    expect(speeches[0]?.startTime).toMatch(/^\d{2}:\d{2}$/);
    expect(speeches[3]).toMatchObject({ speakerName: 'Đại diện Thanh tra Chính phủ', attendeeId: null });
  });

  it('enters the conclusion', async () => {
    await page.keyboard.press('Alt+5');
    await field('Kết luận chung').click();
    await page.keyboard.type(CONCLUSION);
    await page.keyboard.press('Tab');
    await savedSoon();
    await expect
      .poll(() =>
        store()
          .conclusions.list(store().meetings.list()[0]?.id ?? 0)
          .map((c) => c.content),
      )
      .toEqual([CONCLUSION]);
  });

  it('previews and exports the minutes in both formats and the notice, as Word files', async () => {
    await page.keyboard.press('Alt+6');
    await page.locator('article.bien-ban').waitFor();
    await expect(
      page
        .locator('article.bien-ban p.r-title')
        .first()
        .evaluate((p) => getComputedStyle(p).fontWeight),
    ).resolves.toBe('700');

    await page.getByRole('button', { name: /Xuất biên bản \(Word\)/ }).click();
    await expect.poll(() => bridge().saved.length).toBe(1);
    await choose(page, 'Thể thức (lưu cùng hội nghị)', 'Thể thức hành chính nhà nước');
    await savedSoon();
    await page.getByRole('button', { name: /Xuất biên bản \(Word\)/ }).click();
    await expect.poll(() => bridge().saved.length).toBe(2);
    await page.getByRole('button', { name: 'Xuất thông báo kết luận (Word)' }).click();
    await expect.poll(() => bridge().saved.length).toBe(3);
    await page.getByRole('status', { name: 'Thông báo' }).filter({ hasText: 'Đã xuất' }).first().waitFor();

    const text = async (index: number) => {
      const path = bridge().saved[index] ?? '';
      await expect.poll(() => readFileSync(path).length > 0).toBe(true);
      return allParagraphs((await readDocx(readFileSync(path))).blocks).map((p) => p.text);
    };
    const party = await text(0);
    expect(party).toEqual(
      expect.arrayContaining(['ĐẢNG CỘNG SẢN VIỆT NAM', 'BAN TỔ CHỨC TRUNG ƯƠNG', 'Số 01-BB/BTCTW', 'Hà Nội, ngày 25 tháng 7 năm 2023', 'BIÊN BẢN', TITLE]),
    );
    const joined = party.join('\n');
    expect(joined).toContain('Thời gian: vào hồi 08 giờ 30, ngày 25 tháng 7 năm 2023.');
    expect(joined).toContain('đồng chí Mai Văn Chính - Ủy viên Trung ương Đảng, Phó Trưởng ban Thường trực Ban Tổ chức Trung ương');
    expect(joined).toContain(REPORT);
    expect(joined).toContain('Đề nghị mở rộng tiêu chuẩn, đối tượng đào tạo lý luận chính trị.');
    expect(joined).toContain(CONCLUSION);
    expect(joined.indexOf(REPORT)).toBeLessThan(joined.indexOf(CONCLUSION));
    expect(joined).toContain('Hội nghị kết thúc vào hồi 11 giờ 30 cùng ngày.');

    const state = await text(1);
    expect(state).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 01/BB-BTCTW']));
    expect(state.join('\n')).toContain('Cuộc họp kết thúc vào 11 giờ 30, ngày 25 tháng 7 năm 2023./.');

    const notice = await text(2);
    expect(notice).toContain('THÔNG BÁO');
    expect(notice.join('\n')).toContain(CONCLUSION);
    expect(notice.join('\n')).not.toContain(REPORT);
  });

  it('shows the meeting in the list, with its counts', async () => {
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Danh sách hội nghị' }).waitFor();
    expect(store().meetings.list()).toEqual([expect.objectContaining({ siteCount: 1, attendeeCount: 18, speechCount: 4 })]);
  });
});
