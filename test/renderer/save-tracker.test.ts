// The save tracker tells a value refused by a rule from a write that failed: the first leaves the data as it
// was and says what is wrong with the value; only the second is "Lỗi khi lưu".
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../renderer/api.ts';
import { createSaveTracker } from '../../renderer/hooks/save-tracker.ts';

const refusal = new ApiError('INVALID_INPUT', 'Không lưu được thông tin hội nghị: Ngày: không phải là ngày có thật.');
const diskFull = new ApiError('FILE_WRITE_FAILED', 'Không lưu được xuống ổ đĩa: ổ đĩa đã đầy.');

async function outcome(...writes: Promise<unknown>[]) {
  const tracker = createSaveTracker();
  for (const work of writes) tracker.track(work).catch(() => undefined);
  await tracker.settle();
  return tracker.getStatus();
}

describe('save tracker', () => {
  it("says a refused value is refused, with the rule's message", async () => {
    expect(await outcome(Promise.reject(refusal))).toEqual({ state: 'refused', message: refusal.message });
  });

  it('says a failed write failed', async () => {
    expect(await outcome(Promise.reject(diskFull))).toEqual({ state: 'error', message: diskFull.message });
    expect(await outcome(Promise.reject(new Error('EIO')))).toEqual({ state: 'error', message: 'Đã xảy ra lỗi: EIO' });
  });

  it('is saved again once a later write lands', async () => {
    expect(await outcome(Promise.reject(refusal), Promise.resolve())).toEqual({ state: 'saved' });
  });

  it('tells listeners when a refusal follows a failure with another message', async () => {
    const tracker = createSaveTracker();
    const seen: unknown[] = [];
    tracker.subscribe(() => seen.push(tracker.getStatus()));
    await tracker.track(Promise.reject(diskFull)).catch(() => undefined);
    await tracker.settle();
    await tracker.track(Promise.reject(refusal)).catch(() => undefined);
    await tracker.settle();
    expect(seen.at(-1)).toEqual({ state: 'refused', message: refusal.message });
    expect(seen).toContainEqual({ state: 'error', message: diskFull.message });
  });
});
