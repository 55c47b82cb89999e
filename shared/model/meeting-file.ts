// The portable meeting file (docs/meeting-file.md): one whole meeting, people included, references by key.
import * as z from 'zod';
import { actionItemFields, agendaItemFields, attendeeFields, conclusionFields, meetingFields, recipientFields, siteFields, speechFields } from './meeting.ts';

export const MEETING_FILE_KIND = 'bien-ban/meeting';
/** The version written; every version from 1 up to it is read (1 had no identities: they are given on import). */
export const MEETING_FILE_VERSION = 2;
/** A national conference with thousands of sites is a few MB; anything far larger is not a meeting file. */
export const MEETING_FILE_MAX_BYTES = 50 * 1024 * 1024;

const key = () => z.string().min(1).max(50);
/** A record's stable identity (version 2): kept on import; a record without one gets a new one. */
export const identity = () =>
  z
    .uuid()
    .transform((uuid) => uuid.toLowerCase())
    .optional();

export const fileAttendee = attendeeFields.omit({ siteId: true, personId: true }).extend({ key: key(), uuid: identity() });
export const fileSite = siteFields.extend({
  key: key(),
  uuid: identity(),
  attendees: z.array(fileAttendee).max(20_000).default([]),
});
export const fileAgendaItem = agendaItemFields.extend({ key: key(), uuid: identity() });
export const fileSpeech = speechFields.omit({ agendaItemId: true, attendeeId: true }).extend({
  uuid: identity(),
  agendaKey: key().nullable().default(null),
  speakerKey: key().nullable().default(null),
});
export const fileConclusion = conclusionFields.omit({ agendaItemId: true }).extend({
  uuid: identity(),
  agendaKey: key().nullable().default(null),
});
export const fileActionItem = actionItemFields.extend({ uuid: identity() });
/** Version 1 wrote a recipient as its text; version 2 as a record with its identity. Both are read. */
export const fileRecipient = z.preprocess((value) => (typeof value === 'string' ? { text: value } : value), recipientFields.extend({ uuid: identity() }));

type Identified = { uuid?: string | undefined };
/** Two records of one list with the same identity would be one record on another machine. */
function uniqueIdentities(ctx: z.RefinementCtx, list: string, records: readonly Identified[], paths?: readonly (string | number)[][]) {
  const seen = new Set<string>();
  records.forEach((record, i) => {
    if (record.uuid === undefined) return;
    if (seen.has(record.uuid)) ctx.addIssue({ code: 'custom', path: [...(paths?.[i] ?? [list, i]), 'uuid'], message: 'bị trùng với một mục khác' });
    seen.add(record.uuid);
  });
}

export const meetingFileSchema = z
  .object({
    kind: z.literal(MEETING_FILE_KIND),
    version: z.literal([1, MEETING_FILE_VERSION]),
    exportedAt: z.string().max(40),
    meeting: meetingFields.extend({ uuid: identity() }),
    sites: z.array(fileSite).max(20_000).default([]),
    agenda: z.array(fileAgendaItem).max(1_000).default([]),
    speeches: z.array(fileSpeech).max(20_000).default([]),
    conclusions: z.array(fileConclusion).max(5_000).default([]),
    actionItems: z.array(fileActionItem).max(5_000).default([]),
    recipients: z.array(fileRecipient).max(200).default([]),
  })
  .superRefine((file, ctx) => {
    uniqueIdentities(ctx, 'sites', file.sites);
    uniqueIdentities(
      ctx,
      'attendees',
      file.sites.flatMap((site) => site.attendees),
      file.sites.flatMap((site, s) => site.attendees.map((_, a) => ['sites', s, 'attendees', a])),
    );
    for (const list of ['agenda', 'speeches', 'conclusions', 'actionItems', 'recipients'] as const) uniqueIdentities(ctx, list, file[list]);
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
