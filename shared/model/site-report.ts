// The site report (docs/meeting-file.md, "Site reports"): what the contact at one site of a meeting recorded
// there (the site's attendance, named or a head count, and the speeches made from it), for the central
// secretary to merge into the meeting. Every record is named by its identity (UUID), the meeting's included.
import * as z from 'zod';
import { attendeeFields, siteFields, speechFields } from './meeting.ts';
import { line } from './fields.ts';
import { identity } from './meeting-file.ts';

export const SITE_REPORT_KIND = 'bien-ban/site-report';
export const SITE_REPORT_VERSION = 1;
/** A site of thousands of people with hours of speeches is well under this. */
export const SITE_REPORT_MAX_BYTES = 10 * 1024 * 1024;

const required = () => identity().unwrap();

export const reportAttendee = attendeeFields.omit({ siteId: true, personId: true }).extend({ uuid: required() });
export const reportSpeech = speechFields.omit({ agendaItemId: true, attendeeId: true }).extend({
  uuid: required(),
  /** The agenda item of the meeting it was made on, or null. */
  agendaUuid: required().nullable().default(null),
  /** An attendee of this report, or null with the free-text speaker. */
  speakerUuid: required().nullable().default(null),
});

export const siteReportSchema = z
  .object({
    kind: z.literal(SITE_REPORT_KIND),
    version: z.literal(SITE_REPORT_VERSION),
    exportedAt: z.string().max(40),
    meeting: z.object({ uuid: required(), title: line(1000) }),
    site: siteFields.pick({ name: true, attendeeCount: true }).extend({
      uuid: required(),
      attendees: z.array(reportAttendee).max(20_000).default([]),
    }),
    speeches: z.array(reportSpeech).max(20_000).default([]),
  })
  .superRefine((report, ctx) => {
    const attendees = new Set<string>();
    report.site.attendees.forEach((attendee, i) => {
      if (attendees.has(attendee.uuid)) ctx.addIssue({ code: 'custom', path: ['site', 'attendees', i, 'uuid'], message: 'bị trùng với một đại biểu khác' });
      attendees.add(attendee.uuid);
    });
    if (report.site.attendeeCount !== null && attendees.size > 0) {
      ctx.addIssue({ code: 'custom', path: ['site', 'attendees'], message: 'điểm cầu chỉ ghi số lượng thì không có danh sách đại biểu' });
    }
    const speeches = new Set<string>();
    report.speeches.forEach((speech, i) => {
      if (speeches.has(speech.uuid)) ctx.addIssue({ code: 'custom', path: ['speeches', i, 'uuid'], message: 'bị trùng với một phát biểu khác' });
      speeches.add(speech.uuid);
      if (speech.speakerUuid !== null && !attendees.has(speech.speakerUuid)) {
        ctx.addIssue({ code: 'custom', path: ['speeches', i, 'speakerUuid'], message: 'không có trong danh sách đại biểu của điểm cầu' });
      }
    });
  });

export type SiteReport = z.output<typeof siteReportSchema>;
export type ReportAttendee = SiteReport['site']['attendees'][number];
export type ReportSpeech = SiteReport['speeches'][number];

/**
 * The speeches of another machine's copy of the meeting (a second secretary's meeting file, version 2): merged into
 * one log by start time, a speech the meeting has already (same identity) recognised. `speakers`: who the file's
 * attendees are, for a speaker the meeting here does not list (then kept as a free-text speaker).
 */
export interface SpeechLog {
  kind: 'speeches';
  meeting: { uuid: string; title: string };
  speeches: ReportSpeech[];
  speakers: Map<string, { fullName: string; positions: string; site: string }>;
}

/** What a merge would do with one record of a report. */
export type MergeOutcome = 'added' | 'updated' | 'conflict' | 'unchanged';
export type MergeList = 'sites' | 'attendees' | 'speeches';

export interface RecordMerge {
  list: MergeList;
  uuid: string;
  outcome: MergeOutcome;
  /** Who or what the record is, as the secretary reads it ("Trương Thị Mai", "Phát biểu lúc 14:10"). */
  label: string;
  /** The fields that differ: the central value and the site's. Empty for an addition or no change. */
  differences: { field: string; central: string; site: string }[];
}

export interface ReportMerge {
  /** The report's file name. */
  file: string;
  siteName: string;
  /** Null: the report can be merged. Otherwise why it is refused, in Vietnamese. */
  refused: string | null;
  records: RecordMerge[];
}

export interface MergePreview {
  meetingId: number;
  reports: ReportMerge[];
  totals: Record<MergeOutcome, number> & { refused: number };
  /** One line for the secretary: "3 báo cáo: 2 nhập được, 1 có khác biệt cần chọn, 0 bị từ chối." */
  summary: string;
}
