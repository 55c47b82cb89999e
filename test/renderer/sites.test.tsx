// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeApi } from './fake-api.ts';
import { openMeetingAt } from './setup.tsx';

const openSites = (prepare?: (fake: FakeApi, id: number) => void) => openMeetingAt('sites', prepare);

const entry = () => screen.getByRole('group', { name: 'Đại biểu mới' });

describe('Điểm cầu và thành phần', () => {
  it('adds sites with Enter; the first becomes the main site', async () => {
    const { user, fake, id } = openSites();
    const add = await screen.findByLabelText('Thêm điểm cầu');
    await user.type(add, 'Trụ sở Ban Tổ chức Trung ương{Enter}');
    await user.type(add, 'Tỉnh Nghệ An{Enter}');
    await waitFor(() =>
      expect(fake.store.sites.list(id()).map((s) => [s.name, s.isMain])).toEqual([
        ['Trụ sở Ban Tổ chức Trung ương', true],
        ['Tỉnh Nghệ An', false],
      ]),
    );
    const list = screen.getByRole('list', { name: 'Điểm cầu' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Trụ sở Ban Tổ chức Trung ươngchính0/0', 'Tỉnh Nghệ An0/0']);
    expect(add).toHaveFocus();

    // The last added is shown; make it the main site.
    expect(screen.getByRole('heading', { name: 'Điểm cầu: Tỉnh Nghệ An' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Đặt làm điểm cầu chính' }));
    await waitFor(() => expect(fake.store.sites.list(id()).map((s) => s.isMain)).toEqual([false, true]));
    expect(screen.getByRole('heading', { name: 'Điểm cầu: Tỉnh Nghệ An (điểm cầu chính)' })).toBeInTheDocument();
    expect(within(list).getAllByRole('button')[0]).toHaveTextContent('Tỉnh Nghệ An');
  });

  it('enters attendees from the keyboard: Enter adds the row and is ready for the next name', async () => {
    const { user, fake, id } = openSites((fake, id) => void fake.store.sites.add(id, { name: 'Tỉnh Nghệ An' }));
    const name = await within(await screen.findByRole('group', { name: 'Đại biểu mới' })).findByRole('combobox', { name: 'Họ và tên đại biểu mới' });
    await user.click(name);
    await user.keyboard('Nguyễn Văn Thông');
    await user.tab();
    await user.keyboard('Phó Bí thư Thường trực Tỉnh ủy{Enter}');
    await waitFor(() => expect(fake.store.attendees.list(id())).toHaveLength(1));
    expect(name).toHaveFocus();
    expect(name).toHaveValue('');
    await user.keyboard('Trần Thị Mai{Enter}');
    await waitFor(() =>
      expect(fake.store.attendees.list(id()).map((a) => [a.fullName, a.positions])).toEqual([
        ['Nguyễn Văn Thông', 'Phó Bí thư Thường trực Tỉnh ủy'],
        ['Trần Thị Mai', ''],
      ]),
    );
    expect(screen.getByLabelText('Họ và tên, dòng 2')).toHaveValue('Trần Thị Mai');
    // Live counts, per site and in total.
    expect(screen.getByText('Có mặt 2/2 đại biểu')).toBeInTheDocument();
    expect(screen.getByText(/^Tổng cộng:/)).toHaveTextContent('Tổng cộng: 1 điểm cầu; 2 đại biểu dự (có tên: 2/2 có mặt; theo số lượng: 0).');
    // Committed rows go to the people directory.
    await waitFor(() =>
      expect(
        fake.store.people
          .list()
          .map((p) => p.fullName)
          .sort(),
      ).toEqual(['Nguyễn Văn Thông', 'Trần Thị Mai']),
    );
    await waitFor(() => expect(fake.store.attendees.list(id()).every((a) => a.personId !== null)).toBe(true));

    // Enter in a row goes back to the entry line.
    await user.click(screen.getByLabelText('Chức vụ, dòng 2'));
    await user.keyboard('Chuyên viên{Enter}');
    expect(name).toHaveFocus();
    await waitFor(() => expect(fake.store.attendees.list(id())[1]?.positions).toBe('Chuyên viên'));
  });

  it('turns a block pasted from Excel into rows', async () => {
    const { user, fake, id } = openSites((fake, id) => void fake.store.sites.add(id, { name: 'Tỉnh Nghệ An' }));
    const name = await within(await screen.findByRole('group', { name: 'Đại biểu mới' })).findByRole('combobox', { name: 'Họ và tên đại biểu mới' });
    await user.click(name);
    await user.paste(
      '1\tNguyễn Văn Thông\tPhó Bí thư Thường trực Tỉnh ủy\tTỉnh ủy Nghệ An\r\n2\tLê Tiến Thắng\tTrưởng ban Tổ chức Tỉnh ủy\tBan Tổ chức Tỉnh ủy\r\n\r\n3\tTrần Thị Mai\tChuyên viên\t\r\n',
    );
    await waitFor(() =>
      expect(fake.store.attendees.list(id()).map((a) => [a.fullName, a.positions, a.unit])).toEqual([
        ['Nguyễn Văn Thông', 'Phó Bí thư Thường trực Tỉnh ủy', 'Tỉnh ủy Nghệ An'],
        ['Lê Tiến Thắng', 'Trưởng ban Tổ chức Tỉnh ủy', 'Ban Tổ chức Tỉnh ủy'],
        ['Trần Thị Mai', 'Chuyên viên', ''],
      ]),
    );
    expect(name).toHaveValue('');
    expect(await screen.findByText('Đã thêm 3 đại biểu.')).toBeInTheDocument();
    expect(screen.getByLabelText('Họ và tên, dòng 3')).toHaveValue('Trần Thị Mai');
  });

  it('completes names from the people directory', async () => {
    const { user, fake, id } = openSites((fake, id) => {
      fake.store.sites.add(id, { name: 'Tỉnh Nghệ An' });
      fake.store.people.remember({ fullName: 'Nguyễn Văn Thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy', unit: 'Tỉnh ủy Nghệ An' });
    });
    const name = await within(await screen.findByRole('group', { name: 'Đại biểu mới' })).findByRole('combobox', { name: 'Họ và tên đại biểu mới' });
    await user.type(name, 'Nguyễn V');
    const option = await screen.findByRole('option', { name: /Nguyễn Văn Thông/ });
    // Suggestions never write into the field by themselves.
    expect(name).toHaveValue('Nguyễn V');
    expect(option).toHaveAttribute('aria-selected', 'false');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(name).toHaveValue('Nguyễn Văn Thông');
    expect(within(entry()).getByLabelText('Chức vụ')).toHaveValue('Phó Bí thư Thường trực Tỉnh ủy');
    expect(within(entry()).getByLabelText('Đơn vị')).toHaveValue('Tỉnh ủy Nghệ An');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(fake.store.attendees.list(id()).map((a) => [a.fullName, a.unit, a.personId !== null])).toEqual([['Nguyễn Văn Thông', 'Tỉnh ủy Nghệ An', true]]),
    );
    expect(fake.store.people.list()).toHaveLength(1);
  });

  it('records presence, and marks everyone present in one go', async () => {
    const { user, fake, id } = openSites((fake, id) => {
      const site = fake.store.sites.add(id, { name: 'Tỉnh Nghệ An' });
      fake.store.attendees.add(id, { siteId: site.id, fullName: 'Nguyễn Văn Thông' });
      fake.store.attendees.add(id, { siteId: site.id, fullName: 'Trần Thị Mai' });
    });
    await user.selectOptions(await screen.findByLabelText('Tình trạng, dòng 2'), 'Vắng có lý do');
    const reason = await screen.findByLabelText('Lý do vắng, dòng 2');
    await user.type(reason, 'đi công tác');
    await user.tab();
    await waitFor(() => expect(fake.store.attendees.list(id())[1]).toMatchObject({ presence: 'absent_excused', absenceReason: 'đi công tác' }));
    expect(screen.getByText('Có mặt 1/2 đại biểu')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Tình trạng, dòng 1'), 'Đến muộn');
    await user.type(await screen.findByLabelText('Giờ đến hoặc về, dòng 1'), '08:15');
    await user.selectOptions(screen.getByLabelText('Vai trò, dòng 1'), 'Chủ trì điểm cầu');
    await waitFor(() => expect(fake.store.attendees.list(id())[0]).toMatchObject({ presence: 'late', presenceTime: '08:15', role: 'site_chair' }));
    expect(screen.getByText('Có mặt 1/2 đại biểu')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Đánh dấu tất cả có mặt' }));
    await waitFor(() =>
      expect(fake.store.attendees.list(id()).map((a) => [a.presence, a.presenceTime, a.absenceReason])).toEqual([
        ['present', null, ''],
        ['present', null, ''],
      ]),
    );
    expect(screen.getByLabelText('Tình trạng, dòng 2')).toHaveDisplayValue('Có mặt');
    expect(screen.getByText('Có mặt 2/2 đại biểu')).toBeInTheDocument();
  });

  it('keeps only a head count for a count-only site, and counts it in the total', async () => {
    const { user, fake, id } = openSites((fake, id) => {
      const main = fake.store.sites.add(id, { name: 'Trung ương' });
      fake.store.attendees.add(id, { siteId: main.id, fullName: 'Nguyễn Văn Thông' });
      fake.store.sites.add(id, { name: '21 điểm cầu cấp xã' });
    });
    await user.click(await screen.findByRole('button', { name: /21 điểm cầu cấp xã/ }));
    await user.click(screen.getByLabelText('Chỉ ghi số lượng đại biểu (không có danh sách)'));
    const count = await screen.findByLabelText('Số đại biểu tại điểm cầu');
    await user.clear(count);
    await user.type(count, '412');
    await user.tab();
    await waitFor(() => expect(fake.store.sites.list(id())[1]?.attendeeCount).toBe(412));
    expect(screen.queryByRole('group', { name: 'Đại biểu mới' })).not.toBeInTheDocument();
    expect(screen.getByText(/^Tổng cộng:/)).toHaveTextContent('Tổng cộng: 2 điểm cầu; 413 đại biểu dự (có tên: 1/1 có mặt; theo số lượng: 412).');

    // A site with named attendees cannot become count-only: the store says why, beside the box.
    await user.click(screen.getByRole('button', { name: /Trung ương/ }));
    await user.click(screen.getByLabelText('Chỉ ghi số lượng đại biểu (không có danh sách)'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Điểm cầu đã có danh sách đại biểu');
    expect(screen.getByLabelText('Chỉ ghi số lượng đại biểu (không có danh sách)')).not.toBeChecked();
    expect(screen.getByRole('group', { name: 'Đại biểu mới' })).toBeInTheDocument();
    expect(fake.store.sites.list(id())[0]?.attendeeCount).toBeNull();
  });

  it('moves an attendee entered under the wrong site to another one', async () => {
    const { user, fake, id } = openSites((f, meetingId) => {
      const central = f.store.sites.add(meetingId, { name: 'Trụ sở Ban Tổ chức Trung ương' });
      f.store.sites.add(meetingId, { name: 'Tỉnh ủy Nghệ An' });
      f.store.sites.add(meetingId, { name: 'Các xã', attendeeCount: 412 });
      f.store.attendees.add(meetingId, { siteId: central.id, fullName: 'Nguyễn Văn Thông' });
    });
    await user.click(await screen.findByRole('button', { name: 'Chuyển đại biểu Nguyễn Văn Thông sang điểm cầu khác' }));
    const dialog = screen.getByRole('dialog', { name: 'Chuyển sang điểm cầu khác' });
    const target = within(dialog).getByLabelText('Chuyển đồng chí Nguyễn Văn Thông sang');
    // Only sites that list their attendees by name.
    expect(
      within(target)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Tỉnh ủy Nghệ An']);
    await user.click(within(dialog).getByRole('button', { name: 'Chuyển' }));
    const ngheAn = fake.store.sites.list(id()).find((s) => s.name === 'Tỉnh ủy Nghệ An');
    await waitFor(() =>
      expect(fake.store.attendees.list(id())).toEqual([expect.objectContaining({ fullName: 'Nguyễn Văn Thông', siteId: ngheAn?.id, ord: 0 })]),
    );
    expect(await screen.findByText('Đã chuyển đồng chí Nguyễn Văn Thông sang điểm cầu Tỉnh ủy Nghệ An.')).toBeInTheDocument();
  });

  it('removes a site after confirmation', async () => {
    const { user, fake, id } = openSites((fake, id) => {
      fake.store.sites.add(id, { name: 'Trung ương' });
      const other = fake.store.sites.add(id, { name: 'Tỉnh Hà Tĩnh' });
      fake.store.attendees.add(id, { siteId: other.id, fullName: 'Lê Văn Hùng' });
    });
    await user.click(await screen.findByRole('button', { name: /Tỉnh Hà Tĩnh/ }));
    await user.click(screen.getByRole('button', { name: 'Xóa điểm cầu' }));
    const dialog = screen.getByRole('dialog', { name: 'Xóa điểm cầu?' });
    expect(dialog).toHaveTextContent('và 1 đại biểu của điểm cầu');
    await user.click(within(dialog).getByRole('button', { name: 'Xóa điểm cầu' }));
    await waitFor(() => expect(fake.store.sites.list(id()).map((s) => s.name)).toEqual(['Trung ương']));
    expect(fake.store.attendees.list(id())).toHaveLength(0);
  });

  it('stays light with 3,356 sites: only the rows in view are rendered, and search finds any site', async () => {
    const { user } = openSites((fake, id) => {
      fake.store.transaction(() => {
        fake.store.sites.add(id, { name: 'Trụ sở Ban Tổ chức Trung ương' });
        fake.store.sites.add(id, { name: 'Tỉnh Nghệ An', level: 'province' });
        for (let i = 1; i <= 3354; i++) fake.store.sites.add(id, { name: `Xã số ${i}`, level: 'commune', attendeeCount: 12 });
      });
    });
    const list = await screen.findByRole('list', { name: 'Điểm cầu' });
    const rendered = within(list).getAllByRole('button');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(100);
    expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', '3356');
    expect(screen.getByText(/^Tổng cộng:/)).toHaveTextContent('3.356 điểm cầu; 40.248 đại biểu dự');

    await user.type(screen.getByRole('searchbox', { name: 'Tìm điểm cầu' }), 'nghe an');
    const found = within(screen.getByRole('list', { name: 'Điểm cầu' })).getAllByRole('button');
    expect(found.map((b) => b.textContent)).toEqual(['Tỉnh Nghệ An0/0']);
    await user.click(found[0] as HTMLElement);
    expect(screen.getByRole('heading', { name: 'Điểm cầu: Tỉnh Nghệ An' })).toBeInTheDocument();
  });
  it('builds first the rows a window shows, and the rest of a long site right after', async () => {
    openSites((fake, id) => {
      const site = fake.store.sites.add(id, { name: 'Trụ sở Ban Tổ chức Trung ương' });
      for (let i = 1; i <= 16; i++) fake.store.attendees.add(id, { siteId: site.id, fullName: `Đại biểu số ${i}` });
    });
    // The window of jsdom (768 px high) shows 12 rows first. Rows are found by their attributes: role and label
    // queries over a grid this size take seconds in jsdom.
    const rows = () => [...document.querySelectorAll('[role="grid"] [role="row"]')].map((row) => row.getAttribute('aria-label'));
    await waitFor(() => expect(rows()).toHaveLength(17));
    expect(rows().at(-1)).toBe('Đại biểu số 16: Có mặt');
  });
});

describe('Điểm cầu và thành phần: removing and half-typed rows', () => {
  it('removes a named attendee after a confirmation, and Hoàn tác brings them back in place', async () => {
    const { user, fake, id } = openSites((f, meetingId) => {
      const site = f.store.sites.add(meetingId, { name: 'Tỉnh Nghệ An' });
      f.store.attendees.add(meetingId, { siteId: site.id, fullName: 'Nguyễn Văn Thông' });
      f.store.attendees.add(meetingId, { siteId: site.id, fullName: 'Trần Thị Mai', positions: 'Chuyên viên' });
    });
    await user.click(await screen.findByRole('button', { name: 'Xóa đại biểu Trần Thị Mai' }));
    const dialog = screen.getByRole('dialog', { name: 'Xóa đại biểu?' });
    await user.click(within(dialog).getByRole('button', { name: 'Xóa đại biểu' }));
    await waitFor(() => expect(fake.store.attendees.list(id()).map((a) => a.fullName)).toEqual(['Nguyễn Văn Thông']));
    await user.click(await screen.findByRole('button', { name: 'Hoàn tác' }));
    await waitFor(() =>
      expect(fake.store.attendees.list(id()).map((a) => [a.fullName, a.positions])).toEqual([
        ['Nguyễn Văn Thông', ''],
        ['Trần Thị Mai', 'Chuyên viên'],
      ]),
    );
    expect(await screen.findByText('Đã khôi phục đồng chí Trần Thị Mai.')).toBeInTheDocument();
  });

  it('keeps a half-typed attendee when the section changes (Alt+3), and lists it on return', async () => {
    const { user, fake, id } = openSites((f, meetingId) => void f.store.sites.add(meetingId, { name: 'Tỉnh Nghệ An' }));
    await user.click(await screen.findByRole('combobox', { name: 'Họ và tên đại biểu mới' }));
    await user.keyboard('Lê Đức Cường{Tab}Trưởng ban');
    await user.keyboard('{Alt>}3{/Alt}');
    await screen.findByRole('heading', { level: 2, name: 'Chương trình' });
    await waitFor(() => expect(fake.store.attendees.list(id()).map((a) => [a.fullName, a.positions])).toEqual([['Lê Đức Cường', 'Trưởng ban']]));
    await user.keyboard('{Alt>}2{/Alt}');
    expect(await screen.findByLabelText('Họ và tên, dòng 1')).toHaveValue('Lê Đức Cường');
    expect(screen.getByRole('combobox', { name: 'Họ và tên đại biểu mới' })).toHaveValue('');
  });
});
