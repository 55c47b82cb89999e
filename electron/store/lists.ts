// The ordered lists inside a meeting, with the rules that span records.
import type { ListName } from '../../shared/api.ts';
import {
  actionItemFields, agendaItemFields, attendeeFields, conclusionFields, recipientFields, siteFields, speechFields,
} from '../../shared/model/meeting.ts';
import type { Db } from './db.ts';
import { checkKeepsMainSite, checkSiteMayCountOnly, checkSiteTakesAttendees, takesMain } from './rules.ts';
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

  const attendees = orderedList(db, {
    table: 'attendees',
    label: 'đại biểu',
    fields: attendeeFields,
    scope: 'siteId',
    refs: { siteId: 'sites' },
    check(next) {
      checkSiteTakesAttendees(siteCountOnly.get(next.siteId) === 1);
    },
  });

  const conclusions = orderedList(db, {
    table: 'conclusions',
    label: 'kết luận',
    fields: conclusionFields,
    refs: { agendaItemId: 'agenda_items' },
  });

  return {
    sites: withOneMainSite(db, siteList),
    attendees,
    agenda: withOwnConclusions(db, orderedList(db, { table: 'agenda_items', label: 'mục chương trình', fields: agendaItemFields }), conclusions),
    speeches: orderedList(db, {
      table: 'speeches',
      label: 'phát biểu',
      fields: speechFields,
      refs: { agendaItemId: 'agenda_items', attendeeId: 'attendees' },
    }),
    conclusions,
    actionItems: orderedList(db, { table: 'action_items', label: 'nhiệm vụ', fields: actionItemFields }),
    recipients: orderedList(db, { table: 'recipients', label: 'nơi nhận', fields: recipientFields }),
  };
}

export type Lists = ReturnType<typeof createLists>;

/**
 * The lists whose rows change when a row of a list is removed: attendees go with their site, a removed
 * speaker's name is written into their speeches, an agenda item takes its conclusions and leaves its
 * speeches without an item.
 */
export const REMOVAL_CHANGES = {
  sites: ['attendees', 'speeches'],
  attendees: ['speeches'],
  agenda: ['speeches', 'conclusions'],
  speeches: [],
  conclusions: [],
  actionItems: [],
  recipients: [],
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
  db: Db, agenda: OrderedList<typeof agendaItemFields>, conclusions: OrderedList<typeof conclusionFields>,
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
