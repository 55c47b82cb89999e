// Journeys with dates and times on a machine whose system locale writes 12-hour times and
// month-first dates (en-US): entry is dd/mm/yyyy and 24-hour HH:MM all the same; an impossible date or
// time (31/02, 25:00) is refused with the store's message and the saved value stays, in the database
// and on screen; an end before the start is past midnight, the next day.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import { field, openApp, retype, saved, screenshots, type AppUnderTest } from './app.ts';

const TITLE = 'Hội nghị giao ban công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2023';

describe('dates and times, whatever the system locale', () => {
  let app: AppUnderTest;
  let page: Page;
  let meetingId = 0;
  const meeting = () => app.store.meetings.get(meetingId);
  const alert = (text: string) => page.getByRole('alert').filter({ hasText: text });
  const indicator = () => page.getByRole('status', { name: 'Trạng thái lưu' });
  /** A refused value is told as such in the save indicator, never as a failed save. */
  const refused = async (message: string) => {
    await expect.poll(() => indicator().textContent()).toBe(`${message} Dữ liệu đã lưu không thay đổi.`);
  };

  beforeAll(async () => {
    app = await openApp({
      locale: 'en-US',
      prepare: (store) => {
        meetingId = createMeeting(store, { title: TITLE });
        const site = store.sites.add(meetingId, { name: 'Trụ sở Ban Tổ chức Trung ương' });
        store.attendees.add(meetingId, { siteId: site.id, fullName: 'Mai Văn Chính' });
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

  it('takes dd/mm/yyyy and 24-hour times, and shows them so, in an en-US browser', async () => {
    await field(page, 'Ngày').click();
    await page.keyboard.type('25/7/2023');
    await page.keyboard.press('Tab');
    await field(page, 'Giờ bắt đầu').click();
    await page.keyboard.type('8:30');
    await page.keyboard.press('Tab');
    await field(page, 'Giờ kết thúc').click();
    await page.keyboard.type('1430');
    await page.keyboard.press('Tab');
    await saved(page);
    await expect.poll(() => meeting()).toMatchObject({ date: '2023-07-25', startTime: '08:30', endTime: '14:30' });
    expect(await field(page, 'Ngày').inputValue()).toBe('25/07/2023');
    expect(await field(page, 'Giờ bắt đầu').inputValue()).toBe('08:30');
    expect(await field(page, 'Giờ kết thúc').inputValue()).toBe('14:30');
    expect(await page.getByText(/AM|PM|SA|CH/).count()).toBe(0);
  });

  it("refuses 31/02 over a saved date with the store's message, keeping 25/07/2023", async () => {
    await retype(page, 'Ngày', '31/02/2023');
    await page.keyboard.press('Tab');
    await alert('không phải là ngày có thật').waitFor();
    await expect.poll(() => alert('Vẫn giữ giá trị đã lưu: 25/07/2023.').count()).toBe(1);
    await refused('Không lưu được thông tin hội nghị: Ngày: không phải là ngày có thật.');
    await screenshots(page, 'date-refused');
    expect(meeting().date).toBe('2023-07-25');
    await expect.poll(() => field(page, 'Ngày').inputValue()).toBe('25/07/2023');
  });

  it("refuses 25:00 and 08:75 with the store's message, keeping 08:30", async () => {
    for (const typed of ['25:00', '08:75']) {
      await retype(page, 'Giờ bắt đầu', typed);
      await page.keyboard.press('Tab');
      await alert('phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59').waitFor();
      await refused('Không lưu được thông tin hội nghị: Giờ bắt đầu: phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59.');
      expect(meeting().startTime).toBe('08:30');
      await expect.poll(() => field(page, 'Giờ bắt đầu').inputValue()).toBe('08:30');
    }
  });

  it('refuses what is not a date at all, and an impossible end', async () => {
    await retype(page, 'Ngày', '25 tháng 7');
    await page.keyboard.press('Tab');
    await alert('Ngày: phải có dạng ngày/tháng/năm, ví dụ 25/07/2023.').waitFor();
    await refused('Ngày: phải có dạng ngày/tháng/năm, ví dụ 25/07/2023.');
    await retype(page, 'Giờ kết thúc', '10:75');
    await page.keyboard.press('Tab');
    await refused('Không lưu được thông tin hội nghị: Giờ kết thúc: phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59.');
    expect(meeting()).toMatchObject({ date: '2023-07-25', startTime: '08:30', endTime: '14:30' });
    // A correct value clears the message.
    await retype(page, 'Giờ kết thúc', '17:00');
    await page.keyboard.press('Tab');
    await expect.poll(() => meeting().endTime).toBe('17:00');
    await expect.poll(() => alert('Giờ kết thúc').count()).toBe(0);
  });

  it('takes a meeting past midnight: an end before the start is the next day, in the editor and the minutes', async () => {
    // 22:30 to 17:00 would last over 12 hours past midnight: a slip, refused, the stored times kept.
    await retype(page, 'Giờ bắt đầu', '22:30');
    await page.keyboard.press('Tab');
    await refused('Không lưu được thông tin hội nghị: giờ kết thúc phải sau giờ bắt đầu (qua nửa đêm, không quá 12 giờ).');
    expect(meeting()).toMatchObject({ startTime: '08:30', endTime: '17:00' });
    // The end cleared first, the night meeting's times go in.
    await retype(page, 'Giờ kết thúc', '');
    await page.keyboard.press('Tab');
    await expect.poll(() => meeting().endTime).toBeNull();
    await retype(page, 'Giờ bắt đầu', '22:30');
    await page.keyboard.press('Tab');
    await expect.poll(() => meeting().startTime).toBe('22:30');
    await retype(page, 'Giờ kết thúc', '0040');
    await page.keyboard.press('Tab');
    await saved(page);
    await expect.poll(() => meeting()).toMatchObject({ date: '2023-07-25', startTime: '22:30', endTime: '00:40' });
    await page.getByText('Sau nửa đêm: hội nghị kết thúc ngày 26/07/2023.').waitFor();
    await screenshots(page, 'end-past-midnight');
    // An impossible end over it is refused and the stored one stays.
    await retype(page, 'Giờ kết thúc', '25:00');
    await page.keyboard.press('Tab');
    await refused('Không lưu được thông tin hội nghị: Giờ kết thúc: phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59.');
    expect(meeting()).toMatchObject({ startTime: '22:30', endTime: '00:40' });
    await expect.poll(() => field(page, 'Giờ kết thúc').inputValue()).toBe('00:40');

    await page.keyboard.press('Alt+6');
    const preview = page.getByRole('document', { name: /Bản xem trước/ });
    await preview.getByText('Thời gian: vào hồi 22 giờ 30, ngày 25 tháng 7 năm 2023.').waitFor();
    await preview.getByText('Hội nghị kết thúc vào hồi 00 giờ 40, ngày 26 tháng 7 năm 2023.').waitFor();
    expect(meeting()).toMatchObject({ date: '2023-07-25', startTime: '22:30', endTime: '00:40' });
    await page.keyboard.press('Alt+1');
  });

  it('takes a late arrival time and a due date in the same way', async () => {
    await page.keyboard.press('Alt+2');
    await field(page, 'Tình trạng, dòng 1').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => field(page, 'Tình trạng, dòng 1').evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.label)).toBe('Đến muộn');
    await page.keyboard.press('Tab');
    await page.keyboard.type('8h15');
    await page.keyboard.press('Tab');
    await expect.poll(() => app.store.attendees.list(meetingId)[0]).toMatchObject({ presence: 'late', presenceTime: '08:15' });
    await retype(page, 'Giờ đến hoặc về, dòng 1', '25:00');
    await page.keyboard.press('Tab');
    await refused('Không lưu được đại biểu: Giờ đến hoặc về: phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59.');
    expect(app.store.attendees.list(meetingId)[0]).toMatchObject({ presence: 'late', presenceTime: '08:15' });

    await page.keyboard.press('Alt+5');
    await field(page, 'Thêm nhiệm vụ').click();
    await page.keyboard.type('Hoàn thiện đề án vị trí việc làm');
    await page.keyboard.press('Enter');
    await field(page, 'Thời hạn nhiệm vụ 1').click();
    await page.keyboard.type('30/02/2024');
    await page.keyboard.press('Tab');
    await alert('không phải là ngày có thật').waitFor();
    await refused('Không lưu được nhiệm vụ: Thời hạn: không phải là ngày có thật.');
    expect(app.store.actionItems.list(meetingId)[0]?.dueDate).toBeNull();
    await retype(page, 'Thời hạn nhiệm vụ 1', '29/02/2024');
    await page.keyboard.press('Tab');
    await expect.poll(() => app.store.actionItems.list(meetingId)[0]?.dueDate).toBe('2024-02-29');
  });
});
