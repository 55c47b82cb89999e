// The bulk path's merge of site reports: records of existing sites added or updated by identity, in one
// transaction, each statement prepared once, the meeting touched once. What to write was decided by the merge
// plan (electron/services/site-merge.ts) from fields the report's schema validated; the rules that span
// records are the editing path's (rules.ts): count-only sites without lists, references inside the meeting.
// A merge answers with what undoes it (the rows it added, the values it replaced), good while the meeting has not
// been written since.
import { AppError } from '../../shared/errors.ts';
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

/** What brings the meeting back to before a merge: the rows added, and the values replaced, as they were. */
export interface MergeUndo {
  meetingId: number;
  /** The meeting's revision the merge left; undo is refused once it has moved on. */
  revision: number;
  siteCounts: { siteId: number; attendeeCount: number | null }[];
  addedAttendees: number[];
  attendees: Record<string, unknown>[];
  addedSpeeches: number[];
  speeches: Record<string, unknown>[];
  /** The bases replaced: null where the record had none. */
  bases: { uuid: string; fields: string | null }[];
  /** The places of the meeting's speeches that the added ones moved. */
  speechOrds: { id: number; ord: number }[];
}

type Placed = { id: number; ord: number; start: string | null };

/**
 * One log ordered by start time: each added speech goes before the first speech that started after it, or else
 * just after the last timed one (at the end when none is timed); one without a start time at the end. The meeting's
 * own order is left as it is.
 */
function placeByTime(speeches: readonly Placed[], added: ReadonlySet<number>): Placed[] {
  const log = speeches.filter((speech) => !added.has(speech.id));
  for (const speech of speeches.filter((s) => added.has(s.id))) {
    const { start } = speech;
    let at = log.length;
    if (start !== null) {
      const later = log.findIndex((other) => other.start !== null && other.start > start);
      const lastTimed = log.findLastIndex((other) => other.start !== null);
      at = later >= 0 ? later : lastTimed >= 0 ? lastTimed + 1 : log.length;
    }
    log.splice(at, 0, speech);
  }
  return log;
}

const ATTENDEE_COLUMNS =
  'full_name = @fullName, positions = @positions, unit = @unit, category = @category, presence = @presence, ' +
  'absence_reason = @absenceReason, presence_time = @presenceTime, role = @role, is_member = @isMember';
