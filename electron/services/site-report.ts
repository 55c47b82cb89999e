// The site report: export of one site's attendance and speeches (at the site's machine), and reading a report
// file (at the centre's). Merging reports into the meeting is site-merge.ts.
import { AppError } from '../../shared/errors.ts';
import type { Attendee, Site, Speech } from '../../shared/model/meeting.ts';
import { parseOrThrow, parseVersioned } from '../../shared/model/validate.ts';
import type { MeetingFile } from '../../shared/model/meeting-file.ts';
import {
  reportSpeech as reportSpeechSchema,
  SITE_REPORT_KIND,
  SITE_REPORT_MAX_BYTES,
  SITE_REPORT_VERSION,
  siteReportSchema,
  type ReportAttendee,
  type ReportSpeech,
  type SiteReport,
  type SpeechLog,
} from '../../shared/model/site-report.ts';
import type { Store } from '../store/index.ts';
import { writeFileAtomic } from './files.ts';
import { readJsonFile } from './json-limits.ts';
import { readMeetingFile } from './meeting-file.ts';

/** The fields of an attendee a report carries, in a fixed order (what a merge compares). */
export function reportAttendee(attendee: Attendee): ReportAttendee {
  const { uuid, fullName, positions, unit, category, presence, absenceReason, presenceTime, role, isMember } = attendee;
  return { uuid, fullName, positions, unit, category, presence, absenceReason, presenceTime, role, isMember };
}

/** A site's values as a merge compares them (its head count). */
export const siteValues = (site: Pick<Site, 'attendeeCount'>) => ({ attendeeCount: site.attendeeCount });

/** An attendee's values as a merge compares them: the report's fields, without the identity. */
export function attendeeValues(attendee: Attendee): Omit<ReportAttendee, 'uuid'> {
  const { uuid: _uuid, ...values } = reportAttendee(attendee);
  return values;
}

/** The fields of a speech a report carries; its references by identity, through the meeting's maps id → uuid. */
export function reportSpeech(speech: Speech, agenda: Map<number, string>, attendees: Map<number, string>): ReportSpeech {
  const { uuid, speakerName, speakerPosition, speakerSite, kind, startTime, endTime, durationMinutes, content } = speech;
  return {
    uuid,
    speakerName,
    speakerPosition,
    speakerSite,
    kind,
    startTime,
    endTime,
    durationMinutes,
    content,
    agendaUuid: speech.agendaItemId === null ? null : (agenda.get(speech.agendaItemId) ?? null),
    speakerUuid: speech.attendeeId === null ? null : (attendees.get(speech.attendeeId) ?? null),
  };
}

/**
 * One site's report: its head count or its attendees, and the speeches made from it (by one of its attendees,
 * or by a free-text speaker whose site is the site's name, or has no site in a meeting bound to this site).
 */
export function toSiteReport(store: Store, siteId: number, exportedAt = new Date()): SiteReport {
  const site = store.sites.get(siteId);
  const meeting = store.meetings.get(site.meetingId);
  const all = store.attendees.list(meeting.id);
  const attendees = all.filter((attendee) => attendee.siteId === siteId);
  const here = new Set(attendees.map((attendee) => attendee.id));
  const agenda = new Map(store.agenda.list(meeting.id).map((item) => [item.id, item.uuid]));
  const attendeeUuids = new Map(all.map((attendee) => [attendee.id, attendee.uuid]));
  // In a meeting opened from the package for this site, a free-text speaker without a site spoke here too.
  const bound = store.bulk.reportSite(meeting.id) === siteId;
  const speeches = store.speeches
    .list(meeting.id)
    .filter((speech) =>
      speech.attendeeId === null ? (site.name !== '' && speech.speakerSite === site.name) || (bound && speech.speakerSite === '') : here.has(speech.attendeeId),
    );
  return {
    kind: SITE_REPORT_KIND,
    version: SITE_REPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    meeting: { uuid: meeting.uuid, title: meeting.title },
    site: { uuid: site.uuid, name: site.name, attendeeCount: site.attendeeCount, attendees: attendees.map(reportAttendee) },
    speeches: speeches.map((speech) => reportSpeech(speech, agenda, attendeeUuids)),
  };
}

export function exportSiteReport(store: Store, siteId: number, target: string): void {
  writeFileAtomic(target, `${JSON.stringify(toSiteReport(store, siteId), null, 2)}\n`, store.files);
}

export function parseSiteReport(json: unknown): SiteReport {
  return parseVersioned(siteReportSchema, json, {
    kind: SITE_REPORT_KIND,
    version: SITE_REPORT_VERSION,
    expected: 'báo cáo điểm cầu',
    name: 'Báo cáo điểm cầu',
  });
}

/** The speeches of a second secretary's meeting file of the same meeting (version 2: every record named). */
export function speechLogOf(file: MeetingFile): SpeechLog {
  const meetingUuid = file.meeting.uuid;
  if (file.version < 2 || meetingUuid === undefined || file.speeches.some((speech) => speech.uuid === undefined)) {
    throw new AppError('INVALID_INPUT', 'Tệp hội nghị phiên bản cũ không có mã định danh nên không ghép được phát biểu; hãy xuất lại bằng phiên bản mới.');
  }
  const attendees = new Map(
    file.sites.flatMap((site) => site.attendees.map((a) => [a.key, { uuid: a.uuid ?? '', fullName: a.fullName, positions: a.positions, site: site.name }])),
  );
  const agenda = new Map(file.agenda.map((item) => [item.key, item.uuid ?? null]));
  const speeches = file.speeches.map(({ agendaKey, speakerKey, ...speech }) =>
    parseOrThrow(
      reportSpeechSchema,
      {
        ...speech,
        agendaUuid: agendaKey === null ? null : (agenda.get(agendaKey) ?? null),
        speakerUuid: speakerKey === null ? null : attendees.get(speakerKey)?.uuid || null,
      },
      'Tệp hội nghị không hợp lệ',
    ),
  );
  const speakers = new Map([...attendees.values()].map(({ uuid, ...who }) => [uuid, who]));
  return { kind: 'speeches', meeting: { uuid: meetingUuid, title: file.meeting.title }, speeches, speakers };
}

/** A report file, or a second secretary's meeting file (its speeches); anything else is refused. */
export function readMergeSource(path: string): SiteReport | SpeechLog {
  try {
    return readSiteReport(path);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'FILE_WRONG_KIND') throw error;
    const file = (() => {
      try {
        return readMeetingFile(path);
      } catch (inner) {
        // Neither a report nor a meeting file: the report's message.
        if (inner instanceof AppError && inner.code === 'FILE_WRONG_KIND') throw error;
        throw inner;
      }
    })();
    return speechLogOf(file);
  }
}

/** Root › site › attendees › attendee is 4 deep. */
const SITE_REPORT_MAX_DEPTH = 16;

export function readSiteReport(path: string): SiteReport {
  return parseSiteReport(readJsonFile(path, { maxBytes: SITE_REPORT_MAX_BYTES, maxDepth: SITE_REPORT_MAX_DEPTH, what: 'Báo cáo điểm cầu' }));
}
