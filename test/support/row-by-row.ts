// A meeting file written row by row through the editing path, as import was before the bulk path: the reference
// the bulk path is compared with (test/store/bulk.test.ts) and measured against (bench/store.ts).
import type { Store } from '../../electron/store/index.ts';

export type Json = Record<string, unknown>;
export interface RawFile {
  meeting: Json;
  sites: (Json & { key: string; attendees: (Json & { key: string })[] })[];
  agenda: (Json & { key: string })[];
  speeches: (Json & { agendaKey: string | null; speakerKey: string | null })[];
  conclusions: (Json & { agendaKey: string | null })[];
  actionItems: Json[];
  /** As in the file: a text, or (meeting file v2) a record with its text. */
  recipients: (string | Json)[];
}

/** Records of another meeting, which a reference from the written meeting must not reach. */
export function foreignRecords(store: Store) {
  const other = store.meetings.create({ title: 'Hội nghị khác' });
  const site = store.sites.add(other.id, { name: 'Điểm cầu của hội nghị khác' });
  const attendee = store.attendees.add(other.id, { siteId: site.id, fullName: 'Người của hội nghị khác' });
  const item = store.agenda.add(other.id, { title: 'Mục của hội nghị khác' });
  return { attendee: attendee.id, item: item.id };
}

/**
 * The meeting written row by row through the editing path, as import did before the bulk path: each row
 * validated by its list, every rule checked by the list. A key naming nothing in the file is sent as a
 * record of another meeting, which is what such a reference is to the editing path.
 */
export function rowByRow(store: Store, file: RawFile, foreign: { attendee: number; item: number }): number {
  return store.transaction(() => {
    const meetingId = store.meetings.create(file.meeting).id;
    const attendeeIds = new Map<string, number>();
    for (const { key: _k, attendees, ...site } of file.sites) {
      const siteId = store.sites.add(meetingId, site).id;
      for (const { key, ...attendee } of attendees) {
        const personId = typeof attendee.fullName === 'string' && attendee.fullName.trim() ? store.people.remember(attendee).id : null;
        attendeeIds.set(key, store.attendees.add(meetingId, { ...attendee, siteId, personId }).id);
      }
    }
    const agendaIds = new Map<string, number>();
    for (const { key, ...item } of file.agenda) agendaIds.set(key, store.agenda.add(meetingId, item).id);
    const agendaId = (key: string | null) => (key === null ? null : (agendaIds.get(key) ?? foreign.item));
    for (const { agendaKey, speakerKey, ...speech } of file.speeches) {
      const attendeeId = speakerKey === null ? null : (attendeeIds.get(speakerKey) ?? foreign.attendee);
      store.speeches.add(meetingId, { ...speech, agendaItemId: agendaId(agendaKey), attendeeId });
    }
    for (const { agendaKey, ...conclusion } of file.conclusions) store.conclusions.add(meetingId, { ...conclusion, agendaItemId: agendaId(agendaKey) });
    for (const item of file.actionItems) store.actionItems.add(meetingId, item);
    for (const r of file.recipients) store.recipients.add(meetingId, typeof r === 'string' ? { text: r } : r);
    return meetingId;
  });
}