const SPEECH_COLUMNS =
  'agenda_item_id = @agendaItemId, attendee_id = @attendeeId, speaker_name = @speakerName, ' +
  'speaker_position = @speakerPosition, speaker_site = @speakerSite, kind = @kind, start_time = @startTime, ' +
  'end_time = @endTime, duration_minutes = @durationMinutes, content = @content';

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
    baseOf: db.prepare('SELECT fields FROM merge_bases WHERE meeting_id = ? AND uuid = ?').pluck(),
    dropBase: db.prepare('DELETE FROM merge_bases WHERE meeting_id = ? AND uuid = ?'),
    attendeeRow: db.prepare(`SELECT id, full_name AS fullName, positions, unit, category, presence, absence_reason AS absenceReason,
      presence_time AS presenceTime, role, is_member AS isMember FROM attendees WHERE id = ?`),
    speechRow: db.prepare(`SELECT id, agenda_item_id AS agendaItemId, attendee_id AS attendeeId, speaker_name AS speakerName,
      speaker_position AS speakerPosition, speaker_site AS speakerSite, kind, start_time AS startTime, end_time AS endTime,
      duration_minutes AS durationMinutes, content FROM speeches WHERE id = ?`),
    restoreAttendee: db.prepare(`UPDATE attendees SET ${ATTENDEE_COLUMNS} WHERE id = @id`),
    restoreSpeech: db.prepare(`UPDATE speeches SET ${SPEECH_COLUMNS} WHERE id = @id`),
    dropAttendee: db.prepare('DELETE FROM attendees WHERE id = ? AND meeting_id = ?'),
    dropSpeech: db.prepare('DELETE FROM speeches WHERE id = ? AND meeting_id = ?'),
    revision: db.prepare('SELECT revision FROM meetings WHERE id = ?').pluck(),
    speechPlaces: db.prepare('SELECT id, ord, start_time AS start FROM speeches WHERE meeting_id = ? ORDER BY ord, id'),
    setSpeechOrd: db.prepare('UPDATE speeches SET ord = ? WHERE id = ?'),
    reportSite: db.prepare('SELECT site_id FROM report_sites WHERE meeting_id = ?').pluck(),
    bindSite: db.prepare('INSERT INTO report_sites (meeting_id, site_id) VALUES (?, ?) ON CONFLICT DO UPDATE SET site_id = excluded.site_id'),
  };

  function speechParams(meetingId: number, { agendaUuid, speakerUuid, ...value }: SpeechValues) {
    const id = (stmt: typeof sql.agendaByUuid, uuid: string | null, field: string) => {
      if (uuid === null) return null;
      const found = stmt.get(meetingId, uuid) as number | undefined;
      if (found === undefined) throw outsideMeeting('phát biểu', field);
      return found;
    };
    return {
      ...speechTiming(value),
      meetingId,
      agendaItemId: id(sql.agendaByUuid, agendaUuid, 'agendaItemId'),
      attendeeId: id(sql.attendeeByUuid, speakerUuid, 'attendeeId'),
    };
  }

  return {
    /** The bases of a meeting's merged records: uuid → the fields last agreed (JSON). */
    bases(meetingId: number): Map<string, string> {
      return new Map((sql.bases.all(meetingId) as { uuid: string; fields: string }[]).map((row) => [row.uuid, row.fields]));
    },
    /** The values sent to the sites (a package): each record's base, so that a site's first change is an update. */
    recordBases: db.transaction((meetingId: number, bases: readonly { uuid: string; fields: string }[]): void => {
      meetings.get(meetingId);
      for (const { uuid, fields } of bases) sql.base.run(meetingId, uuid, fields);
    }),
    /** The site whose report this machine makes for a meeting opened from a package, or null. */
    reportSite(meetingId: number): number | null {
      return (sql.reportSite.get(meetingId) as number | undefined) ?? null;
    },
    bindSite: db.transaction((meetingId: number, siteId: number): void => {
      if (!sql.site.get(siteId, meetingId)) throw outsideMeeting('điểm cầu', 'siteId');
      sql.bindSite.run(meetingId, siteId);
    }),
    merge: db.transaction((meetingId: number, writes: MergeWrites): MergeUndo => {
      meetings.get(meetingId);
      const undo: MergeUndo = {
        meetingId,
        revision: 0,
        siteCounts: [],
        addedAttendees: [],
        attendees: [],
        addedSpeeches: [],
        speeches: [],
        bases: [],
        speechOrds: [],
      };
      for (const { siteId, attendeeCount } of writes.siteCounts) {
        const site = sql.site.get(siteId, meetingId) as { attendee_count: number | null } | undefined;
        if (!site) throw outsideMeeting('điểm cầu', 'siteId');
        checkSiteMayCountOnly(attendeeCount, sql.siteHasAttendees.get(siteId) !== undefined);
        undo.siteCounts.push({ siteId, attendeeCount: site.attendee_count });
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
        const added = sql.addAttendee.run({ ...value, isMember: value.isMember ? 1 : 0, meetingId, siteId, ord, uuid, personId });
        undo.addedAttendees.push(Number(added.lastInsertRowid));
      }
      for (const { id, value } of writes.updateAttendees) {
        undo.attendees.push(sql.attendeeRow.get(id) as Record<string, unknown>);
        sql.updateAttendee.run({ ...value, isMember: value.isMember ? 1 : 0, id, meetingId });
      }
      let ord = sql.speechCount.get(meetingId) as number;
      for (const { uuid, value } of writes.addSpeeches) {
        const added = sql.addSpeech.run({ ...speechParams(meetingId, value), ord: ord++, uuid });
        undo.addedSpeeches.push(Number(added.lastInsertRowid));
      }
      for (const { id, value } of writes.updateSpeeches) {
        undo.speeches.push(sql.speechRow.get(id) as Record<string, unknown>);
        sql.updateSpeech.run({ ...speechParams(meetingId, value), id });
      }
      if (undo.addedSpeeches.length > 0) {
        const log = placeByTime(sql.speechPlaces.all(meetingId) as Placed[], new Set(undo.addedSpeeches));
        log.forEach((speech, ord) => {
          if (speech.ord === ord) return;
          if (!undo.addedSpeeches.includes(speech.id)) undo.speechOrds.push({ id: speech.id, ord: speech.ord });
          sql.setSpeechOrd.run(ord, speech.id);
        });
      }
      for (const { uuid, fields } of writes.bases) {
        undo.bases.push({ uuid, fields: (sql.baseOf.get(meetingId, uuid) as string | undefined) ?? null });
        sql.base.run(meetingId, uuid, fields);
      }
      touchMeeting(db, meetingId);
      undo.revision = sql.revision.get(meetingId) as number;
      return undo;
    }),
    /** Undoes a merge, in one transaction; refused once the meeting was written after it. */
    unmerge: db.transaction((undo: MergeUndo): void => {
      const { meetingId } = undo;
      meetings.get(meetingId);
      if (sql.revision.get(meetingId) !== undo.revision) {
        throw new AppError('INVALID_INPUT', 'Hội nghị đã được sửa sau khi nhập các báo cáo này, nên không hoàn tác được nữa.');
      }
      // Backwards: the values replaced last are the ones a record had before this merge.
      for (const row of [...undo.speeches].reverse()) sql.restoreSpeech.run(row);
      for (const id of undo.addedSpeeches) sql.dropSpeech.run(id, meetingId);
      for (const { id, ord } of undo.speechOrds) sql.setSpeechOrd.run(ord, id);
      for (const row of [...undo.attendees].reverse()) sql.restoreAttendee.run(row);
      for (const id of undo.addedAttendees) sql.dropAttendee.run(id, meetingId);
      for (const { siteId, attendeeCount } of [...undo.siteCounts].reverse()) sql.setCount.run(attendeeCount, siteId);
      for (const { uuid, fields } of [...undo.bases].reverse()) {
        if (fields === null) sql.dropBase.run(meetingId, uuid);
        else sql.base.run(meetingId, uuid, fields);
      }
      touchMeeting(db, meetingId);
    }),
  };
}

export type BulkMerge = ReturnType<typeof createBulkMerge>;
