// Each speech's clip worked out from its times and the parts' wall-clock starts (shared/audio.ts).
import { describe, expect, it } from 'vitest';
import { speechClips, speechSpan, type AudioPart } from '../../shared/audio.ts';
import type { Speech } from '../../shared/model/meeting.ts';

const at = (h: number, m: number, s = 0) => new Date(2026, 11, 1, h, m, s).getTime();
const part = (n: number, startedAt: number, minutes: number): AudioPart => ({
  meetingId: 1,
  part: n,
  startedAt,
  durationMs: minutes * 60_000,
  bytes: 0,
  sealed: false,
});
let nextId = 1;
const speech = (startTime: string | null, durationMinutes: number | null = null) =>
  ({ id: nextId++, meetingId: 1, position: 0, startTime, durationMinutes }) as unknown as Speech;

describe('speech clips', () => {
  it("reads a speech's span from its start and its end (else a duration typed), in one place", () => {
    expect(speechSpan({ startTime: '09:05', endTime: null, durationMinutes: 12 })).toEqual({ start: 545, end: 557 });
    expect(speechSpan({ startTime: '09:05', endTime: null, durationMinutes: null })).toEqual({ start: 545, end: null });
    expect(speechSpan({ startTime: null, endTime: null, durationMinutes: 5 })).toBeNull();
    expect(speechSpan({ startTime: '09:05', endTime: '09:20', durationMinutes: 15 })).toEqual({ start: 545, end: 560 });
    expect(speechSpan({ startTime: '23:50', endTime: '00:10', durationMinutes: null })).toEqual({ start: 1430, end: 1450 });
    // Started and ended within one minute (the next speaker came in the same minute): that minute, never an empty clip.
    expect(speechSpan({ startTime: '09:05', endTime: '09:05', durationMinutes: 0 })).toEqual({ start: 545, end: 546 });
  });

  it("puts each speech in the part recorded then, its end at its own end, the next speech or the part's end", () => {
    const a = speech('08:00', 10);
    const b = speech('08:20');
    const c = speech('08:40');
    const late = speech('10:10', 5);
    const parts = [part(1, at(7, 59, 30), 50), part(2, at(10, 0), 30)];
    expect(speechClips([a, b, c, late], parts)).toEqual([
      { speechId: a.id, part: 1, startMs: 30_000, endMs: 630_000 },
      { speechId: b.id, part: 1, startMs: 1_230_000, endMs: 2_430_000 },
      { speechId: c.id, part: 1, startMs: 2_430_000, endMs: 3_000_000 },
      { speechId: late.id, part: 2, startMs: 600_000, endMs: 900_000 },
    ]);
  });

  it('gives no clip to a speech without a time or outside every part, and starts a speech begun before the part at 0', () => {
    const before = speech('07:58', 5);
    const none = speech(null);
    const between = speech('09:30', 5);
    const clips = speechClips([before, none, between], [part(1, at(8, 0), 30)]);
    expect(clips).toEqual([{ speechId: before.id, part: 1, startMs: 0, endMs: 180_000 }]);
  });

  it('follows a part across midnight', () => {
    const s = speech('00:10', 5);
    expect(speechClips([s], [part(1, at(23, 50), 60)])).toEqual([{ speechId: s.id, part: 1, startMs: 1_200_000, endMs: 1_500_000 }]);
  });
});
