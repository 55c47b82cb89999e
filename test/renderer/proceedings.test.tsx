// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FakeApi } from './fake-api.ts';
import { meetingIn, renderApp } from './setup.tsx';

interface People {
  thong: number;
  mai: number;
  thang: number;
}

function openProceedings(prepare?: (fake: FakeApi, id: number, people: People) => void, section: 'proceedings' | 'general' = 'proceedings') {
  let id = 0;
  const people: People = { thong: 0, mai: 0, thang: 0 };
  const rendered = renderApp({
    prepare: (fake) => {
      id = meetingIn(fake);
      const site = fake.store.sites.add(id, { name: 'Trụ sở Tỉnh ủy' });
      people.thong = fake.store.attendees.add(id, { siteId: site.id, fullName: 'Nguyễn Văn Thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy' }).id;
      people.mai = fake.store.attendees.add(id, { siteId: site.id, fullName: 'Trần Thị Mai', positions: 'Chuyên viên' }).id;
      people.thang = fake.store.attendees.add(id, { siteId: site.id, fullName: 'Lê Tiến Thắng', positions: 'Trưởng ban Tổ chức Tỉnh ủy' }).id;
      prepare?.(fake, id, people);
    },
    route: () => ({ screen: 'meeting', id, section }),
  });
  return { ...rendered, people, speeches: () => rendered.fake.store.speeches.list(id) };
}

const speaker = () => screen.getByRole('combobox', { name: 'Người phát biểu' });
const content = () => screen.getByLabelText('Nội dung phát biểu');

