// Removing a row of a meeting's list so that it can be brought back (Hoàn tác): the row, where it
// stood, and what pointed at it (the speeches of a removed attendee, the speeches and conclusions of
// a removed agenda item). A site is not brought back: its attendees go with it, after a confirmation.
import type { ListName } from '../../shared/api.ts';
import { AppError } from '../../shared/errors.ts';
import type { Store } from '../store/index.ts';

type Values = Record<string, unknown>;

export interface RemovedRow {
  list: Exclude<ListName, 'sites'>;
  meetingId: number;
  ord: number;
  values: Values;
  /** Speeches that pointed at the row, with the fields the removal changed, as they were. */
  speeches: { id: number; before: Values }[];
  /** Conclusions removed with an agenda item. */
  conclusions: { ord: number; values: Values }[];
}

const fieldsOf = ({ id: _i, meetingId: _m, ord: _o, ...values }: { id: number; meetingId: number; ord: number }): Values => values;

/** Removes a row; returns it as it was and, except for a site, what brings it back. */
export function removeRow(store: Store, list: ListName, id: number): { meetingId: number; restorable: RemovedRow | null } {
  return store.transaction(() => {
    const row = store[list].get(id);
    const speeches = store.speeches.list(row.meetingId);
    const snapshot: RemovedRow | null =
      list === 'sites'
        ? null
        : {
            list,
            meetingId: row.meetingId,
            ord: row.ord,
            values: fieldsOf(row),
            speeches:
              list === 'attendees'
                ? speeches
                    .filter((s) => s.attendeeId === id)
                    .map((s) => ({ id: s.id, before: { speakerName: s.speakerName, speakerPosition: s.speakerPosition, speakerSite: s.speakerSite } }))
                : list === 'agenda'
                  ? speeches.filter((s) => s.agendaItemId === id).map((s) => ({ id: s.id, before: {} }))
                  : [],
            conclusions:
              list === 'agenda'
                ? store.conclusions
                    .list(row.meetingId)
                    .filter((c) => c.agendaItemId === id)
                    .map((c) => ({ ord: c.ord, values: fieldsOf(c) }))
                : [],
          };
    store[list].remove(id);
    return { meetingId: row.meetingId, restorable: snapshot };
  });
}

/** Puts a removed row back at its place and points its speeches (and conclusions) at it again; returns its new id. */
export function restoreRow(store: Store, removed: RemovedRow): number {
  return store.transaction(() => {
    const siteId = removed.values.siteId;
    if (removed.list === 'attendees' && typeof siteId === 'number' && !store.sites.find(siteId)) {
      throw new AppError('NOT_FOUND', 'Không khôi phục được đại biểu: điểm cầu của đại biểu đã bị xóa.');
    }
    const { id } = store[removed.list].add(removed.meetingId, removed.values, removed.ord);
    const link = removed.list === 'attendees' ? 'attendeeId' : 'agendaItemId';
    for (const speech of removed.speeches) {
      if (store.speeches.find(speech.id)) store.speeches.update(speech.id, { ...speech.before, [link]: id });
    }
    for (const conclusion of removed.conclusions) store.conclusions.add(removed.meetingId, { ...conclusion.values, agendaItemId: id }, conclusion.ord);
    return id;
  });
}
