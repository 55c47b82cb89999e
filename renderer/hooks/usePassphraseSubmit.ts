// What every passphrase form shares (unlock, encrypt, change, decrypt, a sealed file's): a submit refused
// before it is sent when the form says why, one answer awaited at a time (busy), the refusal shown in
// Vietnamese, and the field emptied for a new try when the form asks.
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '../api.ts';

export interface SubmitOptions {
  /** Why the form cannot be sent as it is (shown instead of sending); null or absent: it can. */
  problem?: string | null | undefined;
  /** Called when the answer refuses it (a wrong passphrase): empties the field for a new try. */
  onRefused?: (() => void) | undefined;
}

export function usePassphraseSubmit(): {
  busy: boolean;
  error: string | null;
  run(work: () => Promise<unknown>, options?: SubmitOptions): Promise<void>;
} {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = useCallback(async (work: () => Promise<unknown>, { problem, onRefused }: SubmitOptions = {}) => {
    if (running.current) return;
    if (problem) {
      setError(problem);
      return;
    }
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
      onRefused?.();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
