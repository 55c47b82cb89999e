// The ordered lists inside a meeting, with the rules that span records.
import type { z } from 'zod';
import type { ListName } from '../../shared/api.ts';
import {
  actionItemFields,
  agendaItemFields,
  attendeeFields,
  conclusionFields,
  queueEntryFields,
  recipientFields,
  siteFields,
  speechFields,
} from '../../shared/model/meeting.ts';
import type { Db } from './db.ts';
import {
  checkKeepsMainSite,
  checkQueueEntry,
  checkSiteMayCountOnly,
  checkSiteTakesAttendees,
  endsWhenNextStarts,
  speechTiming,
  takesMain,
  type SpeechTimes,
} from './rules.ts';
import { orderedList, type OrderedList } from './table.ts';

export function createLists(db: Db) {
  const siteHasAttendees = db.prepare('SELECT 1 FROM attendees WHERE site_id = ? LIMIT 1').pluck();
  const siteCountOnly = db.prepare('SELECT attendee_count IS NOT NULL FROM sites WHERE id = ?').pluck();

  const siteList = orderedList(db, {
    table: 'sites',
    label: 'điểm cầu',
    fields: siteFields,
    booleans: ['isMain'],
    check(next, id) {
      checkSiteMayCountOnly(next.attendeeCount, id !== null && siteHasAttendees.get(id) !== undefined);
    },
  });

  const attendeeList = orderedList(db, {
    table: 'attendees',
    label: 'đại biểu',
    fields: attendeeFields,
    scope: 'siteId',
    booleans: ['isMember'],
    refs: { siteId: 'sites' },
    check(next) {
      checkSiteTakesAttendees(siteCountOnly.get(next.siteId) === 1);
    },
  });

  const registered = db
    .prepare(
      `SELECT 1 FROM speaker_queue WHERE meeting_id = @meetingId AND agenda_item_id IS @agendaItemId
    AND (attendee_id = @attendeeId OR (attendee_id IS NULL AND @attendeeId IS NULL AND speaker_name = @speakerName)) AND id IS NOT @id`,
    )
    .pluck();
  const queue = orderedList(db, {
    table: 'speaker_queue',
    label: 'người đăng ký phát biểu',
    fields: queueEntryFields,
    refs: { agendaItemId: 'agenda_items', attendeeId: 'attendees' },
    check(next, id) {
      const { meetingId, agendaItemId, attendeeId, speakerName } = next;
      checkQueueEntry(next, registered.get({ meetingId, agendaItemId, attendeeId, speakerName, id }) !== undefined);
    },
  });
  // Entries that went with their speaker or agenda item (ON DELETE CASCADE) leave the others in contiguous order.
  const closeQueue = db.prepare(`UPDATE speaker_queue SET ord = (SELECT count(*) FROM speaker_queue q
    WHERE q.meeting_id = speaker_queue.meeting_id AND (q.ord < speaker_queue.ord OR (q.ord = speaker_queue.ord AND q.id < speaker_queue.id)))
    WHERE meeting_id = ?`);
  const afterCascade = <S extends z.ZodObject>(list: OrderedList<S>): OrderedList<S> => ({
    ...list,
    remove: db.transaction((id: number) => {
      const removed = list.remove(id);
      closeQueue.run(removed.meetingId);
      return removed;
    }),
  });

  const conclusions = orderedList(db, {
    table: 'conclusions',
    label: 'kết luận',
    fields: conclusionFields,
    refs: { agendaItemId: 'agenda_items' },
  });

  return {
    sites: afterCascade(withOneMainSite(db, siteList)),
    attendees: afterCascade(attendeeList),
    agenda: afterCascade(withOwnConclusions(db, orderedList(db, { table: 'agenda_items', label: 'mục chương trình', fields: agendaItemFields }), conclusions)),
    speeches: withRunningSpeechEnded(
      db,
      orderedList(db, {
        table: 'speeches',
        label: 'phát biểu',
        fields: speechFields,
        refs: { agendaItemId: 'agenda_items', attendeeId: 'attendees' },
        derive: (value, changed) => speechTiming(value, changed),
      }),
    ),
    conclusions,
    actionItems: orderedList(db, { table: 'action_items', label: 'nhiệm vụ', fields: actionItemFields }),
    recipients: orderedList(db, { table: 'recipients', label: 'nơi nhận', fields: recipientFields }),
    queue,
  };
}

export type Lists = ReturnType<typeof createLists>;

/**
 * The lists whose rows change when a row of a list is removed: attendees go with their site, a removed
 * speaker's name is written into their speeches, an agenda item takes its conclusions and leaves its
 * speeches without an item; speakers registered to speak go with their agenda item or themselves.
 */
