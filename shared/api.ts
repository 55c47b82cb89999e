// The one contract between the screens and the main process: channel → input schema → result type.
// The preload, the main-process registration, the test bridge and the fake API all follow it.
// Channel names live in channels.ts, free of zod, so that the preload stays small.
import { z } from 'zod';
import { MAX_AUDIO_CHUNK, type AudioPart, type Clip } from './audio.ts';
import type { AttendeeFile } from './attendee-file.ts';
import type { BackupInfo, BackupStatus, RestoreResult } from './backups.ts';
import type { AppCommand, Channel } from './channels.ts';
import type { ErrorCode } from './errors.ts';
import type { SearchResults } from './search.ts';
import type { DeletedMeeting } from './trash.ts';
import { FORMATS, type ActionItem, type AgendaItem, type Attendee, type Conclusion, type Meeting, type MeetingRecord,
  type MeetingSummary, type Person, type ProfileFields, type Recipient, type Site, type Speech } from './model/meeting.ts';

export interface ListItems {
  sites: Site;
  attendees: Attendee;
  agenda: AgendaItem;
  speeches: Speech;
  conclusions: Conclusion;
  actionItems: ActionItem;
  recipients: Recipient;
}
export type ListName = keyof ListItems;
export const LIST_NAMES = ['sites', 'attendees', 'agenda', 'speeches', 'conclusions', 'actionItems', 'recipients'] as const satisfies readonly ListName[];

export type DocumentKind = 'minutes' | 'notice';

export interface Preview {
  /** Markup without inline styles (the page's CSP forbids them)… */
  html: string;
  /** …and its stylesheet, which the page adopts through the CSSOM. */
  css: string;
  /** What the secretary has left empty, in Vietnamese. */
  missing: string[];
}

/** Where a file was written or read; null when the user cancelled the dialog. */
export type PickedFile = { path: string } | null;

/** A Word file written: where, and what it prints as "…" because the meeting lacks it (in Vietnamese). */
export type ExportedDocument = { path: string; missing: string[] } | null;

/**
 * What a write inside a meeting changed, read back from the store in the same transaction: the page
 * replaces what it holds with it and never works out a store rule (order, the main site) by itself.
 */
export interface Change {
  meetingId: number;
  /** The meeting's revision after the write; a change older than what the page holds is ignored. */
  revision: number;
  /** The meeting, when the write changed it. */
  meeting?: Meeting;
  /** Every list the write changed, whole and in store order. */
  lists: { [L in ListName]?: ListItems[L][] };
}
export type Added = Change & { id: number };
export type AddedMany = Change & { ids: number[] };
/** undoToken brings the row back (Hoàn tác) during this session; null for a site. */
export type Removed = Change & { undoToken: string | null };

const id = z.int().positive();
const values = z.record(z.string(), z.unknown());
const list = z.enum(LIST_NAMES);
const position = z.int().min(0).max(1_000_000);
const documentOptions = z.object({ meetingId: id, kind: z.enum(['minutes', 'notice']), format: z.enum(FORMATS).optional() });

/** Declares a channel: its input schema and, as a type only, its result. */
const channel = <I extends z.ZodType>(input: I) => ({
  returns: <R>() => ({ input, result: undefined as unknown as R }),
});

const none = z.object({});

/** A search query: bounded in length and in words before it reaches the index. */
export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_TERMS = 12;
const searchQuery = z.string()
  .max(MAX_SEARCH_LENGTH)
  .refine((query) => query.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length <= MAX_SEARCH_TERMS,
    `có quá nhiều từ (tối đa ${MAX_SEARCH_TERMS} từ); hãy bớt từ`);
const meetingRef = z.object({ id });
const audioPart = z.object({ meetingId: id, part: z.int().positive().max(999_999) });
/** A chunk of the recording: bytes, bounded; its end in ms of recording time (at most 24 hours). */
const audioChunk = z.instanceof(Uint8Array)
  .refine((bytes) => bytes.length > 0, 'đoạn ghi âm rỗng')
  .refine((bytes) => bytes.length <= MAX_AUDIO_CHUNK, `đoạn ghi âm quá lớn (tối đa ${MAX_AUDIO_CHUNK / 1024} KB)`);

