// A speech's times in the composer: the start (stamped when the speech starts), the end (stamped when the
// next speech starts, or with Alt+K), the minutes spoken (worked out by the store from both, editable
// afterwards) and, while the speech runs, how long it has been going, kept up to date. In the speech being
// taken down, a time refused stays as typed, with its message, until it is put right.
import { useEffect, useState } from 'react';
import { minutesUntil } from '../../../shared/model/clock.ts';
import type { Speech } from '../../../shared/model/meeting.ts';
import { DateTimeField } from '../../components/date-time-fields.tsx';
import { NumberField } from '../../components/fields.tsx';
import { nowClock } from '../../lib/format.ts';
import { SPEECH_KEYS } from './shortcuts.ts';

/** The minutes since a clock time (of yesterday, past midnight), refreshed every few seconds while `running`. */
function useElapsed(start: string | null, running: boolean): number | null {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(new Date()), 5_000);
    return () => clearInterval(timer);
  }, [running]);
  if (!running || !start) return null;
  return minutesUntil(start, nowClock(now));
}

export function SpeechTiming({
  speech,
  live,
  shownStart,
  save,
  saveStart,
  onEnd,
}: {
  speech: Speech | null;
  /** The speech being taken down now (not an earlier one opened again): its running time is shown. */
  live: boolean;
  /** The start as shown: stored, or stamped and on its way. */
  shownStart: string | null;
  save(patch: Record<string, unknown>): Promise<unknown>;
  saveStart(startTime: string | null): Promise<unknown>;
  onEnd(): void;
}) {
  const running = shownStart !== null && !speech?.endTime;
  const elapsed = useElapsed(shownStart, live && running);
  return (
    <div className="speech-timing">
      <DateTimeField type="time" label="Giờ bắt đầu" className="start-time" value={shownStart} save={saveStart} keepRefused={live} />
      <DateTimeField
        type="time"
        label="Giờ kết thúc"
        className="end-time"
        value={speech?.endTime ?? null}
        save={(endTime) => save({ endTime })}
        keepRefused={live}
      />
      <NumberField
        label="Thời lượng (phút)"
        className="duration"
        value={speech?.durationMinutes ?? null}
        save={(durationMinutes) => save({ durationMinutes })}
      />
      <div className="speech-clock">
        <p className="elapsed" aria-live="off">
          {elapsed !== null ? (
            <>
              Đang phát biểu: <strong>{elapsed} phút</strong>
            </>
          ) : speech?.endTime ? (
            'Đã kết thúc'
          ) : shownStart ? (
            ''
          ) : (
            'Chưa bắt đầu'
          )}
        </p>
        <button type="button" onClick={onEnd} disabled={!running}>
          Kết thúc phát biểu <kbd>{SPEECH_KEYS.end}</kbd>
        </button>
      </div>
    </div>
  );
}