export const REMOVAL_CHANGES = {
  sites: ['attendees', 'speeches', 'queue'],
  attendees: ['speeches', 'queue'],
  agenda: ['speeches', 'conclusions', 'queue'],
  speeches: [],
  conclusions: [],
  actionItems: [],
  recipients: [],
  queue: [],
} as const satisfies Record<keyof Lists, readonly ListName[]>;

/**
 * Every meeting with sites has exactly one main site: the first site added, until another is chosen.
 * A site goes with its attendees, whose speeches keep their name, position and site.
 */
function withOneMainSite(db: Db, sites: OrderedList<typeof siteFields>): OrderedList<typeof siteFields> {
  const clearMain = db.prepare('UPDATE sites SET is_main = 0 WHERE meeting_id = ? AND is_main = 1');
  const firstSite = db.prepare('SELECT id FROM sites WHERE meeting_id = ? ORDER BY ord LIMIT 1').pluck();
  const setMain = db.prepare('UPDATE sites SET is_main = 1 WHERE id = ?');
  // Removed before their site, so that their speeches keep the site's name (the trigger reads it).
  const removeAttendees = db.prepare('DELETE FROM attendees WHERE site_id = ?');
  const asObject = (input: unknown): Record<string, unknown> => (typeof input === 'object' && input !== null ? { ...input } : {});

  return {
    ...sites,
    add: db.transaction((meetingId: number, input: unknown, position?: number) => {
      const value = asObject(input);
      const main = takesMain(firstSite.get(meetingId) !== undefined, value.isMain === true);
      if (main) clearMain.run(meetingId);
      return sites.add(meetingId, { ...value, isMain: main }, position);
    }),
    update: db.transaction((id: number, patch: unknown) => {
      const current = sites.get(id);
      const value = asObject(patch);
      checkKeepsMainSite(current.isMain, value.isMain);
      if (value.isMain === true && !current.isMain) clearMain.run(current.meetingId);
      return sites.update(id, value);
    }),
    remove: db.transaction((id: number) => {
      sites.get(id);
      removeAttendees.run(id);
      const current = sites.remove(id);
      const next = firstSite.get(current.meetingId);
      if (current.isMain && next !== undefined) setMain.run(next);
      return current;
    }),
  };
}

/** An agenda item's own conclusions go with it (kept, they would read as the overall conclusion). */
function withOwnConclusions(
  db: Db,
  agenda: OrderedList<typeof agendaItemFields>,
  conclusions: OrderedList<typeof conclusionFields>,
): OrderedList<typeof agendaItemFields> {
  const ownConclusions = db.prepare('SELECT id FROM conclusions WHERE agenda_item_id = ?').pluck();
  return {
    ...agenda,
    remove: db.transaction((id: number) => {
      for (const conclusion of ownConclusions.all(id) as number[]) conclusions.remove(conclusion);
      return agenda.remove(id);
    }),
  };
}

/**
 * Live timing: a speech that starts (added last with a start time, or the last one given its first start time)
 * ends the speech before it if that one is still running, at the time this one starts.
 */
function withRunningSpeechEnded(db: Db, speeches: OrderedList<typeof speechFields>): OrderedList<typeof speechFields> {
  const lastOrd = db.prepare('SELECT max(ord) FROM speeches WHERE meeting_id = ?').pluck();
  const before = db.prepare(
    'SELECT id, start_time AS startTime, end_time AS endTime, duration_minutes AS durationMinutes FROM speeches WHERE meeting_id = ? AND ord = ?',
  );
  // Only the start time: a speech's whole row (its text may run to tens of thousands of characters) is read by the update itself.
  const startTime = db.prepare('SELECT start_time FROM speeches WHERE id = ?').pluck();
  const endPrevious = (speech: { meetingId: number; ord: number; startTime: string | null }) => {
    if (speech.startTime === null || speech.ord === 0 || lastOrd.get(speech.meetingId) !== speech.ord) return;
    const previous = before.get(speech.meetingId, speech.ord - 1) as (SpeechTimes & { id: number }) | undefined;
    if (previous && endsWhenNextStarts(previous, speech.startTime)) speeches.update(previous.id, { endTime: speech.startTime });
  };
  return {
    ...speeches,
    add: db.transaction((meetingId: number, input: unknown, position?: number) => {
      const added = speeches.add(meetingId, input, position);
      endPrevious(added);
      return added;
    }),
    update: db.transaction((id: number, patch: unknown) => {
      const started = startTime.get(id) === null;
      const updated = speeches.update(id, patch);
      if (started) endPrevious(updated);
      return updated;
    }),
  };
}