export const CONTRACT = {
  listMeetings: channel(none).returns<MeetingSummary[]>(),
  getMeeting: channel(meetingRef).returns<MeetingRecord>(),
  createMeeting: channel(z.object({ fields: values.optional(), copyFrom: id.optional() })).returns<number>(),
  updateMeeting: channel(z.object({ id, patch: values })).returns<Change>(),
  /** Deletes a meeting into the trash (kept 30 days); the token undoes it at once. */
  deleteMeeting: channel(meetingRef).returns<{ undoToken: string }>(),
  undoDelete: channel(z.object({ undoToken: z.string().min(1).max(100) })).returns<number>(),
  /** The meetings deleted in the last 30 days, newest first. */
  listDeleted: channel(none).returns<DeletedMeeting[]>(),
  /** Brings a deleted meeting back; returns its new id. */
  restoreDeleted: channel(z.object({ id })).returns<number>(),
  suggestNumber: channel(z.object({ meetingId: id, kind: z.enum(['minutes', 'notice']) })).returns<number>(),

  addItem: channel(z.object({ list, meetingId: id, values, position: position.optional() })).returns<Added>(),
  /** Many rows at once (a block pasted from Excel or Word), all or nothing. */
  addItems: channel(z.object({ list, meetingId: id, rows: z.array(values).min(1).max(5_000) })).returns<AddedMany>(),
  updateItem: channel(z.object({ list, id, patch: values })).returns<Change>(),
  removeItem: channel(z.object({ list, id })).returns<Removed>(),
  /** Brings a removed row back where it was, with what pointed at it (an attendee's speeches). */
  undoRemove: channel(z.object({ undoToken: z.string().min(1).max(100) })).returns<Added>(),
  moveItem: channel(z.object({ list, id, position })).returns<Change>(),
  markAllPresent: channel(z.object({ siteId: id })).returns<Change>(),
  /** Stores a site's attendees in Vietnamese name order (the order of the minutes). */
  sortAttendees: channel(z.object({ siteId: id, order: z.enum(['full', 'given']) })).returns<Change>(),

  suggestPeople: channel(z.object({ text: z.string().max(200) })).returns<Person[]>(),
  rememberPerson: channel(z.object({ person: values })).returns<Person>(),

  getProfile: channel(none).returns<ProfileFields>(),
  updateProfile: channel(z.object({ patch: values })).returns<ProfileFields>(),

  previewDocument: channel(documentOptions).returns<Preview>(),
  exportDocument: channel(documentOptions).returns<ExportedDocument>(),
  exportMeetingFile: channel(meetingRef).returns<PickedFile>(),
  importMeetingFile: channel(none).returns<{ meetingId: number } | null>(),

  /** The automatic backups, newest first. */
  listBackups: channel(none).returns<BackupInfo[]>(),
  /** The automatic backups' health: the last good one, and the failure while they fail. */
  backupStatus: channel(none).returns<BackupStatus>(),
  /** A backup into a folder the user chooses (a USB stick); null when cancelled. */
  backupNow: channel(none).returns<PickedFile>(),
  /** A backup file chosen by the user (a USB stick) added to the list; null when cancelled. */
  addBackupFile: channel(none).returns<BackupInfo | null>(),
  backupContents: channel(z.object({ name: z.string().min(1).max(200) })).returns<MeetingSummary[]>(),
  /** Everything (meetingId absent) or one meeting, after backing up the current state. */
  restoreBackup: channel(z.object({ name: z.string().min(1).max(200), meetingId: id.optional() })).returns<RestoreResult>(),

  /** Meetings whose title, sites, people, speeches or conclusions match, accent-insensitive, best first. */
  search: channel(z.object({ query: searchQuery })).returns<SearchResults>(),
  /** An attendee list from a CSV or Excel file the user picks, read but not added; null when cancelled. */
  readAttendeeFile: channel(none).returns<AttendeeFile | null>(),

  /** Starts a new part of the meeting's recording (the microphone is allowed from now until it stops). */
  startRecording: channel(z.object({ meetingId: id })).returns<AudioPart>(),
  /** One chunk of the part being recorded, written to disk as it arrives. */
  appendAudio: channel(audioPart.extend({ chunk: audioChunk, endMs: z.int().min(0).max(24 * 3_600_000) })).returns<null>(),
  stopRecording: channel(audioPart).returns<AudioPart>(),
  /** The meeting's recorded parts (size, duration) and each speech's clip in them, from the speeches' times. */
  listAudio: channel(z.object({ meetingId: id })).returns<{ parts: AudioPart[]; clips: Clip[] }>(),
  /** A part's sound (WebM/Opus) for playback. */
  readAudio: channel(audioPart).returns<Uint8Array>(),
  /** Deletes every part of the meeting's recording; returns how many. */
  deleteAudio: channel(z.object({ meetingId: id })).returns<number>(),
} satisfies Record<Channel, { input: z.ZodType; result: unknown }>;

export type Input<C extends Channel> = z.input<(typeof CONTRACT)[C]['input']>;
export type Output<C extends Channel> = (typeof CONTRACT)[C]['result'];

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode | 'INTERNAL'; message: string } };

/** What the page sees as window.api: one function per channel, and the menu's commands. */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<Envelope<Output<C>>> } & {
  onCommand(listener: (command: AppCommand) => void): () => void;
};

export { APP_COMMANDS, CHANNELS, COMMAND_CHANNEL, type AppCommand, type Channel } from './channels.ts';
