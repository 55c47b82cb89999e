// Whole-meeting operations built on the repositories.
import { AppError } from '../../shared/errors.ts';
import type { Attendee, MeetingRecord } from '../../shared/model/meeting.ts';
import { sortByName } from '../../shared/vietnamese/collate.ts';
import type { Store } from '../store/index.ts';

export function getMeetingRecord(store: Store, id: number): MeetingRecord {
  return {
    meeting: store.meetings.get(id),
    sites: store.sites.list(id),
    attendees: store.attendees.list(id),
    agenda: store.agenda.list(id),
    speeches: store.speeches.list(id),
    conclusions: store.conclusions.list(id),
    actionItems: store.actionItems.list(id),
    recipients: store.recipients.list(id),
    queue: store.queue.list(id),
  };
}

export interface NewMeetingOptions {
  /** Copy the sites and attendees (everyone marked present again) of this earlier meeting. */
  copyFrom?: number;
}

/** A new meeting, filled with the organisation's defaults; what `input` gives wins. */
export function createMeeting(store: Store, input: Record<string, unknown> = {}, options: NewMeetingOptions = {}): number {
  return store.transaction(() => {
    const profile = store.profile.get();
    const meeting = store.meetings.create({
      format: profile.defaultFormat,
      term: profile.currentTerm,
      minuteTakerName: profile.defaultMinuteTaker,
      minuteTakerPosition: profile.defaultMinuteTakerPosition,
      ...input,
    });
    if (options.copyFrom !== undefined) copySitesAndAttendees(store, options.copyFrom, meeting.id);
    return meeting.id;
  });
}

function copySitesAndAttendees(store: Store, fromId: number, toId: number): void {
  // A meeting that does not exist, or has nothing to copy, is an error, not an empty copy.
  const from = store.meetings.get(fromId);
  const sites = store.sites.list(fromId);
  if (sites.length === 0) {
    throw new AppError('INVALID_INPUT', `Không sao chép được: hội nghị “${from.title || '(Chưa có tên)'}” chưa có điểm cầu và thành phần nào.`);
  }
  const bySite = new Map<number, Attendee[]>();
  for (const attendee of store.attendees.list(fromId)) {
    const list = bySite.get(attendee.siteId);
    if (list) list.push(attendee);
    else bySite.set(attendee.siteId, [attendee]);
  }
  store.bulk.append(toId, {
    sites: sites.map(({ id, meetingId: _m, ord: _o, uuid: _u, ...site }) => ({
      ...site,
      key: String(id),
      attendees: (bySite.get(id) ?? []).map(({ id: person, meetingId: _mm, ord: _oo, siteId: _s, uuid: _uu, ...attendee }) => ({
        ...attendee,
        key: String(person),
        presence: 'present' as const,
        absenceReason: '',
        presenceTime: null,
      })),
    })),
  });
}

/** Marks everyone listed at a site present, clearing reasons and times. */
export function markAllPresent(store: Store, siteId: number): Attendee[] {
  return store.transaction(() => {
    const site = store.sites.get(siteId);
    return store.attendees
      .list(site.meetingId)
      .filter((attendee) => attendee.siteId === siteId)
      .map((attendee) =>
        attendee.presence === 'present' && !attendee.absenceReason && attendee.presenceTime === null
          ? attendee
          : store.attendees.update(attendee.id, { presence: 'present', absenceReason: '', presenceTime: null }),
      );
  });
}

/** Stores a site's attendees in Vietnamese order of full name or of given name; returns them in that order. */
export function sortAttendees(store: Store, siteId: number, order: 'full' | 'given'): Attendee[] {
  return store.transaction(() => {
    const site = store.sites.get(siteId);
    const listed = store.attendees.list(site.meetingId).filter((attendee) => attendee.siteId === siteId);
    sortByName(listed, (attendee) => attendee.fullName, order).forEach((attendee, index) => store.attendees.move(attendee.id, index));
    return store.attendees.list(site.meetingId).filter((attendee) => attendee.siteId === siteId);
  });
}
