import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSearchIndexer } from '../electron/services/search-indexer.ts';
import { memoryStore } from './support/store.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('search indexer in the background', () => {
  it('indexes what was written, in slices, then waits for the next writes', async () => {
    vi.useFakeTimers();
    const store = memoryStore();
    const meeting = store.meetings.create({ title: 'Hội nghị giao ban' }).id;
    const site = store.db.prepare("INSERT INTO sites (meeting_id, ord, name, level) VALUES (?, ?, ?, 'commune')");
    store.db.transaction(() => {
      for (let i = 0; i < 2000; i++) site.run(meeting, i, `Đảng ủy xã ${i + 1}`);
    })();
    const told: number[] = [];
    // Slices of one batch each, so that the steps can be counted.
    const indexer = startSearchIndexer(store, { everyMs: 1000, sliceMs: 0, onProgress: (pending) => told.push(pending) });
    await vi.advanceTimersToNextTimerAsync();
    expect(told).toEqual([1501]);
    // The next slice right after, as long as records wait.
    for (let i = 0; i < 3; i++) await vi.advanceTimersByTimeAsync(1);
    expect(told).toEqual([1501, 1001, 501, 1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(told).toEqual([1501, 1001, 501, 1, 0]);
    expect(store.search.index.pending()).toBe(0);

    // Idle: it looks again a second later and finds the next write.
    store.speeches.add(meeting, { speakerName: 'Lê Văn Tám', content: 'Đề nghị bổ sung kinh phí.' });
    expect(store.search.index.pending()).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(store.search.index.pending()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(store.search.index.pending()).toBe(0);
    indexer.stop();
    store.speeches.add(meeting, { content: 'Thêm một ý.' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(store.search.index.pending()).toBe(1);
  });
});
