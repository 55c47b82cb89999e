// Keeps the search index caught up in the background of the main process: every write queues what it changed
// (plain-SQL triggers), and this indexes the queue in short slices, so that a large import, a restore or a new
// folding version never holds the window. A search catches up with small backlogs itself.
import type { Store } from '../store/index.ts';

export interface IndexerOptions {
  /** How often the queue is looked at when it was empty. */
  everyMs?: number;
  /** The longest a slice of indexing holds the process. */
  sliceMs?: number;
  /** Told after each slice how many records still wait (0 when done). */
  onProgress?(pending: number): void;
}

export function startSearchIndexer(store: Store, options: IndexerOptions = {}): { stop(): void } {
  const { everyMs = 1000, sliceMs = 25, onProgress } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  const step = () => {
    timer = null;
    if (stopped) return;
    let pending = 0;
    try {
      if (store.search.index.pending() > 0) {
        pending = store.search.index.update({ budgetMs: sliceMs });
        onProgress?.(pending);
      }
    } catch (error) {
      // A busy or read-only database: try again later; the queue keeps what is left.
      console.error('[search index]', error);
    }
    timer = setTimeout(step, pending > 0 ? 0 : everyMs);
  };
  timer = setTimeout(step, 0);
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
