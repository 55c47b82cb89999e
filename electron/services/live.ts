// The live conference: a registered speaker's speech started with one key, the meeting's start and end
// stamped. Each is one transaction over the store's lists, whose rules (a speech that starts ends the one
// still running; times kept in step) apply as to any write.
import type { Store } from '../store/index.ts';
import { endsWhenNextStarts } from '../store/rules.ts';

/** Starts the speech of the speaker registered in entry `queueId` at `at`; returns the new speech's id. */
export function startQueued(store: Store, queueId: number, at: string): { meetingId: number; id: number } {
  return store.transaction(() => {
    const entry = store.queue.remove(queueId);
    const speech = store.speeches.add(entry.meetingId, {
      agendaItemId: entry.agendaItemId,
      attendeeId: entry.attendeeId,
      speakerName: entry.speakerName,
      startTime: at,
    });
    return { meetingId: entry.meetingId, id: speech.id };
  });
}

/** The meeting starts or ends at `at`; at its end, the last speech, if still running, ends too. */
export function stampMeeting(store: Store, meetingId: number, which: 'start' | 'end', at: string): void {
  store.transaction(() => {
    if (which === 'start') {
      store.meetings.update(meetingId, { startTime: at });
      return;
    }
    store.meetings.update(meetingId, { endTime: at });
    const last = store.speeches.list(meetingId).at(-1);
    if (last && endsWhenNextStarts(last, at)) store.speeches.update(last.id, { endTime: at });
  });
}
