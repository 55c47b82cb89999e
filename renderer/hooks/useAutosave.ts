// One edited value, saved on its own: the field shows what the user typed at once; the save follows
// after a short pause, on blur, when the component goes away, and when the window closes (through the
// tracker). While the field has focus, or a change is on its way, the value coming back from the
// store never replaces what is on screen, so the caret does not move and no letter of an input
// method's composition is lost. Nothing is saved in the middle of a composition.
import { useCallback, useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { errorMessage } from '../api.ts';
import { useTracker } from '../context.tsx';

/** The pause after the last keystroke before saving. */
export const SAVE_DELAY_MS = 400;

export interface Autosave<T> {
  value: T;
  /** A change by the user: shown at once, saved shortly. */
  change(next: T): void;
  /** A change saved at once (selects, checkboxes, picks from a list). */
  commit(next: T): void;
  /** Sends the pending change, if any, now. */
  flush(): void;
  /** Shows `next` as a fresh start, with nothing pending (an entry line after its row was handed over). */
  reset(next: T): void;
  /** The Vietnamese message of the last failed save, or null. */
  error: string | null;
  /** Spread on the input: focus, blur and composition tracking. */
  bind: {
    onFocus(): void;
    onBlur(): void;
    onCompositionStart(): void;
    onCompositionEnd(): void;
  };
}

export interface AutosaveOptions<T> {
  /** The value as stored. */
  value: T;
  /** Stores a value; rejects with an ApiError whose message is shown beside the field. */
  save(value: T): Promise<unknown>;
  delay?: number;
  /** Called after the field loses focus (e.g. to remember a person). */
  onBlur?: () => void;
  /**
   * A choice (select, checkbox) rather than typed text: the stored value is shown even while the
   * control has focus, and a refused choice goes back to the stored one (the message stays).
   */
  discrete?: boolean;
  /**
   * Whether a value is complete enough to save after the pause (a half-typed date is not); one that
   * is not waits for the field to be left or flushed.
   */
  ready?: (value: T) => boolean;
  /** A refused value is shown until the field is left, then the stored one again (the message stays). */
  revertWhenLeft?: boolean;
}

export function useAutosave<T>({
  value: stored,
  save,
  delay = SAVE_DELAY_MS,
  onBlur,
  discrete = false,
  ready,
  revertWhenLeft = false,
}: AutosaveOptions<T>): Autosave<T> {
  const tracker = useTracker();
  const [local, setLocal] = useState<T>(stored);
  const [error, setError] = useState<string | null>(null);
  const [tick, rerender] = useReducer((n: number) => n + 1, 0);

  const saveRef = useRef(save);
  const onBlurRef = useRef(onBlur);
  const readyRef = useRef(ready);
  useLayoutEffect(() => {
    saveRef.current = save;
    onBlurRef.current = onBlur;
    readyRef.current = ready;
  });
  const focused = useRef(false);
  const composing = useRef(false);
  const pending = useRef<{ value: T } | null>(null);
  const inFlight = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const failed = useRef(false);

  // The tracker holds one stable function per field, which always runs the latest `send`.
  const sendRef = useRef<(force: boolean) => void>(() => undefined);
  const [flushForced] = useState(() => () => sendRef.current(true));

  const send = useCallback(
    (force: boolean) => {
      if (timer.current !== null) {
        clearTimeout(timer.current);
        timer.current = null;
      }
      if (!pending.current || (composing.current && !force)) return;
      const { value } = pending.current;
      pending.current = null;
      tracker.unregister(flushForced);
      inFlight.current++;
      // Called synchronously, so that a flush from `pagehide` sends its message before the page goes.
      let work: Promise<unknown>;
      try {
        work = Promise.resolve(saveRef.current(value));
      } catch (error) {
        work = Promise.reject(error);
      }
      tracker
        .track(work)
        .then(
          () => {
            failed.current = false;
            setError(null);
          },
          (reason: unknown) => {
            failed.current = !discrete && !revertWhenLeft;
            setError(errorMessage(reason));
          },
        )
        .finally(() => {
          inFlight.current--;
          rerender();
        });
    },
    [tracker, flushForced, discrete, revertWhenLeft],
  );
  useLayoutEffect(() => {
    sendRef.current = send;
  }, [send]);

  const schedule = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => send(false), delay);
  }, [delay, send]);

  const change = useCallback(
    (next: T) => {
      setLocal(next);
      if (!pending.current) tracker.register(flushForced);
      pending.current = { value: next };
      if (readyRef.current && !readyRef.current(next)) {
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = null;
        return;
      }
      schedule();
    },
    [flushForced, schedule, tracker],
  );

  const commit = useCallback(
    (next: T) => {
      setLocal(next);
      if (!pending.current) tracker.register(flushForced);
      pending.current = { value: next };
      send(true);
    },
    [flushForced, send, tracker],
  );

  // The stored value replaces the shown one only when the user is not editing this field.
  useEffect(() => {
    if ((discrete || !focused.current) && !pending.current && inFlight.current === 0 && !failed.current) setLocal(stored);
  }, [stored, tick, discrete]);

  // Leaving the screen sends what is left.
  useEffect(() => () => send(true), [send]);

  const bind = {
    onFocus: useCallback(() => {
      focused.current = true;
    }, []),
    onBlur: useCallback(() => {
      focused.current = false;
      send(true);
      rerender();
      onBlurRef.current?.();
    }, [send]),
    onCompositionStart: useCallback(() => {
      composing.current = true;
    }, []),
    onCompositionEnd: useCallback(() => {
      composing.current = false;
      if (pending.current) schedule();
    }, [schedule]),
  };

  const reset = useCallback(
    (next: T) => {
      send(true);
      failed.current = false;
      setError(null);
      setLocal(next);
    },
    [send],
  );

  return { value: local, change, commit, flush: useCallback(() => send(true), [send]), reset, error, bind };
}
