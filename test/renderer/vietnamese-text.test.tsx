// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeLegacy } from '../../shared/vietnamese/legacy.ts';
import type { FakeApi } from './fake-api.ts';
import { meetingIn, openMeetingAt, renderApp } from './setup.tsx';

const openSection = (section: 'sites' | 'general' | 'proceedings', prepare?: (fake: FakeApi, id: number) => void) => openMeetingAt(section, prepare);

describe('search across meetings', () => {
  it('finds a speech typed without accents, grouped under its meeting with the passage marked, and opens it', async () => {
    const { user } = renderApp({
      prepare: (fake) => {
        const id = meetingIn(fake, { title: 'Hội nghị tổng kết năm 2023', date: '2024-01-10' });
        fake.store.speeches.add(id, { speakerName: 'Đặng Thị Hòa', content: 'Đề nghị sớm ban hành khung năng lực vị trí việc làm.' });
        meetingIn(fake, { title: 'Giao ban quý I' });
      },
    });
    await screen.findByRole('heading', { name: 'Danh sách hội nghị' });
    await user.type(screen.getByRole('searchbox', { name: 'Tìm hội nghị' }), 'khung nang luc');
    const results = await screen.findByRole('region', { name: 'Kết quả tìm trong nội dung' });
    const group = within(results).getAllByRole('listitem')[0];
    if (!group) throw new Error('no group');
    expect(within(group).getByRole('button', { name: 'Hội nghị tổng kết năm 2023' })).toBeInTheDocument();
    expect(group.querySelector('mark')?.textContent).toBe('khung năng lực');
    expect(group).toHaveTextContent('Phát biểu Đặng Thị Hòa: Đề nghị sớm ban hành khung năng lực vị trí việc làm.');
    await user.click(within(group).getByRole('button', { name: 'Hội nghị tổng kết năm 2023' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hội nghị tổng kết năm 2023' })).toBeInTheDocument();
  });

  it('says so when nothing matches', async () => {
    const { user } = renderApp({ prepare: (fake) => void meetingIn(fake) });
    await screen.findByRole('heading', { name: 'Danh sách hội nghị' });
    await user.type(screen.getByRole('searchbox', { name: 'Tìm hội nghị' }), 'xyz qwerty');
    expect(await screen.findByText('Không tìm thấy “xyz qwerty” trong nội dung các hội nghị.')).toBeInTheDocument();
  });
});

describe('attendee order by name', () => {
  it('sorts by full name or by given name in Vietnamese order, keeping the stored order', async () => {
    const names = ['Nguyễn Văn Thông', 'Đỗ Văn Anh', 'Trần Thị Ánh', 'Bùi Thị Dung', 'Lê Đức Anh'];
    const { user, fake, id } = openSection('sites', (f, meetingId) => {
      const site = f.store.sites.add(meetingId, { name: 'Trung ương', level: 'central' });
      for (const fullName of names) f.store.attendees.add(meetingId, { siteId: site.id, fullName });
    });
    const shown = () => screen.getAllByLabelText(/^Họ và tên, dòng/).map((input) => (input as HTMLInputElement).value);
    await waitFor(() => expect(shown()).toEqual(names));
    await user.selectOptions(screen.getByLabelText('Sắp xếp'), 'Theo tên (A–Z)');
    expect(shown()).toEqual(['Đỗ Văn Anh', 'Lê Đức Anh', 'Trần Thị Ánh', 'Bùi Thị Dung', 'Nguyễn Văn Thông']);
    await user.selectOptions(screen.getByLabelText('Sắp xếp'), 'Theo họ và tên (A–Z)');
    expect(shown()).toEqual(['Bùi Thị Dung', 'Đỗ Văn Anh', 'Lê Đức Anh', 'Nguyễn Văn Thông', 'Trần Thị Ánh']);
    expect(fake.store.attendees.list(id()).map((a) => a.fullName)).toEqual(names);
    // Kept for the minutes only when asked.
    await user.selectOptions(screen.getByLabelText('Sắp xếp'), 'Theo tên (A–Z)');
    await user.click(screen.getByRole('button', { name: 'Lưu thứ tự này cho biên bản' }));
    const byGivenName = ['Đỗ Văn Anh', 'Lê Đức Anh', 'Trần Thị Ánh', 'Bùi Thị Dung', 'Nguyễn Văn Thông'];
    await waitFor(() => expect(fake.store.attendees.list(id()).map((a) => a.fullName)).toEqual(byGivenName));
    expect(screen.getByLabelText('Sắp xếp')).toHaveDisplayValue('Theo thứ tự nhập');
    expect(shown()).toEqual(byGivenName);
  });
});

describe('legacy encodings and lookalike letters in text fields', () => {
  it('offers to convert pasted TCVN3 text, and keeps it when asked', async () => {
    const { user, fake, id } = openSection('general');
    const title = await screen.findByLabelText('Tên hội nghị (trích yếu)');
    await user.clear(title);
    await user.click(title);
    await user.paste(encodeLegacy('Hội nghị tổng kết công tác', 'tcvn3'));
    const offer = await screen.findByRole('group', { name: 'Bảng mã của đoạn vừa dán' });
    expect(offer).toHaveTextContent('TCVN3 (ABC)');
    expect(offer).toHaveTextContent('Hội nghị tổng kết công tác');
    await user.click(within(offer).getByRole('button', { name: 'Chuyển sang Unicode' }));
    expect(title).toHaveValue('Hội nghị tổng kết công tác');
    await waitFor(() => expect(fake.store.meetings.get(id()).title).toBe('Hội nghị tổng kết công tác'));

    await user.clear(title);
    await user.paste(encodeLegacy('Hoa', 'vni') + ' ' + encodeLegacy('Đảng ủy tỉnh', 'vni'));
    const again = await screen.findByRole('group', { name: 'Bảng mã của đoạn vừa dán' });
    await user.click(within(again).getByRole('button', { name: 'Giữ nguyên' }));
    expect(title).toHaveValue(`Hoa ${encodeLegacy('Đảng ủy tỉnh', 'vni')}`);
  });

  it('offers the conversion in the speech field too, for a paragraph pasted from an old Word file', async () => {
    const { user, fake, id } = openSection('proceedings');
    const field = await screen.findByLabelText('Nội dung phát biểu');
    await user.click(field);
    await user.keyboard('Ý kiến: ');
    await user.paste(encodeLegacy('Đề nghị tăng cường kiểm tra, giám sát việc thực hiện nghị quyết.', 'tcvn3'));
    const offer = await screen.findByRole('group', { name: 'Bảng mã của đoạn vừa dán' });
    await user.click(within(offer).getByRole('button', { name: 'Chuyển sang Unicode' }));
    expect(field).toHaveValue('Ý kiến: Đề nghị tăng cường kiểm tra, giám sát việc thực hiện nghị quyết.');
    await waitFor(() =>
      expect(fake.store.speeches.list(id()).map((s) => s.content)).toEqual(['Ý kiến: Đề nghị tăng cường kiểm tra, giám sát việc thực hiện nghị quyết.']),
    );
  });

  it('does not offer anything for Unicode text', async () => {
    const { user } = openSection('general');
    const title = await screen.findByLabelText('Tên hội nghị (trích yếu)');
    await user.clear(title);
    await user.paste('Hội nghị cá về nhà');
    expect(screen.queryByRole('group', { name: 'Bảng mã của đoạn vừa dán' })).not.toBeInTheDocument();
  });

  it('offers to fix Ð (U+00D0) into Đ, never silently', async () => {
    const { user, fake, id } = openSection('general');
    const title = await screen.findByLabelText('Tên hội nghị (trích yếu)');
    await user.clear(title);
    await user.type(title, '\u00D0ại hội');
    const offer = await screen.findByRole('group', { name: 'Chữ trông giống chữ tiếng Việt' });
    await waitFor(() => expect(fake.store.meetings.get(id()).title).toBe('\u00D0ại hội'));
    await user.click(within(offer).getByRole('button', { name: 'Sửa thành “Đ”' }));
    expect(title).toHaveValue('Đại hội');
    await waitFor(() => expect(fake.store.meetings.get(id()).title).toBe('Đại hội'));
  });
});

describe('attendee list from a file', () => {
  it('shows the first rows before adding; a UTF-16 list with a heading line; a VNI list is offered converted', async () => {
    const { user, fake, id } = openSection('sites', (f, meetingId) => void f.store.sites.add(meetingId, { name: 'Trung ương', level: 'central' }));
    const plain = join(fake.dir, 'a.csv');
    // As Excel's "Unicode text" saves: UTF-16 LE with a BOM; the list's heading on the first line.
    const text = 'DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ\nHọ và tên,Chức vụ,Đơn vị\nNguyễn Văn Thông,Chuyên viên,Vụ Tổng hợp\nĐặng Thị Ánh,Vụ trưởng,Vụ Tổ chức\n';
    writeFileSync(plain, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    fake.dialog.open = plain;
    await user.click(await screen.findByRole('button', { name: 'Nhập danh sách từ tệp (CSV, Excel)' }));
    const preview = await screen.findByRole('group', { name: 'Xem trước danh sách từ tệp a.csv' });
    expect(preview).toHaveTextContent(
      'Tệp a.csv có 2 người (bảng mã UTF-16). Dòng tiêu đề “DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ” không được tính là đại biểu. Các dòng:',
    );
    expect(preview).toHaveTextContent('Dòng tiêu đề “DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ” không được tính là đại biểu.');
    expect(
      within(preview)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['#Họ và tênChức vụĐơn vị', '1Nguyễn Văn ThôngChuyên viênVụ Tổng hợp', '2Đặng Thị ÁnhVụ trưởngVụ Tổ chức']);
    // Nothing is stored before the secretary says so.
    expect(fake.store.attendees.list(id())).toEqual([]);
    await user.click(within(preview).getByRole('button', { name: 'Thêm 2 đại biểu' }));
    await waitFor(() => expect(fake.store.attendees.list(id()).map((a) => a.fullName)).toEqual(['Nguyễn Văn Thông', 'Đặng Thị Ánh']));

    const legacy = join(fake.dir, 'b.csv');
    writeFileSync(legacy, Buffer.from(`${encodeLegacy('Trần Thị Hòa,Phó Vụ trưởng,Vụ Tổ chức', 'vni')}\n`, 'latin1'));
    fake.dialog.open = legacy;
    await user.click(screen.getByRole('button', { name: 'Nhập danh sách từ tệp (CSV, Excel)' }));
    const offer = await screen.findByRole('group', { name: 'Xem trước danh sách từ tệp b.csv' });
    expect(offer).toHaveTextContent('VNI-Windows');
    expect(within(offer).getAllByRole('row')[1]).toHaveTextContent('Trần Thị Hòa');
    await user.click(within(offer).getByRole('button', { name: 'Chuyển sang Unicode' }));
    await waitFor(() =>
      expect(fake.store.attendees.list(id()).map((a) => [a.fullName, a.positions])).toEqual([
        ['Nguyễn Văn Thông', 'Chuyên viên'],
        ['Đặng Thị Ánh', 'Vụ trưởng'],
        ['Trần Thị Hòa', 'Phó Vụ trưởng'],
      ]),
    );

    // Cancelled: nothing added.
    fake.dialog.open = plain;
    await user.click(screen.getByRole('button', { name: 'Nhập danh sách từ tệp (CSV, Excel)' }));
    await user.click(within(await screen.findByRole('group', { name: 'Xem trước danh sách từ tệp a.csv' })).getByRole('button', { name: 'Hủy' }));
    expect(fake.store.attendees.list(id())).toHaveLength(3);
  });
});
