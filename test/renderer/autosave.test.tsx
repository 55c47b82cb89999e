// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { meetingIn, renderApp } from './setup.tsx';

describe('Autosave', () => {
  it('sends what is typed at once when the window is closing (pagehide), without waiting for the pause', async () => {
    let id = 0;
    const { user, fake } = renderApp({
      prepare: (f) => {
        id = meetingIn(f);
      },
      route: () => ({ screen: 'meeting', id, section: 'general' }),
    });
    const venue = await screen.findByLabelText('Địa điểm');
    await user.type(venue, 'Hội trường Tỉnh ủy');
    expect(screen.getByRole('status', { name: 'Trạng thái lưu' })).toHaveTextContent('Đang lưu…');
    const before = fake.calls.length;
    fireEvent(window, new Event('pagehide'));
    // The call leaves during the event itself.
    expect(fake.calls.slice(before)).toContainEqual({ channel: 'updateMeeting', input: { id, patch: { venue: 'Hội trường Tỉnh ủy' } } });
    await waitFor(() => expect(fake.store.meetings.get(id).venue).toBe('Hội trường Tỉnh ủy'));
    await waitFor(() => expect(screen.getByRole('status', { name: 'Trạng thái lưu' })).toHaveTextContent('Đã lưu'));
    expect(venue).toHaveValue('Hội trường Tỉnh ủy');
  });

  it('sends unsaved text when leaving the meeting for the list (Ctrl+L)', async () => {
    let id = 0;
    const { user, fake } = renderApp({
      prepare: (f) => {
        id = meetingIn(f);
      },
      route: () => ({ screen: 'meeting', id, section: 'general' }),
    });
    await user.type(await screen.findByLabelText('Nội dung hội nghị'), 'Sơ kết công tác 6 tháng đầu năm');
    await user.keyboard('{Control>}l{/Control}');
    await screen.findByRole('heading', { name: 'Danh sách hội nghị' });
    expect(fake.store.meetings.get(id).content).toBe('Sơ kết công tác 6 tháng đầu năm');
  });

  it('never rewrites a field being typed in when an earlier save comes back', async () => {
    let id = 0;
    const { user, fake } = renderApp({
      prepare: (f) => {
        id = meetingIn(f);
      },
      route: () => ({ screen: 'meeting', id, section: 'general' }),
    });
    const title = await screen.findByLabelText('Tên hội nghị (trích yếu)');
    await user.clear(title);
    await user.type(title, 'Hội nghị  ');
    // The store folds the spaces; meanwhile the user keeps typing in the same field.
    fireEvent(window, new Event('pagehide'));
    await waitFor(() => expect(fake.store.meetings.get(id).title).toBe('Hội nghị'));
    await user.type(title, 'tổng kết');
    expect(title).toHaveValue('Hội nghị  tổng kết');
    await user.tab();
    await waitFor(() => expect(fake.store.meetings.get(id).title).toBe('Hội nghị tổng kết'));
    // Once the field is left, it shows the stored text.
    await waitFor(() => expect(title).toHaveValue('Hội nghị tổng kết'));
  });
});