describe('Diễn biến', () => {
  it('takes notes from the keyboard alone: speaker by initials, automatic start time, Ctrl+Enter for the next', async () => {
    const { user, people, speeches } = openProceedings();
    // The first meeting opened in this file loads every module of the editor: on a loaded machine that takes longer than waitFor's second.
    await waitFor(() => expect(speaker()).toHaveFocus(), { timeout: 10_000 });
    await user.keyboard('nvt');
    expect(screen.getByRole('option', { name: /Nguyễn Văn Thông/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(speaker()).toHaveValue('Nguyễn Văn Thông');
    expect(content()).toHaveFocus();
    const start = screen.getByLabelText('Giờ bắt đầu');
    expect((start as HTMLInputElement).value).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);

    await user.keyboard('Báo cáo kết quả công tác xây dựng Đảng quý III.');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(speeches()).toHaveLength(1));
    await waitFor(() =>
      expect(speeches()[0]).toMatchObject({
        attendeeId: people.thong,
        speakerName: '',
        content: 'Báo cáo kết quả công tác xây dựng Đảng quý III.',
        startTime: (start as HTMLInputElement).value,
      }),
    );

    // Ready for the next speech, focus back on the speaker.
    expect(screen.getByRole('heading', { name: 'Phát biểu mới (số 2)' })).toBeInTheDocument();
    await waitFor(() => expect(speaker()).toHaveFocus());
    expect(speaker()).toHaveValue('');
    expect(content()).toHaveValue('');
    const list = screen.getByRole('list', { name: 'Các phát biểu đã ghi' });
    expect(within(list).getByText('Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy')).toBeInTheDocument();

    // Accents and case do not matter: "thang" finds Lê Tiến Thắng.
    await user.keyboard('thang{Enter}Ý kiến về công tác cán bộ.{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(speeches().map((s) => [s.attendeeId, s.content])).toEqual([
        [people.thong, 'Báo cáo kết quả công tác xây dựng Đảng quý III.'],
        [people.thang, 'Ý kiến về công tác cán bộ.'],
      ]),
    );
  });

  it('keeps a speaker who is not on the attendee list as free text', async () => {
    const { user, speeches } = openProceedings();
    await waitFor(() => expect(speaker()).toHaveFocus());
    // Enter after a name not on the list goes to its position, then Enter to the text.
    await user.keyboard('Đại diện Bộ Nội vụ{Enter}');
    await waitFor(() => expect(screen.getByLabelText('Chức vụ người phát biểu')).toHaveFocus());
    await user.keyboard('Vụ trưởng Vụ Tổ chức{Enter}');
    expect(content()).toHaveFocus();
    await user.keyboard('Đề nghị sớm hướng dẫn.{Control>}{Enter}{/Control}');
    await waitFor(() =>
      expect(speeches()[0]).toMatchObject({
        attendeeId: null,
        speakerName: 'Đại diện Bộ Nội vụ',
        speakerPosition: 'Vụ trưởng Vụ Tổ chức',
        content: 'Đề nghị sớm hướng dẫn.',
      }),
    );
  });

  it("ignores Enter while an input method is composing the speaker's name", async () => {
    const { speeches } = openProceedings();
    await waitFor(() => expect(speaker()).toHaveFocus());
    fireEvent.compositionStart(speaker());
    fireEvent.change(speaker(), { target: { value: 'Trần' } });
    fireEvent.keyDown(speaker(), { key: 'Enter', isComposing: true, keyCode: 229 });
    expect(speaker()).toHaveValue('Trần');
    expect(speaker()).toHaveFocus();
    fireEvent.compositionEnd(speaker());
    expect(speeches()).toHaveLength(0);
  });

  it('loses nothing typed when leaving the section in the middle of a speech (Alt+1)', async () => {
    const { user, speeches, people } = openProceedings();
    await waitFor(() => expect(speaker()).toHaveFocus());
    await user.keyboard('tran thi{Enter}Ý kiến chưa xong');
    await user.keyboard('{Alt>}1{/Alt}');
    expect(await screen.findByRole('heading', { level: 2, name: 'Thông tin chung' })).toHaveFocus();
    await waitFor(() => expect(speeches().map((s) => [s.attendeeId, s.content])).toEqual([[people.mai, 'Ý kiến chưa xong']]));

    // Back in Diễn biến (Alt+4) the speech is in the composer again, the caret at the end of its text: the words go on in it.
    await user.keyboard('{Alt>}4{/Alt}');
    await waitFor(() => expect(content()).toHaveFocus());
    expect(content()).toHaveValue('Ý kiến chưa xong');
    await user.keyboard(', xin nói tiếp.');
    await waitFor(() => expect(speeches().map((s) => [s.attendeeId, s.content])).toEqual([[people.mai, 'Ý kiến chưa xong, xin nói tiếp.']]));
  });

  it('edits, reorders and removes earlier speeches', async () => {
    const { user, speeches, people } = openProceedings((fake, id, p) => {
      fake.store.speeches.add(id, { attendeeId: p.thong, content: 'Phát biểu khai mạc.', startTime: '08:00' });
      fake.store.speeches.add(id, { attendeeId: p.mai, content: 'Ý kiến thứ hai.', startTime: '08:30' });
      fake.store.speeches.add(id, { speakerName: 'Khách mời', content: 'Ý kiến thứ ba.' });
    });
    await user.click(await screen.findByRole('button', { name: 'Sửa phát biểu 1' }));
    expect(screen.getByRole('heading', { name: 'Sửa phát biểu số 1' })).toBeInTheDocument();
    await waitFor(() => expect(content()).toHaveFocus());
    expect(content()).toHaveValue('Phát biểu khai mạc.');
    await user.keyboard(' Xin cảm ơn.');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(speeches()[0]?.content).toBe('Phát biểu khai mạc. Xin cảm ơn.'));
    expect(await screen.findByRole('heading', { name: 'Phát biểu mới (số 4)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Chuyển phát biểu 3 lên' }));
    await waitFor(() => expect(speeches().map((s) => s.content)).toEqual(['Phát biểu khai mạc. Xin cảm ơn.', 'Ý kiến thứ ba.', 'Ý kiến thứ hai.']));

    // Alt+↓ from inside a row moves it too.
    screen.getByRole('button', { name: 'Sửa phát biểu 1' }).focus();
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await waitFor(() => expect(speeches().map((s) => s.content)).toEqual(['Ý kiến thứ ba.', 'Phát biểu khai mạc. Xin cảm ơn.', 'Ý kiến thứ hai.']));

    await user.click(screen.getByRole('button', { name: 'Xóa phát biểu 3' }));
    const dialog = screen.getByRole('dialog', { name: 'Xóa phát biểu?' });
    await user.click(within(dialog).getByRole('button', { name: 'Xóa phát biểu' }));
    await waitFor(() => expect(speeches().map((s) => s.attendeeId)).toEqual([null, people.thong]));
  });

  it('stays responsive at national scale: 600 attendees to pick from, 150 speeches virtualised', async () => {
    const { user, speeches } = openProceedings((fake, id) => {
      fake.store.transaction(() => {
        const site = fake.store.sites.add(id, { name: 'Tỉnh Nghệ An' });
        for (let i = 0; i < 597; i++) fake.store.attendees.add(id, { siteId: site.id, fullName: `Đại biểu số ${i + 1}`, positions: 'Chuyên viên' });
        for (let i = 0; i < 150; i++) fake.store.speeches.add(id, { speakerName: `Người phát biểu ${i + 1}`, content: 'Nội dung. '.repeat(40) });
      });
    });
    const list = await screen.findByRole('list', { name: 'Các phát biểu đã ghi' });
    const rows = within(list).getAllByRole('listitem');
    expect(rows.length).toBeLessThan(60);
    expect(rows[0]).toHaveAttribute('aria-setsize', '150');

    await waitFor(() => expect(speaker()).toHaveFocus());
    await user.keyboard('lt thang');
    expect(screen.getByRole('option', { name: /Lê Tiến Thắng/ })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getAllByRole('option').length).toBeLessThanOrEqual(8);
    await user.keyboard('{Enter}Kết luận.{Control>}{Enter}{/Control}');
    await waitFor(() => expect(speeches()).toHaveLength(151));
  });
});

