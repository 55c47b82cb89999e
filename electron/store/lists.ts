// The ordered lists inside a meeting, with the rules that span records.
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

  return {
    sites: withOneMainSite(db, siteList),
    attendees,
    agenda: orderedList(db, { table: 'agenda_items', label: 'mục chương trình', fields: agendaItemFields }),
    speeches: orderedList(db, {
      table: 'speeches',
      label: 'phát biểu',
      fields: speechFields,
      refs: { agendaItemId: 'agenda_items', attendeeId: 'attendees' },
    }),
    conclusions: orderedList(db, {
      table: 'conclusions',
      label: 'kết luận',
      fields: conclusionFields,
      refs: { agendaItemId: 'agenda_items' },
    }),
    actionItems: orderedList(db, { table: 'action_items', label: 'nhiệm vụ', fields: actionItemFields }),
    recipients: orderedList(db, { table: 'recipients', label: 'nơi nhận', fields: recipientFields }),
  };
}

export type Lists = ReturnType<typeof createLists>;

/** Every meeting with sites has exactly one main site: the first site added, until another is chosen. */
function withOneMainSite(db: Db, sites: OrderedList<typeof siteFields>): OrderedList<typeof siteFields> {
  const clearMain = db.prepare('UPDATE sites SET is_main = 0 WHERE meeting_id = ? AND is_main = 1');
  const firstSite = db.prepare('SELECT id FROM sites WHERE meeting_id = ? ORDER BY ord LIMIT 1').pluck();
  const setMain = db.prepare('UPDATE sites SET is_main = 1 WHERE id = ?');
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
      const current = sites.get(id);
      sites.remove(id);
      const next = firstSite.get(current.meetingId);
      if (current.isMain && next !== undefined) setMain.run(next);
    }),
  };
}
