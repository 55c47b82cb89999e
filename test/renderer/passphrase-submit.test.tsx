// @vitest-environment jsdom
// The submit every passphrase form shares: a form's own objection shown without sending, one answer awaited
// at a time, a refusal shown in Vietnamese with the field emptied for a new try, and nothing left shown once
// an answer is accepted.
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../renderer/api.ts';
import { usePassphraseSubmit } from '../../renderer/hooks/usePassphraseSubmit.ts';

describe('usePassphraseSubmit', () => {
  it('shows the form’s objection and sends nothing', async () => {
    const { result } = renderHook(() => usePassphraseSubmit());
    const work = vi.fn(async () => {});
    await act(() => result.current.run(work, { problem: 'Hai lần gõ cụm mật khẩu không giống nhau.' }));
    expect(work).not.toHaveBeenCalled();
    expect(result.current).toMatchObject({ busy: false, error: 'Hai lần gõ cụm mật khẩu không giống nhau.' });
  });

  it('is busy while the answer is awaited, ignores a second submit meanwhile, and clears the error when accepted', async () => {
    const { result } = renderHook(() => usePassphraseSubmit());
    await act(() => result.current.run(async () => {}, { problem: 'Hãy nhập cụm mật khẩu hiện tại.' }));
    let answer = () => {};
    const work = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
    let first = Promise.resolve();
    act(() => {
      first = result.current.run(work);
    });
    expect(result.current).toMatchObject({ busy: true, error: null });
    await act(() => result.current.run(work));
    expect(work).toHaveBeenCalledTimes(1);
    await act(async () => {
      answer();
      await first;
    });
    expect(result.current).toMatchObject({ busy: false, error: null });
  });

  it('shows a refusal in Vietnamese and lets the form empty its field for a new try', async () => {
    const { result } = renderHook(() => usePassphraseSubmit());
    const emptied = vi.fn();
    await act(() =>
      result.current.run(
        async () => {
          throw new ApiError('KEY_WRONG', 'Cụm mật khẩu hoặc khóa khôi phục không đúng.');
        },
        { onRefused: emptied },
      ),
    );
    expect(result.current).toMatchObject({ busy: false, error: 'Cụm mật khẩu hoặc khóa khôi phục không đúng.' });
    expect(emptied).toHaveBeenCalledTimes(1);
    await act(() =>
      result.current.run(async () => {
        throw new Error('socket closed');
      }),
    );
    expect(result.current.error).toBe('Đã xảy ra lỗi: socket closed');
  });
});
