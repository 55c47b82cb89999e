// The bulk path's merge of site reports: records of existing sites added or updated by identity, in one
// transaction, each statement prepared once, the meeting touched once. What to write was decided by the merge
// plan (electron/services/site-merge.ts) from fields the report's schema validated; the rules that span
// records are the editing path's (rules.ts): count-only sites without lists, references inside the meeting.
import type { ReportAttendee, ReportSpeech } from '../../shared/model/site-report.ts';
import type { Db } from './db.ts';
import type { Meetings } from './meetings.ts';
import type { People } from './people.ts';
import { checkSiteMayCountOnly, checkSiteTakesAttendees, outsideMeeting, speechTiming } from './rules.ts';
import { touchMeeting } from './table.ts';

type AttendeeValues = Omit<ReportAttendee, 'uuid'>;
type SpeechValues = Omit<ReportSpeech, 'uuid'>;

export interface MergeWrites {
  /** A site's head count (null: its attendees are listed by name). */
  siteCounts: { siteId: number; attendeeCount: number | null }[];
  addAttendees: { siteId: number; uuid: string; value: AttendeeValues }[];
  updateAttendees: { id: number; value: AttendeeValues }[];
  /** Speeches refer to attendees and agenda items by identity: those of the meeting, or added with them. */
  addSpeeches: { uuid: string; value: SpeechValues }[];
  updateSpeeches: { id: number; value: SpeechValues }[];
  /** The values now agreed with a site for each record merged: the base of the next merge. */
  bases: { uuid: string; fields: string }[];
}

const ATTENDEE_COLUMNS = 'full_name = @fullName, positions = @positions, unit = @unit, category = @category, presence = @presence, '
  + 'absence_reason = @absenceReason, presence_time = @presenceTime, role = @role, is_member = @isMember';
const SPEECH_COLUMNS = 'agenda_item_id = @agendaItemId, attendee_id = @attendeeId, speaker_name = @speakerName, '
  + 'speaker_position = @speakerPosition, speaker_site = @speakerSite, kind = @kind, start_time = @startTime, '
  + 'end_time = @endTime, duration_minutes = @durationMinutes, content = @content';

export function createBulkMerge(db: Db, meetings: Meetings, people: People) {
  const sql = {
    site: db.prepare('SELECT attendee_count FROM sites WHERE id = ? AND meeting_id = ?'),
    siteHasAttendees: db.prepare('SELECT 1 FROM attendees WHERE site_id = ? LIMIT 1').pluck(),
    setCount: db.prepare('UPDATE sites SET attendee_count = ? WHERE id = ?'),
    siteSize: db.prepare('SELECT count(*) FROM attendees WHERE site_id = ?').pluck(),
    addAttendee: db.prepare(`INSERT INTO attendees (meeting_id, site_id, ord, uuid, person_id, full_name, positions, unit, category,
      presence, absence_reason, presence_time, role, is_member) VALUES (@meetingId, @siteId, @ord, @uuid, @personId, @fullName, @positions, @unit,
      @category, @presence, @absenceReason, @presenceTime, @role, @isMember)`),
    updateAttendee: db.prepare(`UPDATE attendees SET ${ATTENDEE_COLUMNS} WHERE id = @id AND meeting_id = @meetingId`),
    attendeeByUuid: db.prepare('SELECT id FROM attendees WHERE meeting_id = ? AND uuid = ?').pluck(),
    agendaByUuid: db.prepare('SELECT id FROM agenda_items WHERE meeting_id = ? AND uuid = ?').pluck(),
    speechCount: db.prepare('SELECT count(*) FROM speeches WHERE meeting_id = ?').pluck(),
    addSpeech: db.prepare(`INSERT INTO speeches (meeting_id, ord, uuid, agenda_item_id, attendee_id, speaker_name, speaker_position,
      speaker_site, kind, start_time, end_time, duration_minutes, content) VALUES (@meetingId, @ord, @uuid, @agendaItemId, @attendeeId, @speakerName,
      @speakerPosition, @speakerSite, @kind, @startTime, @endTime, @durationMinutes, @content)`),
    updateSpeech: db.prepare(`UPDATE speeches SET ${SPEECH_COLUMNS} WHERE id = @id AND meeting_id = @meetingId`),
    base: db.prepare('INSERT INTO merge_bases (meeting_id, uuid, fields) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET fields = excluded.fields'),
    bases: db.prepare('SELECT uuid, fields FROM merge_bases WHERE meeting_id = ?'),
  };

  function speechParams(meetingId: number, { agendaUuid, speakerUuid, ...value }: SpeechValues) {
    const id = (stmt: typeof sql.agendaByUuid, uuid: string | null, field: string) => {
      if (uuid === null) return null;
      const found = stmt.get(meetingId, uuid) as number | undefined;
      if (found === undefined) throw outsideMeeting('phát biểu', field);
      return found;
    };
    return {
      ...speechTiming(value), meetingId,
      agendaItemId: id(sql.agendaByUuid, agendaUuid, 'agendaItemId'),
      attendeeId: id(sql.attendeeByUuid, speakerUuid, 'attendeeId'),
    };
  }

  return {
    /** The bases of a meeting's merged records: uuid → the fields last agreed (JSON). */
    bases(meetingId: number): Map<string, string> {
      return new Map((sql.bases.all(meetingId) as { uuid: string; fields: string }[]).map((row) => [row.uuid, row.fields]));
    },
    merge: db.transaction((meetingId: number, writes: MergeWrites): void => {
      meetings.get(meetingId);
      for (const { siteId, attendeeCount } of writes.siteCounts) {
        if (!sql.site.get(siteId, meetingId)) throw outsideMeeting('điểm cầu', 'siteId');
        checkSiteMayCountOnly(attendeeCount, sql.siteHasAttendees.get(siteId) !== undefined);
        sql.setCount.run(attendeeCount, siteId);
      }
      const sizes = new Map<number, number>();
      for (const { siteId, uuid, value } of writes.addAttendees) {
        const site = sql.site.get(siteId, meetingId) as { attendee_count: number | null } | undefined;
        if (!site) throw outsideMeeting('đại biểu', 'siteId');
        checkSiteTakesAttendees(site.attendee_count !== null);
        const ord = sizes.get(siteId) ?? (sql.siteSize.get(siteId) as number);
        sizes.set(siteId, ord + 1);
        const personId = value.fullName ? people.rememberValid(value).id : null;
        sql.addAttendee.run({ ...value, isMember: value.isMember ? 1 : 0, meetingId, siteId, ord, uuid, personId });
      }
      for (const { id, value } of writes.updateAttendees) sql.updateAttendee.run({ ...value, isMember: value.isMember ? 1 : 0, id, meetingId });
      let ord = sql.speechCount.get(meetingId) as number;
      for (const { uuid, value } of writes.addSpeeches) sql.addSpeech.run({ ...speechParams(meetingId, value), ord: ord++, uuid });
      for (const { id, value } of writes.updateSpeeches) sql.updateSpeech.run({ ...speechParams(meetingId, value), id });
      for (const { uuid, fields } of writes.bases) sql.base.run(meetingId, uuid, fields);
      touchMeeting(db, meetingId);
    }),
  };
}

export type BulkMerge = ReturnType<typeof createBulkMerge>;