describe('Diễn biến: what is stored as the speaker', () => {
  it('stores the attendee picked with Enter, Tab or a click at once, never the letters typed', async () => {
    const { user, people, speeches } = openProceedings();
    await waitFor(() => expect(speaker()).toHaveFocus());
    await user.keyboard('thong{Enter}');
    await waitFor(() => expect(speeches()).toMatchObject([{ attendeeId: people.thong, speakerName: '' }]));
    expect(screen.queryByText(/không có trong danh sách đại biểu/)).not.toBeInTheDocument();
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(speaker()).toHaveFocus());
    await user.keyboard('tran thi mai{Tab}');
    await waitFor(() => expect(speeches()[1]).toMatchObject({ attendeeId: people.mai, speakerName: '' }));
    expect(screen.getByLabelText('Giờ bắt đầu')).toHaveFocus();
    await user.click(content());
    await user.keyboard('Ý kiến.{Control>}{Enter}{/Control}');

    await waitFor(() => expect(speaker()).toHaveFocus());
    await user.keyboard('ltt');
    await user.click(screen.getByRole('option', { name: /Lê Tiến Thắng/ }));
    await waitFor(() => expect(speeches()[2]).toMatchObject({ attendeeId: people.thang, speakerName: '' }));
    expect(speeches().some((s) => ['thong', 'tran thi mai', 'ltt'].includes(s.speakerName))).toBe(false);
  });

  it('keeps letters that still match attendees waiting for a pick, and stores them as typed only when asked', async () => {
    const { user, speeches } = openProceedings();
    await waitFor(() => expect(speaker()).toHaveFocus());
    await user.keyboard('tran');
    await user.click(content());
    expect(await screen.findByText(/“tran” chưa được chọn/)).toBeInTheDocument();
    await user.keyboard('Nội dung.');
    await waitFor(() => expect(speeches()).toMatchObject([{ attendeeId: null, speakerName: '', content: 'Nội dung.' }]));
    await user.click(screen.getByRole('button', { name: 'Ghi “tran” là người ngoài danh sách' }));
    await waitFor(() => expect(speeches()).toMatchObject([{ attendeeId: null, speakerName: 'tran' }]));
    // Kept as typed, the speaker is asked for a position next.
    await waitFor(() => expect(screen.getByLabelText('Chức vụ người phát biểu')).toHaveFocus());
  });

  it('removes a new speech again when everything typed in it is deleted', async () => {
    const { user, speeches } = openProceedings();
    await waitFor(() => expect(speaker()).toHaveFocus());
    await user.click(content());
    await user.keyboard('Ý');
    await waitFor(() => expect(speeches()).toHaveLength(1));
    await user.keyboard('{Backspace}');
    await waitFor(() => expect(speeches()).toHaveLength(0));
    await user.keyboard('{Alt>}1{/Alt}');
    await screen.findByRole('heading', { level: 2, name: 'Thông tin chung' });
    expect(speeches()).toHaveLength(0);
  });
});
