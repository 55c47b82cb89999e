// Every write of the page goes through one tracker: it drives the "Đang lưu… / Đã lưu / Lỗi khi lưu"
// indicator, knows which fields still hold unsaved text (to flush them when the window closes or the
// screen changes), and lets a caller wait until everything typed is stored. A value refused by a rule
// (31/02, 25:00, an end before the start) is not a failed save: the data is as it was, and the indicator
// says what is wrong with the value, not that saving failed.
import { ApiError, errorMessage } from '../api.ts';

export type SaveStatus =
  { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'refused'; message: string } | { state: 'error'; message: string };

type Failure = { state: 'refused' | 'error'; message: string };

/** A refusal of the value itself (the store's rules, the field's own shape) rather than of the write. */
const failureOf = (error: unknown): Failure => ({
  state: error instanceof ApiError && error.code === 'INVALID_INPUT' ? 'refused' : 'error',
  message: errorMessage(error),
});

export interface SaveTracker {
  /** Follows one write; its failure shows in the indicator. Returns the same promise. */
  track<T>(work: Promise<T>): Promise<T>;
  /** A field with unsaved changes registers its flush; it unregisters once the change is sent. */
  register(flush: () => void): void;
  unregister(flush: () => void): void;
  /** Sends every unsaved change now. */
  flushAll(): void;
  /** Sends every unsaved change and resolves when all writes have finished. */
  settle(): Promise<void>;
  subscribe(listener: () => void): () => void;
  getStatus(): SaveStatus;
}

export function createSaveTracker(): SaveTracker {
  const inFlight = new Set<Promise<unknown>>();
  const dirty = new Set<() => void>();
  const listeners = new Set<() => void>();
  let lastFailure: Failure | null = null;
  let savedOnce = false;
  let status: SaveStatus = { state: 'idle' };

  const emit = () => {
    const next: SaveStatus =
      inFlight.size > 0 || dirty.size > 0 ? { state: 'saving' } : lastFailure !== null ? lastFailure : savedOnce ? { state: 'saved' } : { state: 'idle' };
    const same = next.state === status.state && ('message' in next ? 'message' in status && status.message === next.message : true);
    if (same) return;
    status = next;
    for (const listener of listeners) listener();
  };

  const tracker: SaveTracker = {
    track(work) {
      inFlight.add(work);
      emit();
      work
        .then(
          () => {
            lastFailure = null;
            savedOnce = true;
          },
          (error: unknown) => {
            lastFailure = failureOf(error);
          },
        )
        .finally(() => {
          inFlight.delete(work);
          emit();
        });
      return work;
    },
    register(flush) {
      dirty.add(flush);
      emit();
    },
    unregister(flush) {
      dirty.delete(flush);
      emit();
    },
    flushAll() {
      for (const flush of [...dirty]) flush();
    },
    async settle() {
      tracker.flushAll();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getStatus: () => status,
  };
  return tracker;
}
