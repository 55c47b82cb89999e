// The meeting's start and end, stamped with one key (Alt+Home, Alt+End: MeetingEditor) or a button: the
// store writes the time, and at the end also ends a speech still running.
import { useCallback } from 'react';
import { errorMessage } from '../../api.ts';
import { useToast } from '../../context.tsx';
import { nowClock } from '../../lib/format.ts';
import { useEditor } from './meeting-state.tsx';
import { MEETING_KEYS } from './shortcuts.ts';

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
      stampMeeting(which, at).then(
        () => toast({ text: `Đã ghi ${what} hội nghị: ${at}${before && before !== at ? ` (trước đó ${before})` : ''}.` }),
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
      </span>
      <button type="button" onClick={() => stamp('end')}>
        Kết thúc bây giờ <kbd>{MEETING_KEYS.end}</kbd>
      </button>
    </div>
  );
}
