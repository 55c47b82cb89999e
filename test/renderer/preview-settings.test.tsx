// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meetingIn, renderApp } from './setup.tsx';

describe('Xem trước và xuất', () => {
  it('shows the preview and what is missing, and exports the minutes and the notice', async () => {
    // jsdom has constructable stylesheets but no adoptedStyleSheets: give the document the property.
    Object.defineProperty(document, 'adoptedStyleSheets', { value: [], writable: true, configurable: true });
    let id = 0;
    const { user, fake } = renderApp({
      prepare: (f) => {
        id = meetingIn(f, { title: 'Hội nghị giao ban', format: 'state' });
      },
      route: () => ({ screen: 'meeting', id, section: 'preview' }),
    });
    const page = await screen.findByRole('document', { name: 'Bản xem trước biên bản' });
    await waitFor(() => expect(page).toHaveTextContent('BIÊN BẢNHội nghị giao ban'));
    // No script from the HTML runs or stays; inline styles are applied through the CSSOM.
    expect(page.querySelector('script')).toBeNull();
    expect(page.querySelector('article.bien-ban')?.hasAttribute('style')).toBe(false);
    // The preview's stylesheet is adopted by the document.
    const adopted = () => document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
    expect(adopted().join(' ')).toMatch(/\.bien-ban\s*\{\s*width: 210mm;?\s*\}/);
    const missing = screen.getByRole('heading', { name: 'Còn thiếu (1)' });
    expect(missing.parentElement).toHaveTextContent('Ngày họp');
    // One format for each document: the minutes' (and the statistics') is the meeting's, the notice's its own.
    expect(screen.getByLabelText('Thể thức (lưu cùng hội nghị)')).toHaveDisplayValue('Thể thức hành chính nhà nước');
    expect(screen.getByLabelText('Thể thức thông báo kết luận')).toHaveDisplayValue('Thể thức hành chính nhà nước');

    // The export says what printed as "…", and the message stays until closed.
    await user.click(screen.getByRole('button', { name: /Xuất biên bản \(Word\)/ }));
    expect(await screen.findByText(/^Đã xuất biên bản: .*\.docx\. Lưu ý: 1 chỗ còn thiếu được in là “…”: Ngày họp\.$/)).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.channel === 'exportDocument').map((c) => c.input)).toEqual([
      { meetingId: id, kind: 'minutes', format: 'state', output: 'docx' },
    ]);

    await user.selectOptions(screen.getByLabelText('Thể thức thông báo kết luận'), 'Thể thức Đảng');
    await user.click(screen.getByLabelText('Thông báo kết luận'));
    await waitFor(() => expect(screen.getByRole('document', { name: 'Bản xem trước thông báo kết luận' })).toHaveTextContent('THÔNG BÁO'));
    await user.click(screen.getByRole('button', { name: 'Xuất thông báo kết luận (Word)' }));
    expect(await screen.findByText(/^Đã xuất thông báo kết luận: /)).toBeInTheDocument();
    expect(fake.calls.filter((c) => c.channel === 'exportDocument').map((c) => c.input)).toEqual([
      { meetingId: id, kind: 'minutes', format: 'state', output: 'docx' },
      { meetingId: id, kind: 'notice', format: 'party', output: 'docx' },
    ]);
    expect(fake.calls.filter((c) => c.channel === 'previewDocument').at(-1)?.input).toEqual({ meetingId: id, kind: 'notice', format: 'party' });
    expect(fake.store.meetings.get(id).format).toBe('state');

    // Cancelling the save dialog is not an error.
    fake.dialog.cancelSave = true;
    await user.keyboard('{Control>}e{/Control}');
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'exportDocument')).toHaveLength(3));
    expect(screen.queryByText(/Lỗi/)).not.toBeInTheDocument();

    // Leaving the preview drops its stylesheet.
    await user.keyboard('{Alt>}1{/Alt}');
    await screen.findByRole('heading', { level: 2, name: 'Thông tin chung' });
    expect(adopted()).toEqual([]);
    Reflect.deleteProperty(document, 'adoptedStyleSheets');
  });

  it('refuses Ctrl+E when no meeting is open, with a message', async () => {
    const { user } = renderApp();
    await screen.findByRole('heading', { name: 'Danh sách hội nghị' });
    await user.keyboard('{Control>}e{/Control}');
    expect(await screen.findByText('Hãy mở một hội nghị trước khi xuất biên bản.')).toBeInTheDocument();
  });

  it('moves between sections with the side list and Alt+digit, focusing the section heading', async () => {
    let id = 0;
    const { user } = renderApp({
      prepare: (f) => {
        id = meetingIn(f);
      },
      route: () => ({ screen: 'meeting', id, section: 'general' }),
    });
    const nav = await screen.findByRole('navigation', { name: 'Các phần của hội nghị' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Thông tin chung Alt+1', 'Điểm cầu và thành phần Alt+2', 'Chương trình Alt+3', 'Diễn biến Alt+4', 'Kết luận Alt+5', 'Xem trước và xuất Alt+6']);
    await user.click(within(nav).getByRole('button', { name: /Chương trình/ }));
    expect(screen.getByRole('heading', { level: 2, name: 'Chương trình' })).toHaveFocus();
    expect(within(nav).getByRole('button', { name: /Chương trình/ })).toHaveAttribute('aria-current', 'step');
    await user.keyboard('{Alt>}6{/Alt}');
    expect(screen.getByRole('heading', { level: 2, name: 'Xem trước và xuất' })).toHaveFocus();
  });
});

describe('Cài đặt', () => {
  it('saves the organisation profile, used as defaults of a new meeting', async () => {
    const { user, fake } = renderApp({ route: () => ({ screen: 'settings' }) });
    await user.type(await screen.findByLabelText('Cơ quan ban hành'), 'BAN THƯỜNG VỤ TỈNH ỦY');
    await user.type(screen.getByLabelText('Chữ viết tắt của cơ quan'), 'TU');
    await user.type(screen.getByLabelText('Người ghi biên bản'), 'Phạm Thị Hoa');
    await user.selectOptions(screen.getByLabelText('Thể thức mặc định'), 'Thể thức hành chính nhà nước');
    await user.type(screen.getByLabelText('Thẩm quyền ký'), 'T/L BAN THƯỜNG VỤ');
    await user.tab();
    await waitFor(() =>
      expect(fake.store.profile.get()).toMatchObject({
        issuingBody: 'BAN THƯỜNG VỤ TỈNH ỦY',
        abbreviation: 'TU',
        defaultMinuteTaker: 'Phạm Thị Hoa',
        defaultFormat: 'state',
        noticeSignerAuthority: 'T/L BAN THƯỜNG VỤ',
      }),
    );

    await user.keyboard('{Control>}n{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Hội nghị mới' });
    await user.click(within(dialog).getByRole('button', { name: 'Tạo hội nghị' }));
    expect(await screen.findByLabelText('Người ghi biên bản')).toHaveValue('Phạm Thị Hoa');
    expect(screen.getByLabelText('Thể thức')).toHaveDisplayValue('Thể thức hành chính nhà nước');
  });
});
