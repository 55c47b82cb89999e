// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeApi } from './fake-api.ts';
import { openMeetingAt } from './setup.tsx';

const open = (section: 'agenda' | 'conclusions', prepare?: (fake: FakeApi, id: number) => void) => openMeetingAt(section, prepare);

describe('Chương trình', () => {
  it('adds items with Enter and from a pasted block, edits and reorders them', async () => {
    const { user, fake, id } = open('agenda');
    const add = await screen.findByLabelText('Thêm mục chương trình');
    await user.type(add, 'Báo cáo kết quả quý III{Enter}');
    await user.paste('Thảo luận\tCác đại biểu\nKết luận của đồng chí chủ trì\n');
    await waitFor(() =>
      expect(fake.store.agenda.list(id()).map((a) => [a.title, a.presenter])).toEqual([
        ['Báo cáo kết quả quý III', ''],
        ['Thảo luận', 'Các đại biểu'],
        ['Kết luận của đồng chí chủ trì', ''],
      ]),
    );

    await user.type(screen.getByLabelText('Người trình bày mục 1'), 'Ban Tổ chức');
    await user.tab();
    await waitFor(() => expect(fake.store.agenda.list(id())[0]?.presenter).toBe('Ban Tổ chức'));

    // Alt+↑ from the title of item 3 moves it up.
    await user.click(screen.getByLabelText('Nội dung mục 3'));
    await user.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await waitFor(() =>
      expect(fake.store.agenda.list(id()).map((a) => a.title)).toEqual(['Báo cáo kết quả quý III', 'Kết luận của đồng chí chủ trì', 'Thảo luận']),
    );
    expect(screen.getByLabelText('Nội dung mục 2')).toHaveValue('Kết luận của đồng chí chủ trì');

    await user.click(screen.getByRole('button', { name: 'Chuyển mục 1 xuống' }));
    await waitFor(() => expect(fake.store.agenda.list(id()).map((a) => a.title)[1]).toBe('Báo cáo kết quả quý III'));
    await user.click(screen.getByRole('button', { name: 'Xóa mục 3' }));
    await waitFor(() => expect(fake.store.agenda.list(id())).toHaveLength(2));
  });

  it('asks before removing an item that has a conclusion, and removes that conclusion with it', async () => {
    const { user, fake, id } = open('agenda', (fake, id) => {
      const item = fake.store.agenda.add(id, { title: 'Công tác cán bộ' });
      fake.store.conclusions.add(id, { agendaItemId: item.id, content: 'Thống nhất.' });
      fake.store.conclusions.add(id, { agendaItemId: null, content: 'Kết luận chung.' });
    });
    await user.click(await screen.findByRole('button', { name: 'Xóa mục 1' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Xóa mục chương trình?' })).getByRole('button', { name: 'Xóa mục' }));
    await waitFor(() => expect(fake.store.agenda.list(id())).toHaveLength(0));
    expect(fake.store.conclusions.list(id()).map((c) => c.content)).toEqual(['Kết luận chung.']);
    // Hoàn tác brings the item back with its conclusion.
    await user.click(await screen.findByRole('button', { name: 'Hoàn tác' }));
    await waitFor(() => expect(fake.store.agenda.list(id())).toHaveLength(1));
    const [item] = fake.store.agenda.list(id());
    expect(fake.store.conclusions.list(id()).map((c) => [c.agendaItemId, c.content])).toEqual([
      [item?.id, 'Thống nhất.'],
      [null, 'Kết luận chung.'],
    ]);
    expect(await screen.findByLabelText('Nội dung mục 1')).toBeInTheDocument();
  });
});

describe('Kết luận', () => {
  it('records the conclusion of each agenda item and the overall one, with votes and tasks', async () => {
    const { user, fake, id } = open('conclusions', (fake, id) => {
      fake.store.agenda.add(id, { title: 'Nhân sự' });
    });
    expect(await screen.findByRole('heading', { name: 'Mục 1: Nhân sự' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Kết luận mục 1'), 'Thống nhất giới thiệu nhân sự.');
    await user.tab();
    const votes = screen.getByRole('group', { name: /kết luận mục 1/ });
    await user.type(within(votes).getByLabelText('Tán thành'), '45');
    await user.type(within(votes).getByLabelText('Không tán thành'), '2');
    await user.tab();
    await user.type(screen.getByLabelText('Kết luận chung'), 'Hội nghị thống nhất cao.');
    await user.tab();

    await waitFor(() => {
      const [item] = fake.store.agenda.list(id());
      const list = fake.store.conclusions.list(id());
      expect(list).toHaveLength(2);
      expect(list.find((c) => c.agendaItemId === item?.id)).toMatchObject({
        content: 'Thống nhất giới thiệu nhân sự.',
        voteFor: 45,
        voteAgainst: 2,
        voteOther: null,
      });
      expect(list.find((c) => c.agendaItemId === null)).toMatchObject({ content: 'Hội nghị thống nhất cao.' });
    });

    const task = screen.getByLabelText('Thêm nhiệm vụ');
    await user.type(task, 'Hoàn thiện hồ sơ nhân sự{Enter}');
    await user.type(await screen.findByLabelText('Người hoặc đơn vị thực hiện nhiệm vụ 1'), 'Ban Tổ chức Tỉnh ủy');
    await user.type(screen.getByLabelText('Thời hạn nhiệm vụ 1'), '15/12/2026');
    await user.tab();
    await waitFor(() =>
      expect(fake.store.actionItems.list(id())).toMatchObject([
        { task: 'Hoàn thiện hồ sơ nhân sự', responsible: 'Ban Tổ chức Tỉnh ủy', dueDate: '2026-12-15' },
      ]),
    );
  });
});
