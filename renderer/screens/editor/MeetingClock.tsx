// The meeting's start and end, stamped with one key (Alt+Home, Alt+End: MeetingEditor) or a button: the
// store writes the time, and at the end also ends a speech still running. An end before the start is past
// midnight (shared/model/clock.ts), and said so.
import { useCallback } from 'react';
import { dayAfter, endsNextDay } from '../../../shared/model/clock.ts';
import type { Meeting } from '../../../shared/model/meeting.ts';
import { errorMessage } from '../../api.ts';
import { useToast } from '../../context.tsx';
import { formatDate, nowClock } from '../../lib/format.ts';
import { useEditor } from './meeting-state.tsx';
import { MEETING_KEYS } from './shortcuts.ts';

/** "Sau nửa đêm: hội nghị kết thúc ngày 26/07/2023." when the meeting ends the next day; null otherwise. */
export function pastMidnight(meeting: Pick<Meeting, 'date' | 'startTime' | 'endTime'>): string | null {
  if (!endsNextDay(meeting.startTime, meeting.endTime)) return null;
  return `Sau nửa đêm: hội nghị kết thúc ${meeting.date ? `ngày ${formatDate(dayAfter(meeting.date))}` : 'vào ngày hôm sau'}.`;
}

/** Stamps the meeting's start or end now, saying so (and what it replaced). */
export function useMeetingStamp(): (which: 'start' | 'end') => void {
  const ops = useEditor();
  const toast = useToast();
  const { stampMeeting, latest } = ops;
  return useCallback(
    (which: 'start' | 'end') => {
      const at = nowClock();
      const meeting = latest().meeting;
      const before = which === 'start' ? meeting.startTime : meeting.endTime;
      const what = which === 'start' ? 'giờ bắt đầu' : 'giờ kết thúc';
      const nextDay = which === 'end' && endsNextDay(meeting.startTime, at) ? ', ngày hôm sau' : '';
      stampMeeting(which, at).then(
        () => toast({ text: `Đã ghi ${what} hội nghị: ${at}${nextDay}${before && before !== at ? ` (trước đó ${before})` : ''}.` }),
        (error: unknown) => toast({ text: errorMessage(error), tone: 'error' }),
      );
    },
    [stampMeeting, latest, toast],
  );
}

export function MeetingClock() {
  const { meeting } = useEditor().record;
  const stamp = useMeetingStamp();
  return (
    <div className="meeting-clock" role="group" aria-label="Giờ của hội nghị">
      <span>
        Hội nghị bắt đầu: <strong>{meeting.startTime ?? '—'}</strong>
      </span>
      <button type="button" onClick={() => stamp('start')}>
        Bắt đầu bây giờ <kbd>{MEETING_KEYS.start}</kbd>
      </button>
      <span>
        Kết thúc: <strong>{meeting.endTime ?? '—'}</strong>
        {endsNextDay(meeting.startTime, meeting.endTime) ? ' (hôm sau)' : null}
      </span>
      <button type="button" onClick={() => stamp('end')}>
        Kết thúc bây giờ <kbd>{MEETING_KEYS.end}</kbd>
      </button>
    </div>
  );
}
