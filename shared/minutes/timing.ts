// How long a speech lasted: the one place that works it out from what the secretary recorded, so that a
// change in how speeches are timed (an end time beside the start) is a change here only.
import type { Speech } from '../model/meeting.ts';

export type SpeechTimes = Pick<Speech, 'startTime' | 'durationMinutes'>;

export interface SpeechTiming {
  /** Minutes spoken; null when the length was not recorded. */
  minutes: number | null;
  /** "HH:MM" when the speech began, and when it ended (start + length, within the day), or null. */
  start: string | null;
  end: string | null;
}

const toMinutes = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const toClock = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export function speechTiming(speech: SpeechTimes): SpeechTiming {
  const minutes = speech.durationMinutes;
  const start = speech.startTime;
  const endsAt = start !== null && minutes !== null ? toMinutes(start) + minutes : null;
  return { minutes, start, end: endsAt !== null && endsAt < 24 * 60 ? toClock(endsAt) : null };
}
