// What a secretary records. Each schema validates and normalises input; the types follow from them.
import * as z from 'zod';
import { clockTime, count, documentNumber, id, isoDate, line, paragraphs } from './fields.ts';

export const FORMATS = ['party', 'state'] as const;
export const MODES = ['in_person', 'online', 'mixed'] as const;
export const CONFIDENTIALITY = ['none', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export const STATUSES = ['draft', 'final'] as const;
export const SITE_LEVELS = ['central', 'province', 'district', 'commune', 'other'] as const;
export const CATEGORIES = ['delegate', 'guest', 'press', 'staff'] as const;
export const PRESENCE = ['present', 'absent_excused', 'absent_unexcused', 'late', 'left_early'] as const;
export const ROLES = ['member', 'chair', 'site_chair'] as const;
export const SPEECH_KINDS = ['report', 'contribution', 'speech', 'explanation', 'direction'] as const;

export type Format = (typeof FORMATS)[number];
export type Mode = (typeof MODES)[number];
export type Confidentiality = (typeof CONFIDENTIALITY)[number];
export type SiteLevel = (typeof SITE_LEVELS)[number];
export type Category = (typeof CATEGORIES)[number];
export type Presence = (typeof PRESENCE)[number];
export type Role = (typeof ROLES)[number];
export type SpeechKind = (typeof SPEECH_KINDS)[number];

export const profileFields = z.object({
  superiorBody: line(300),
  issuingBody: line(300),
  abbreviation: line(30),
  placeName: line(100),
  defaultFormat: z.enum(FORMATS).default('party'),
  defaultMinuteTaker: line(200),
  defaultMinuteTakerPosition: line(500),
  currentTerm: line(50),
  /** Who signs the thông báo kết luận: authority ("T/L BAN THƯỜNG VỤ"), position ("CHÁNH VĂN PHÒNG"), name. */
  noticeSignerAuthority: line(200),
  noticeSignerPosition: line(200),
  noticeSignerName: line(200),
});

export const meetingFields = z.object({
  kind: line(200),
  title: line(1000),
  format: z.enum(FORMATS).default('party'),
  term: line(50),
  number: documentNumber(),
  noticeNumber: documentNumber(),
  /** The day the thông báo kết luận is issued; empty: the day it is exported. */
  noticeDate: isoDate(),
  date: isoDate(),
  startTime: clockTime(),
  endTime: clockTime(),
  venue: line(1000),
  mode: z.enum(MODES).default('in_person'),
  content: paragraphs(20_000),
  documents: paragraphs(20_000),
  confidentiality: z.enum(CONFIDENTIALITY).default('none'),
  minuteTakerName: line(200),
  minuteTakerPosition: line(500),
  /** The minutes were read out and approved before the meeting closed ("Biên bản đã được thông qua trước hội nghị"). */
  minutesApproved: z.boolean().default(false),
  status: z.enum(STATUSES).default('draft'),
  /** What the members of the body meeting are called ("Ủy viên Ban Thường vụ Tỉnh ủy"); used once attendees are marked members. */
  memberTitle: line(200),
});

export const siteFields = z.object({
  name: line(300),
  location: line(300),
  level: z.enum(SITE_LEVELS).default('other'),
  isMain: z.boolean().default(false),
  /** Null: the site lists its attendees by name. A number: only a head count is recorded. */
  attendeeCount: count().nullable().default(null),
});

export const personFields = z.object({
  fullName: line(200),
  positions: line(1000),
  unit: line(300),
});

export const attendeeFields = personFields.extend({
  siteId: id(),
  personId: id().nullable().default(null),
  category: z.enum(CATEGORIES).default('delegate'),
  presence: z.enum(PRESENCE).default('present'),
  absenceReason: line(500),
  /** Arrival time when late, departure time when leaving early. */
  presenceTime: clockTime(),
  role: z.enum(ROLES).default('member'),
  /** A member of the body holding the meeting (a cấp ủy, a ban thường vụ, a council): counted for the quorum. */
  isMember: z.boolean().default(false),
});

export const agendaItemFields = z.object({
  title: line(1000),
  presenter: line(500),
});

export const speechFields = z.object({
  agendaItemId: id().nullable().default(null),
  /** The speaker when on the attendee list; otherwise the free-text name, position and site below. */
  attendeeId: id().nullable().default(null),
  speakerName: line(200),
  speakerPosition: line(1000),
  speakerSite: line(300),
  kind: z.enum(SPEECH_KINDS).default('contribution'),
  /** When the speech started (HH:MM), stamped when it starts. */
  startTime: clockTime(),
  /** When it ended (HH:MM), stamped when the next speech starts or when it is marked ended. */
  endTime: clockTime(),
  /** Minutes spoken: end − start whenever both are known (the store keeps them in step), otherwise as typed. */
  durationMinutes: count(24 * 60)
    .nullable()
    .default(null),
  content: paragraphs(),
});

/** One speaker registered to speak on an agenda item (đăng ký phát biểu): an attendee, or a name not on the list. */
export const queueEntryFields = z.object({
  /** Null: the speakers registered outside any agenda item. */
  agendaItemId: id().nullable().default(null),
  attendeeId: id().nullable().default(null),
  speakerName: line(200),
});

export const conclusionFields = z.object({
  /** Null: the overall conclusion of the meeting. */
  agendaItemId: id().nullable().default(null),
  content: paragraphs(),
  voteFor: count().nullable().default(null),
  voteAgainst: count().nullable().default(null),
  voteOther: count().nullable().default(null),
});

export const actionItemFields = z.object({
  task: paragraphs(5_000),
  responsible: line(500),
  dueDate: isoDate(),
});

export const recipientFields = z.object({
  text: line(500),
});

export type ProfileFields = z.output<typeof profileFields>;
export type MeetingFields = z.output<typeof meetingFields>;
export type SiteFields = z.output<typeof siteFields>;
export type PersonFields = z.output<typeof personFields>;
export type AttendeeFields = z.output<typeof attendeeFields>;
export type AgendaItemFields = z.output<typeof agendaItemFields>;
export type SpeechFields = z.output<typeof speechFields>;
export type QueueEntryFields = z.output<typeof queueEntryFields>;
export type ConclusionFields = z.output<typeof conclusionFields>;
export type ActionItemFields = z.output<typeof actionItemFields>;
export type RecipientFields = z.output<typeof recipientFields>;

interface Stored {
  id: number;
}
/** `uuid`: the record's stable identity, the same on every machine (ids are this database's own). */
interface InMeeting extends Stored {
  meetingId: number;
  ord: number;
  uuid: string;
}

/** `revision` rises with every write inside the meeting (its lists included). */
export type Meeting = MeetingFields & Stored & { uuid: string; createdAt: string; updatedAt: string; revision: number };
export type Site = SiteFields & InMeeting;
export type Attendee = AttendeeFields & InMeeting;
export type AgendaItem = AgendaItemFields & InMeeting;
export type Speech = SpeechFields & InMeeting;
export type QueueEntry = QueueEntryFields & InMeeting;
export type Conclusion = ConclusionFields & InMeeting;
export type ActionItem = ActionItemFields & InMeeting;
export type Recipient = RecipientFields & InMeeting;
export type Person = PersonFields & Stored & { updatedAt: string };

/** One whole meeting as stored: everything the minutes are made from. */
export interface MeetingRecord {
  meeting: Meeting;
  sites: Site[];
  attendees: Attendee[];
  agenda: AgendaItem[];
  speeches: Speech[];
  conclusions: Conclusion[];
  actionItems: ActionItem[];
  recipients: Recipient[];
  /** The speakers registered to speak next, per agenda item; never printed. */
  queue: QueueEntry[];
}

/** A line in the meetings list. */
export interface MeetingSummary {
  id: number;
  kind: string;
  title: string;
  format: Format;
  number: number | null;
  date: string | null;
  status: Meeting['status'];
  siteCount: number;
  attendeeCount: number;
  speechCount: number;
  updatedAt: string;
}
