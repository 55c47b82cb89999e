// How long a speech lasted: the one place that works it out from what the secretary recorded, so that a
// change in how speeches are timed (an end time beside the start) is a change here only.
import { clockAfter } from '../model/clock.ts';
import type { Speech } from '../model/meeting.ts';

export type SpeechTimes = Pick<Speech, 'startTime' | 'durationMinutes'>;

export interface SpeechTiming {
  /** Minutes spoken; null when the length was not recorded. */
  minutes: number | null;
  /** "HH:MM" when the speech began, and when it ended (start + length, past midnight the next day's), or null. */
  start: string | null;
  end: string | null;
}

export function speechTiming(speech: SpeechTimes): SpeechTiming {
  const minutes = speech.durationMinutes;
  const start = speech.startTime;
  return { minutes, start, end: start !== null && minutes !== null ? clockAfter(start, minutes) : null };
}
