// @vitest-environment jsdom
import { existsSync } from 'node:fs';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meetingIn, renderApp } from './setup.tsx';

describe('Meetings screen', () => {
  it('lists the meetings and finds one by typing without accents', async () => {
    const { user } = renderApp({
      prepare: (fake) => {
        meetingIn(fake, { title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', date: '2026-10-02' });
        meetingIn(fake, { title: 'Giao ban công tác tổ chức', date: '2026-11-05' });
      },
    });
    expect(await screen.findByRole('heading', { name: 'Danh sách hội nghị' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Giao ban công tác tổ chức' })).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Tìm hội nghị' }), 'dang bo');
    // The list filtered (the results found in the content come under it, as they arrive).
    const list = screen.getByRole('list', { name: 'Các hội nghị, mới nhất trước' });
    expect(within(list).getByRole('button', { name: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh' })).toBeInTheDocument();
    expect(within(list).queryByRole('button', { name: 'Giao ban công tác tổ chức' })).not.toBeInTheDocument();
  });

  it('2,000 meetings: renders the rows in view only, newest first, and searching reaches any of them', async () => {
    const { user, fake } = renderApp({
      prepare: (fake) =>
        fake.store.transaction(() => {
          for (let i = 1; i <= 2000; i++) {
            meetingIn(fake, { title: `Giao ban tháng ${i}`, date: `${2000 + Math.floor(i / 12)}-${String(1 + (i % 12)).padStart(2, '0')}-01` });
          }
          meetingIn(fake, { title: 'Hội nghị tổng kết công tác Đảng ở Điện Biên', date: '1999-01-05', kind: 'Hội nghị' });
        }),
    });
    const list = () => screen.getByRole('list', { name: 'Các hội nghị, mới nhất trước' });
    await screen.findByRole('list', { name: 'Các hội nghị, mới nhất trước' });
    const titles = () =>
      within(list())
        .getAllByRole('button')
        .filter((b) => b.className === 'link')
        .map((b) => b.textContent);
    expect(titles().length).toBeGreaterThan(5);
    expect(titles().length).toBeLessThan(60);
    // Newest first, as the store orders them.
    const newest = fake.store.meetings
      .list()
      .slice(0, 3)
      .map((m) => m.title);
    expect(titles().slice(0, 3)).toEqual(newest);
    expect(within(list()).getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', '2001');

    // The oldest meeting, last of 2,001, found by typing without accents.
    await user.type(screen.getByRole('searchbox', { name: 'Tìm hội nghị' }), 'dien bien');
    await waitFor(() => expect(titles()).toEqual(['Hội nghị tổng kết công tác Đảng ở Điện Biên']));
    const found = within(list()).getByRole('button', { name: 'Hội nghị tổng kết công tác Đảng ở Điện Biên' });
    await user.click(found);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hội nghị tổng kết công tác Đảng ở Điện Biên' })).toBeInTheDocument();
  });

  it('creates a blank meeting and opens it', async () => {
    const { user, fake } = renderApp();
    await screen.findByText(/Chưa có hội nghị nào/);
    await user.click(screen.getByRole('button', { name: /Hội nghị mới/ }));
    const dialog = screen.getByRole('dialog', { name: 'Hội nghị mới' });
    await user.type(within(dialog).getByLabelText('Tên hội nghị'), 'Hội nghị sơ kết 6 tháng');
    await user.click(within(dialog).getByRole('button', { name: 'Tạo hội nghị' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Hội nghị sơ kết 6 tháng' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Thông tin chung' })).toBeInTheDocument();
    expect(fake.store.meetings.list().map((m) => m.title)).toEqual(['Hội nghị sơ kết 6 tháng']);
  });

  it('creates a meeting copying the sites and attendees of an earlier one', async () => {
    const { user, fake } = renderApp({
      prepare: (fake) => {
        const id = meetingIn(fake, { title: 'Hội nghị tháng 10' });
        const site = fake.store.sites.add(id, { name: 'Trụ sở Tỉnh ủy' });
        fake.store.attendees.add(id, { siteId: site.id, fullName: 'Nguyễn Văn Thông', presence: 'absent_excused', absenceReason: 'đi công tác' });
      },
    });
    await screen.findByRole('button', { name: 'Hội nghị tháng 10' });
    await user.keyboard('{Control>}n{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Hội nghị mới' });
    await user.type(within(dialog).getByLabelText('Tên hội nghị'), 'Hội nghị tháng 11');
    await user.click(within(dialog).getByLabelText('Sao chép điểm cầu và thành phần từ hội nghị trước'));
    expect(within(dialog).getByLabelText('Hội nghị trước')).toHaveDisplayValue('Hội nghị tháng 10 — 1 điểm cầu, 1 đại biểu');
    await user.click(within(dialog).getByRole('button', { name: 'Tạo hội nghị' }));

    await screen.findByRole('heading', { level: 1, name: 'Hội nghị tháng 11' });
    const created = fake.store.meetings.list().find((m) => m.title === 'Hội nghị tháng 11');
    expect(created?.siteCount).toBe(1);
    const copied = fake.store.attendees.list(created?.id ?? 0);
    expect(copied.map((a) => [a.fullName, a.presence])).toEqual([['Nguyễn Văn Thông', 'present']]);
  });

  it('deletes a meeting after confirmation, and brings it back with Hoàn tác', async () => {
    const { user, fake } = renderApp({ prepare: (fake) => void meetingIn(fake, { title: 'Cuộc họp chi bộ' }) });
    await user.click(await screen.findByRole('button', { name: 'Xóa hội nghị Cuộc họp chi bộ' }));

    // Cancelling keeps it.
    let dialog = screen.getByRole('dialog', { name: 'Xóa hội nghị?' });
    await user.click(within(dialog).getByRole('button', { name: 'Hủy' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(fake.store.meetings.list()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Xóa hội nghị Cuộc họp chi bộ' }));
    dialog = screen.getByRole('dialog', { name: 'Xóa hội nghị?' });
    await user.click(within(dialog).getByRole('button', { name: 'Xóa hội nghị' }));
    await screen.findByText(/Chưa có hội nghị nào/);
    expect(fake.store.meetings.list()).toHaveLength(0);
    expect(screen.getByText('Đã xóa hội nghị “Cuộc họp chi bộ”.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    expect(await screen.findByRole('button', { name: 'Cuộc họp chi bộ' })).toBeInTheDocument();
    expect(fake.store.meetings.list().map((m) => m.title)).toEqual(['Cuộc họp chi bộ']);
  });

  it('exports a meeting file and imports it back (Ctrl+O), opening the imported meeting', async () => {
    const { user, fake } = renderApp({ prepare: (fake) => void meetingIn(fake, { title: 'Hội nghị trực tuyến toàn quốc' }) });
    await user.click(await screen.findByRole('button', { name: 'Xuất tệp hội nghị Hội nghị trực tuyến toàn quốc' }));
    const toast = await screen.findByText(/^Đã xuất tệp hội nghị: /);
    const path = toast.textContent?.replace('Đã xuất tệp hội nghị: ', '') ?? '';
    expect(existsSync(path)).toBe(true);

    fake.dialog.open = path;
    await user.keyboard('{Control>}o{/Control}');
    await screen.findByRole('heading', { level: 2, name: 'Thông tin chung' });
    expect(fake.store.meetings.list()).toHaveLength(2);
  });

  it("shows the store's message when an import fails, and stays on the list", async () => {
    const { user, fake } = renderApp();
    await screen.findByText(/Chưa có hội nghị nào/);
    fake.dialog.open = `${fake.dir}/khong-co.json`;
    await user.click(screen.getByRole('button', { name: /Nhập tệp hội nghị/ }));
    const toasts = screen.getByRole('status', { name: 'Thông báo' });
    await waitFor(() => expect(toasts).toHaveTextContent(/khong-co\.json|Không đọc được/));
    expect(screen.getByRole('heading', { name: 'Danh sách hội nghị' })).toBeInTheDocument();
  });

  it('follows the menu commands and their shortcuts', async () => {
    const { user, fake } = renderApp();
    await screen.findByText(/Chưa có hội nghị nào/);
    fake.command('show-settings');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cài đặt' })).toBeInTheDocument();
    await user.keyboard('{Control>}l{/Control}');
    expect(await screen.findByRole('heading', { name: 'Danh sách hội nghị' })).toBeInTheDocument();
    await user.keyboard('{Control>},{/Control}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cài đặt' })).toBeInTheDocument();
    fake.command('new-meeting');
    expect(await screen.findByRole('dialog', { name: 'Hội nghị mới' })).toBeInTheDocument();
  });

  it('keeps a deleted meeting in “Hội nghị đã xóa” and restores it from there, whole', async () => {
    const { user, fake } = renderApp({
      prepare: (f) => {
        const id = meetingIn(f, { title: 'Hội nghị tổng kết năm', date: '2026-12-20' });
        const site = f.store.sites.add(id, { name: 'Điểm cầu Trung ương', level: 'central' });
        f.store.attendees.add(id, { siteId: site.id, fullName: 'Nguyễn Văn Thông' });
        f.store.speeches.add(id, { speakerName: 'Nguyễn Văn Thông', content: 'Ý kiến về kế hoạch năm tới.' });
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Xóa hội nghị Hội nghị tổng kết năm' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^Xóa/ }));
    await waitFor(() => expect(fake.store.meetings.list()).toEqual([]));
    // The undo toast is gone (a restart, say): the trash still has it.
    expect(fake.store.trash.list()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Hội nghị đã xóa…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hội nghị đã xóa' });
    expect(dialog).toHaveTextContent('Hội nghị tổng kết năm, 20/12/2026');
    await user.click(within(dialog).getByRole('button', { name: 'Khôi phục hội nghị Hội nghị tổng kết năm' }));
    expect(await screen.findByRole('button', { name: 'Hội nghị tổng kết năm' })).toBeInTheDocument();
    const [restored] = fake.store.meetings.list();
    expect(restored).toMatchObject({ title: 'Hội nghị tổng kết năm', date: '2026-12-20', siteCount: 1, attendeeCount: 1, speechCount: 1 });
    expect(fake.store.speeches.list(restored?.id ?? 0)[0]?.content).toBe('Ý kiến về kế hoạch năm tới.');
    expect(fake.store.trash.list()).toEqual([]);
    expect(within(dialog).getByText(/Không có hội nghị nào đã xóa/)).toBeInTheDocument();
  });
});
