// The portable meeting file (docs/meeting-file.md): one whole meeting, people included, references by key.
import * as z from 'zod';
import {
  actionItemFields, agendaItemFields, attendeeFields, conclusionFields, meetingFields, recipientFields, siteFields, speechFields,
} from './meeting.ts';

export const MEETING_FILE_KIND = 'bien-ban/meeting';
export const MEETING_FILE_VERSION = 1;
/** A national conference with thousands of sites is a few MB; anything far larger is not a meeting file. */
export const MEETING_FILE_MAX_BYTES = 50 * 1024 * 1024;

const key = () => z.string().min(1).max(50);

export const fileAttendee = attendeeFields.omit({ siteId: true, personId: true }).extend({ key: key() });
export const fileSite = siteFields.extend({ key: key(), attendees: z.array(fileAttendee).max(20_000).default([]) });
export const fileAgendaItem = agendaItemFields.extend({ key: key() });
export const fileSpeech = speechFields.omit({ agendaItemId: true, attendeeId: true }).extend({
  agendaKey: key().nullable().default(null),
  speakerKey: key().nullable().default(null),
});
export const fileConclusion = conclusionFields.omit({ agendaItemId: true }).extend({
  agendaKey: key().nullable().default(null),
});

export const meetingFileSchema = z.object({
  kind: z.literal(MEETING_FILE_KIND),
  version: z.literal(MEETING_FILE_VERSION),
  exportedAt: z.string().max(40),
  meeting: meetingFields,
  sites: z.array(fileSite).max(20_000).default([]),
  agenda: z.array(fileAgendaItem).max(1_000).default([]),
  speeches: z.array(fileSpeech).max(20_000).default([]),
  conclusions: z.array(fileConclusion).max(5_000).default([]),
  actionItems: z.array(actionItemFields).max(5_000).default([]),
  recipients: z.array(recipientFields.shape.text).max(200).default([]),
}).superRefine((file, ctx) => {
  // The file's own integrity: keys unique and naming records of the file, at most one main site. The store's
  // rules (count-only sites, times, …) are checked where the file is written, by the bulk path.
  const attendeeKeys = new Set<string>();
  const siteKeys = new Set<string>();
  file.sites.forEach((site, s) => {
    if (siteKeys.has(site.key)) ctx.addIssue({ code: 'custom', path: ['sites', s, 'key'], message: 'bị trùng với một điểm cầu khác' });
    siteKeys.add(site.key);
    site.attendees.forEach((attendee, a) => {
      if (attendeeKeys.has(attendee.key)) {
        ctx.addIssue({ code: 'custom', path: ['sites', s, 'attendees', a, 'key'], message: 'bị trùng với một đại biểu khác' });
      }
      attendeeKeys.add(attendee.key);
    });
  });
  if (file.sites.filter((site) => site.isMain).length > 1) {
    ctx.addIssue({ code: 'custom', path: ['sites'], message: 'chỉ được có một điểm cầu chính' });
  }
  const agendaKeys = new Set(file.agenda.map((item) => item.key));
  if (agendaKeys.size !== file.agenda.length) ctx.addIssue({ code: 'custom', path: ['agenda'], message: 'có mã bị trùng' });
  file.speeches.forEach((speech, i) => {
    if (speech.speakerKey !== null && !attendeeKeys.has(speech.speakerKey)) {
      ctx.addIssue({ code: 'custom', path: ['speeches', i, 'speakerKey'], message: 'không có trong danh sách đại biểu' });
    }
    if (speech.agendaKey !== null && !agendaKeys.has(speech.agendaKey)) {
      ctx.addIssue({ code: 'custom', path: ['speeches', i, 'agendaKey'], message: 'không có trong chương trình' });
    }
  });
  file.conclusions.forEach((conclusion, i) => {
    if (conclusion.agendaKey !== null && !agendaKeys.has(conclusion.agendaKey)) {
      ctx.addIssue({ code: 'custom', path: ['conclusions', i, 'agendaKey'], message: 'không có trong chương trình' });
    }
  });
});

export type MeetingFile = z.output<typeof meetingFileSchema>;
