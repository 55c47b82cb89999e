// A meeting's recording as the page sees it, and each speech's clip in it. The clip is derived from the
// speech's times every time it is asked for, never stored: adjusting a speech's times moves its clip.
import { minutesBetween, minutesOf } from './model/clock.ts';
import type { Speech } from './model/meeting.ts';

/** The largest chunk the page may send at once (a few seconds of Opus is a few kB). */
export const MAX_AUDIO_CHUNK = 1024 * 1024;

export interface AudioPart {
  meetingId: number;
  /** 1, 2, …: a meeting may be recorded in several parts. */
  part: number;
  /** Wall-clock start, ms since the epoch. */
  startedAt: number;
  durationMs: number;
  bytes: number;
  /** Sealed (encrypted) on disk. */
  sealed: boolean;
}

/** Where a speech's sound is: a part and offsets into it, in ms. */
export interface Clip {
  speechId: number;
  part: number;
  startMs: number;
  endMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * A speech's span as minutes of the day [start, end); end is null when the speech has no end yet.
 * The one place that reads a speech's timing for its clip.
 */
export function speechSpan(speech: Pick<Speech, 'startTime' | 'endTime' | 'durationMinutes'>): { start: number; end: number | null } | null {
  if (!speech.startTime) return null;
  const start = minutesOf(speech.startTime);
  // The end stamped live, else a duration typed by hand; an end before the start is past midnight. Times are whole
  // minutes, so a speech that starts and ends in the same minute keeps that minute rather than an empty clip.
  const end = speech.endTime
    ? start + minutesBetween(speech.startTime, speech.endTime)
    : speech.durationMinutes === null
      ? null
      : start + speech.durationMinutes;
  return { start, end: end === null ? null : Math.max(end, start + 1) };
}

/** Local midnight of the day a wall-clock time falls in. */
const midnight = (at: number) => {
  const day = new Date(at);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate()).getTime();
};

/**
 * Each speech's clip: its start and end as offsets into the part recorded then, the end cut at the part's
 * end (and, with no end of its own, at the next speech's start or the part's end). A speech outside every
 * part has no clip. Times of day are read on the day each part started (a part crossing midnight continues).
 */
export function speechClips(speeches: readonly Speech[], parts: readonly AudioPart[]): Clip[] {
  const spans = speeches.flatMap((speech) => {
    const span = speechSpan(speech);
    return span ? [{ speech, ...span }] : [];
  });
  const clips: Clip[] = [];
  for (const [index, span] of spans.entries()) {
    const next = spans.slice(index + 1).find((s) => s.start > span.start);
    // Minutes of the day the speech runs to: its end, else the next speech's start, else open.
    const endOfDay = span.end ?? next?.start ?? null;
    for (const part of parts) {
      const partEnd = part.startedAt + part.durationMs;
      const base = midnight(part.startedAt);
      // The day (the part's, or the next for a part crossing midnight) on which the speech overlaps the part;
      // an open speech overlaps from its start minute.
      const placed = [base, base + DAY]
        .map((day) => ({
          start: day + span.start * MINUTE,
          end: endOfDay === null ? null : day + endOfDay * MINUTE,
        }))
        .find((t) => t.start < partEnd && (t.end ?? t.start + MINUTE) > part.startedAt);
      if (!placed) continue;
      const startMs = Math.max(0, placed.start - part.startedAt);
      const endMs = Math.max(startMs, Math.min(partEnd, placed.end ?? partEnd) - part.startedAt);
      clips.push({ speechId: span.speech.id, part: part.part, startMs, endMs });
      break;
    }
  }
  return clips;
}
