// What a write changed, read back right after it (the handlers run synchronously, so nothing else
// comes in between): the lists it touched, whole and in store order, and the meeting's revision.
import type { Change, ListName } from '../../shared/api.ts';
import type { Store } from '../store/index.ts';

export function changeOf(store: Store, meetingId: number, lists: readonly ListName[], withMeeting = false): Change {
  const meeting = store.meetings.get(meetingId);
  const change: Change = { meetingId, revision: meeting.revision, lists: {} };
  if (withMeeting) change.meeting = meeting;
  for (const list of new Set(lists)) Object.assign(change.lists, { [list]: store[list].list(meetingId) });
  return change;
}
