// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeApi } from './fake-api.ts';
import { openMeetingAt } from './setup.tsx';

function openMeeting(prepare?: (fake: FakeApi, id: number) => void) {
  const rendered = openMeetingAt('general', prepare);
  return { ...rendered, meeting: () => rendered.fake.store.meetings.get(rendered.id()), id: rendered.id() };
}

const saved = () => expect(screen.getByRole('status', { name: 'Trạng thái lưu' })).toHaveTextContent('Đã lưu');

describe('Thông tin chung', () => {
  it('marks the meeting final when the minutes are done', async () => {
    const { user, meeting } = openMeeting();
    const status = await screen.findByLabelText('Trạng thái');
    expect(status).toHaveDisplayValue('Bản nháp');
    await user.selectOptions(status, 'Đã hoàn thành');
    await waitFor(() => expect(meeting().status).toBe('final'));
  });

  it('saves what is typed without a Save button, and says so', async () => {
    const { user, meeting } = openMeeting();
    const title = await screen.findByLabelText('Tên hội nghị (trích yếu)');
    await user.clear(title);
    await user.type(title, 'Hội nghị Ban Thường vụ Tỉnh ủy');
    await user.tab();
    await waitFor(() => expect(meeting().title).toBe('Hội nghị Ban Thường vụ Tỉnh ủy'));
    await waitFor(saved);
    // The heading follows.
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Hội nghị Ban Thường vụ Tỉnh ủy');
  });

  it('saves shortly after typing stops, while the field keeps focus, without touching what is on screen', async () => {
    const { user, meeting } = openMeeting();
    const venue = await screen.findByLabelText('Địa điểm');
    await user.click(venue);
    // A trailing space is trimmed by the store; the field must keep it while the user is typing.
    await user.type(venue, 'Hội trường A ');
    await waitFor(() => expect(meeting().venue).toBe('Hội trường A'));
    expect(venue).toHaveFocus();
    expect(venue).toHaveValue('Hội trường A ');
    await user.type(venue, 'Tỉnh ủy');
    expect(venue).toHaveValue('Hội trường A Tỉnh ủy');
    await user.tab();
    await waitFor(() => expect(meeting().venue).toBe('Hội trường A Tỉnh ủy'));
  });

  it('does not save in the middle of an input method composition, and saves the composed text after it', async () => {
    const { meeting } = openMeeting();
    const content = await screen.findByLabelText('Nội dung hội nghị');
    fireEvent.focus(content);
    fireEvent.compositionStart(content);
    fireEvent.change(content, { target: { value: 'Đánh giá công tác quý III' } });
    // Enter during composition belongs to the input method.
    fireEvent.keyDown(content, { key: 'Enter', isComposing: true, keyCode: 229 });
    fireEvent.compositionEnd(content);
    fireEvent.blur(content);
    await waitFor(() => expect(meeting().content).toBe('Đánh giá công tác quý III'));
    expect(content).toHaveValue('Đánh giá công tác quý III');
  });

  it("shows the store's Vietnamese message beside the field and keeps the stored value", async () => {
    const { user, meeting } = openMeeting();
    await user.type(await screen.findByLabelText('Giờ bắt đầu'), '14:00');
    await user.tab();
    await waitFor(() => expect(meeting().startTime).toBe('14:00'));
    const end = screen.getByLabelText('Giờ kết thúc');
    await user.type(end, '10:75');
    await user.tab();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Không lưu được thông tin hội nghị: Giờ kết thúc: phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59. Chưa lưu giá trị nào.',
    );
    expect(end).toHaveAccessibleDescription(
      'Không lưu được thông tin hội nghị: Giờ kết thúc: phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59. Chưa lưu giá trị nào.',
    );
    // Once the field is left, it shows what is stored again (nothing here); the message stays.
    expect(end).toHaveValue('');
    expect(end).toHaveAttribute('aria-invalid', 'true');
    expect(meeting().endTime).toBeNull();
    // A refused value is not a failed save: the indicator says what is wrong with it.
    expect(screen.getByRole('status', { name: 'Trạng thái lưu' }).textContent).toBe(
      'Không lưu được thông tin hội nghị: Giờ kết thúc: phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59. Dữ liệu đã lưu không thay đổi.',
    );

    // An end before the start is a slip unless the meeting ran on past midnight (at most 12 hours).
    await user.clear(end);
    await user.type(end, '13:00');
    await user.tab();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Không lưu được thông tin hội nghị: giờ kết thúc phải sau giờ bắt đầu (qua nửa đêm, không quá 12 giờ). Chưa lưu giá trị nào.',
    );
    expect(meeting().endTime).toBeNull();

    await user.clear(end);
    await user.type(end, '17:00');
    await user.tab();
    await waitFor(() => expect(meeting().endTime).toBe('17:00'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    saved();
  });

  it('stores choices, the date, and suggests the next document number', async () => {
    const { user, meeting } = openMeeting((fake) => {
      fake.store.meetings.create({ title: 'Trước', format: 'party', term: '2025-2030', number: 4 });
    });
    await user.clear(await screen.findByLabelText('Nhiệm kỳ'));
    await user.type(screen.getByLabelText('Nhiệm kỳ'), '2025-2030');
    await user.tab();
    await user.selectOptions(screen.getByLabelText('Hình thức'), 'Trực tuyến');
    await user.selectOptions(screen.getByLabelText('Độ mật'), 'MẬT');
    await user.type(screen.getByLabelText('Ngày'), '21/11/2026');
    await user.tab();
    await waitFor(() => expect(meeting()).toMatchObject({ term: '2025-2030', mode: 'online', confidentiality: 'mat', date: '2026-11-21' }));

    await user.click(screen.getByRole('button', { name: 'Lấy số tiếp theo cho số biên bản' }));
    await waitFor(() => expect(meeting().number).toBe(5));
    expect(screen.getByLabelText('Số biên bản')).toHaveValue('5');

    const notice = screen.getByLabelText('Số thông báo kết luận');
    await user.type(notice, 'abc');
    await user.tab();
    expect(await screen.findByText('Số thông báo kết luận: phải là số nguyên không âm.')).toBeInTheDocument();
    expect(meeting().noticeNumber).toBeNull();
  });

  it('picks the chair among the attendees by typing initials without accents', async () => {
    let attendeeId = 0;
    const { user, fake } = openMeeting((fake, id) => {
      const site = fake.store.sites.add(id, { name: 'Trụ sở Tỉnh ủy' });
      attendeeId = fake.store.attendees.add(id, { siteId: site.id, fullName: 'Nguyễn Văn Thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy' }).id;
      fake.store.attendees.add(id, { siteId: site.id, fullName: 'Trần Thị Mai' });
    });
    const picker = await screen.findByRole('combobox', { name: 'Thêm người chủ trì' });
    await user.type(picker, 'nvt');
    expect(screen.getByRole('option', { name: /Nguyễn Văn Thông/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(fake.store.attendees.get(attendeeId).role).toBe('chair'));
    expect(screen.getByText('Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Bỏ chủ trì: Nguyễn Văn Thông' }));
    await waitFor(() => expect(fake.store.attendees.get(attendeeId).role).toBe('member'));
  });

  it('adds recipients with Enter and from a pasted block', async () => {
    const { user, fake, id } = openMeeting();
    const add = await screen.findByLabelText('Thêm nơi nhận');
    // An Enter that confirms an input method's composition hands nothing over to the list: what was
    // typed stays in the line, stored as its draft (whenever the autosave sends it), not as a recipient.
    fireEvent.change(add, { target: { value: 'Thường trực' } });
    fireEvent.keyDown(add, { key: 'Enter', isComposing: true, keyCode: 229 });
    expect(add).toHaveValue('Thường trực');
    await waitFor(() => {
      expect(fake.store.recipients.list(id).map((r) => r.text)).toEqual(['Thường trực']);
      expect(screen.queryByLabelText('Nơi nhận 1')).toBeNull();
    });
    expect(add).toHaveValue('Thường trực');
    await user.clear(add);
    await user.type(add, 'Thường trực Tỉnh ủy{Enter}');
    expect(add).toHaveValue('');
    expect(add).toHaveFocus();
    await user.type(add, 'Các ban đảng Tỉnh ủy{Enter}');
    await user.paste('Lưu Văn phòng\nCác huyện ủy, thành ủy\n');
    await waitFor(() =>
      expect(fake.store.recipients.list(id).map((r) => r.text)).toEqual([
        'Thường trực Tỉnh ủy',
        'Các ban đảng Tỉnh ủy',
        'Lưu Văn phòng',
        'Các huyện ủy, thành ủy',
      ]),
    );
    const list = screen.getAllByRole('list').find((l) => within(l).queryByLabelText('Nơi nhận 1'));
    expect(list).toBeDefined();
    expect(screen.getByLabelText('Nơi nhận 4')).toHaveValue('Các huyện ủy, thành ủy');

    await user.click(screen.getByRole('button', { name: 'Chuyển nơi nhận 4 lên' }));
    await waitFor(() => expect(fake.store.recipients.list(id).map((r) => r.text)[2]).toBe('Các huyện ủy, thành ủy'));
    await user.click(screen.getByRole('button', { name: 'Xóa nơi nhận 1' }));
    await waitFor(() => expect(fake.store.recipients.list(id)).toHaveLength(3));
  });
});
