// The one contract between the screens and the main process: channel → input schema → result type.
// The preload, the main-process registration, the test bridge and the fake API all follow it.
// Channel names live in channels.ts, free of zod, so that the preload stays small.
import { z } from 'zod';
import { MAX_AUDIO_CHUNK, type AudioPart, type Clip } from './audio.ts';
import type { AttendeeFile } from './attendee-file.ts';
import { DOCUMENT_KINDS, DOCUMENT_OUTPUTS, DOCUMENTS } from './documents.ts';
import type { WordFile } from './word-file.ts';
import type { BackupInfo, BackupStatus, RestoreResult } from './backups.ts';
import type { AppCommand, Channel } from './channels.ts';
import type { ErrorCode } from './errors.ts';
import type { SearchResults } from './search.ts';
import { MAX_PASSPHRASE_LENGTH, type SecurityStatus } from './security.ts';
import type { SiteFile } from './site-file.ts';
import type { MergePreview } from './model/site-report.ts';
import type { PackageSummary } from './model/site-package.ts';
import type { DeletedMeeting } from './trash.ts';
import { clock } from './model/fields.ts';
import {
  CONFIDENTIALITY,
  FORMATS,
  type ActionItem,
  type AgendaItem,
  type Attendee,
  type Conclusion,
  type Meeting,
  type MeetingRecord,
  type MeetingSummary,
  type Person,
  type ProfileFields,
  type QueueEntry,
  type Recipient,
  type Site,
  type Speech,
} from './model/meeting.ts';

export interface ListItems {
  sites: Site;
  attendees: Attendee;
  agenda: AgendaItem;
  speeches: Speech;
  conclusions: Conclusion;
  actionItems: ActionItem;
  recipients: Recipient;
  queue: QueueEntry;
}
export type ListName = keyof ListItems;
export const LIST_NAMES = [
  'sites',
  'attendees',
  'agenda',
  'speeches',
  'conclusions',
  'actionItems',
  'recipients',
  'queue',
] as const satisfies readonly ListName[];

export type { DocumentKind, DocumentOutput } from './documents.ts';

export interface Preview {
  /** Markup without inline styles (the page's CSP forbids them)… */
  html: string;
  /** …and its stylesheet, which the page adopts through the CSSOM. */
  css: string;
  /** What the secretary has left empty (printed as "…"), in Vietnamese. */
  missing: string[];
  /** What to look at that is printed as it is, in Vietnamese. */
  advice: string[];
}

/** Where a file was written or read; null when the user cancelled the dialog. */
export type PickedFile = { path: string } | null;

/** A document written: where, and what it prints as "…" because the meeting lacks it (in Vietnamese). */
export type ExportedDocument = { path: string; missing: string[] } | null;
/** A document sent to the printer: what it printed as "…"; null when the print dialog was cancelled. */
export type PrintedDocument = { missing: string[] } | null;

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
/** Sites added from a file; `skipped`: rows naming a site the meeting has already, left out. */
export type ImportedSites = Change & { added: number; skipped: number };

const id = z.int().positive();
const values = z.record(z.string(), z.unknown());
const list = z.enum(LIST_NAMES);
const position = z.int().min(0).max(1_000_000);
const documentKind = z.enum(DOCUMENT_KINDS);
const documentOptions = z.object({ meetingId: id, kind: documentKind, format: z.enum(FORMATS).optional() });
/** The file a document is written as: the Word file unless said. */
const exportOptions = documentOptions
  .extend({ output: z.enum(DOCUMENT_OUTPUTS).default('docx') })
  .refine((o) => DOCUMENTS[o.kind].outputs.includes(o.output), { message: 'văn bản này không xuất được ra dạng tệp đó' });
/** The targets a Word file's text can be taken into. */
export const WORD_TARGETS = ['speech', 'conclusion', 'content', 'documents'] as const;
export type WordTarget = (typeof WORD_TARGETS)[number];

/** Declares a channel: its input schema and, as a type only, its result. */
const channel = <I extends z.ZodType>(input: I) => ({
  returns: <R>() => ({ input, result: undefined as unknown as R }),
});

const none = z.object({});

/** A search query: bounded in length and in words before it reaches the index. */
export const MAX_SEARCH_LENGTH = 200;
export const MAX_SEARCH_TERMS = 12;
const searchQuery = z
  .string()
  .max(MAX_SEARCH_LENGTH)
  .refine((query) => query.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length <= MAX_SEARCH_TERMS, `có quá nhiều từ (tối đa ${MAX_SEARCH_TERMS} từ); hãy bớt từ`);
const meetingRef = z.object({ id });
/** A passphrase or a recovery key, as typed. */
const secret = z.string().min(1).max(MAX_PASSPHRASE_LENGTH);
/** A file picked earlier that waits for its passphrase. */
const token = z.string().min(1).max(100);

/** A file that turned out to be encrypted: ask its passphrase, then call again with token and passphrase. */
export interface PassphraseNeeded {
  needsPassphrase: true;
  token: string;
  /** The file's name, for the question. */
  name: string;
}
const audioPart = z.object({ meetingId: id, part: z.int().positive().max(999_999) });
/** A chunk of the recording: bytes, bounded; its end in ms of recording time (at most 24 hours). */
/** A time in a part, ms from its start. */
const audioTime = z
  .int()
  .min(0)
  .max(24 * 3_600_000);
const audioChunk = z
  .instanceof(Uint8Array)
  .refine((bytes) => bytes.length > 0, 'đoạn ghi âm rỗng')
  .refine((bytes) => bytes.length <= MAX_AUDIO_CHUNK, `đoạn ghi âm quá lớn (tối đa ${MAX_AUDIO_CHUNK / 1024} KB)`);

export const CONTRACT = {
  listMeetings: channel(none).returns<MeetingSummary[]>(),
  getMeeting: channel(meetingRef).returns<MeetingRecord>(),
  createMeeting: channel(z.object({ fields: values.optional(), copyFrom: id.optional() })).returns<number>(),
  updateMeeting: channel(z.object({ id, patch: values })).returns<Change>(),
  /**
   * Deletes a meeting into the trash (kept 30 days); the token undoes it at once. forGood: not into the
   * trash, and out of the automatic backups too (purged: how many were rewritten); no undo.
   */
  deleteMeeting: channel(z.object({ id, forGood: z.boolean().optional() })).returns<{ undoToken: string | null; purged: number }>(),
  /** What deleting a meeting leaves behind, for the confirmation: its level and the automatic backups holding it. */
  deletionImpact: channel(meetingRef).returns<{ confidentiality: (typeof CONFIDENTIALITY)[number]; backups: number }>(),
  /** Removes a trash entry for good, from the automatic backups too. */
  eraseDeleted: channel(z.object({ id })).returns<{ purged: number }>(),
  undoDelete: channel(z.object({ undoToken: z.string().min(1).max(100) })).returns<number>(),
  /** The meetings deleted in the last 30 days, newest first. */
  listDeleted: channel(none).returns<DeletedMeeting[]>(),
  /** Brings a deleted meeting back; returns its new id. */
  restoreDeleted: channel(z.object({ id })).returns<number>(),
  suggestNumber: channel(
    z.object({ meetingId: id, kind: documentKind.refine((k) => DOCUMENTS[k].symbol !== null, 'văn bản này không có số') }),
  ).returns<number>(),

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
  /** The speech of a registered speaker starts at `at`: added with that start, its entry leaves the queue. */
  startQueued: channel(z.object({ queueId: id, at: clock() })).returns<Added>(),
  /** The meeting's start or end stamped at `at`; the end also ends a speech still running. */
  stampMeeting: channel(z.object({ meetingId: id, which: z.enum(['start', 'end']), at: clock() })).returns<Change>(),

  suggestPeople: channel(z.object({ text: z.string().max(200) })).returns<Person[]>(),
  rememberPerson: channel(z.object({ person: values })).returns<Person>(),

  getProfile: channel(none).returns<ProfileFields>(),
  updateProfile: channel(z.object({ patch: values })).returns<ProfileFields>(),

  previewDocument: channel(documentOptions).returns<Preview>(),
  exportDocument: channel(exportOptions).returns<ExportedDocument>(),
  /** The document to the system's print dialog, from the same page as its PDF (Ctrl+P). */
  printDocument: channel(documentOptions).returns<PrintedDocument>(),
  /**
   * Exports a meeting file; sealed with passphrase (AES-256-GCM), or plain. A confidential meeting's plain
   * file needs confirmPlain, else CONFIRM_NEEDED before any dialog.
   */
  exportMeetingFile: channel(z.object({ id, passphrase: secret.optional(), confirmPlain: z.boolean().optional() })).returns<PickedFile>(),
  /** Imports a meeting file; an encrypted one answers PassphraseNeeded, then is imported with { token, passphrase }. */
  importMeetingFile: channel(z.object({ token: token.optional(), passphrase: secret.optional() })).returns<{ meetingId: number } | PassphraseNeeded | null>(),
  /** One site's attendance and speeches as a site report file; null when cancelled. */
  exportSiteReport: channel(z.object({ siteId: id })).returns<PickedFile>(),
  /** The meeting package for the sites (details, agenda, sites; withAttendees: each site's expected attendees). */
  exportSitePackage: channel(z.object({ meetingId: id, withAttendees: z.boolean(), confirmPlain: z.boolean().optional() })).returns<PickedFile>(),
  /** A package the user picks, read and summed up for the choice of site; nothing written; null when cancelled. */
  readSitePackage: channel(none).returns<{ token: string; summary: PackageSummary } | null>(),
  /** The package read opened as a new meeting bound to the chosen site. */
  openSitePackage: channel(z.object({ token: z.string().min(1).max(100), siteUuid: z.uuid() })).returns<{ meetingId: number }>(),
  /** The site whose report this machine makes for the meeting (opened from a package), or null. */
  reportSite: channel(z.object({ meetingId: id })).returns<number | null>(),
  /** A folder of site reports the user picks, read and compared, nothing written; null when cancelled. */
  previewSiteReports: channel(z.object({ meetingId: id })).returns<{ token: string; preview: MergePreview } | null>(),
  /** The previewed reports merged (worked out again from the files); `takeSite`: conflicts resolved with the site's value. */
  mergeSiteReports: channel(z.object({ token: z.string().min(1).max(100), takeSite: z.array(z.uuid()).max(100_000) })).returns<
    Change & { merged: MergePreview; undoToken: string | null }
  >(),
  /** Undoes a merge of site reports (Hoàn tác), while the meeting has not been written since. */
  undoMerge: channel(z.object({ undoToken: z.string().min(1).max(100) })).returns<Change>(),

  /** The automatic backups, newest first. */
  listBackups: channel(none).returns<BackupInfo[]>(),
  /** The automatic backups' health: the last good one, and the failure while they fail. */
  backupStatus: channel(none).returns<BackupStatus>(),
  /** A backup into a folder the user chooses (a USB stick); null when cancelled. */
  backupNow: channel(none).returns<PickedFile>(),
  /** A backup file chosen by the user (a USB stick) added to the list; null when cancelled; one with another passphrase asks it. */
  addBackupFile: channel(z.object({ token: token.optional(), passphrase: secret.optional() })).returns<BackupInfo | PassphraseNeeded | null>(),
  backupContents: channel(z.object({ name: z.string().min(1).max(200) })).returns<MeetingSummary[]>(),
  /** Everything (meetingId absent) or one meeting, after backing up the current state. */
  restoreBackup: channel(z.object({ name: z.string().min(1).max(200), meetingId: id.optional() })).returns<RestoreResult>(),

  /** Meetings whose title, sites, people, speeches or conclusions match, accent-insensitive, best first. */
  search: channel(z.object({ query: searchQuery })).returns<SearchResults>(),
  /** An attendee list from a CSV or Excel file the user picks, read but not added; null when cancelled. */
  readAttendeeFile: channel(none).returns<AttendeeFile | null>(),
  /** The text of a Word (.docx) file the user picks, as paragraphs, read but not taken; null when cancelled. */
  readWordFile: channel(z.object({ target: z.enum(WORD_TARGETS) })).returns<WordFile | null>(),
  /** A list of sites (name, level, head count) from a CSV or Excel file the user picks, read but not added. */
  readSiteFile: channel(z.object({ meetingId: id })).returns<SiteFile | null>(),
  /** Sites added at once through the bulk path; names the meeting has already are left out. */
  importSites: channel(z.object({ meetingId: id, sites: z.array(values).min(1).max(20_000) })).returns<ImportedSites>(),

  /** Whether the store is encrypted, locked, remembered on this machine; a move's progress. */
  securityStatus: channel(none).returns<SecurityStatus>(),
  /** Opens the encrypted store with its passphrase or recovery key. */
  unlock: channel(z.object({ secret })).returns<SecurityStatus>(),
  /** Encrypts a plain store with a new passphrase; answers the recovery key (shown once) and the plain copy kept. */
  encryptStore: channel(z.object({ passphrase: secret })).returns<{ recoveryKey: string; plainCopy: string | null }>(),
  /** A new passphrase (the store re-encrypted); current is the passphrase or the recovery key. Answers the new recovery key. */
  changePassphrase: channel(z.object({ current: secret, next: secret })).returns<{ recoveryKey: string }>(),
  /** Takes the encryption off (the store and its automatic backups written plain). */
  decryptStore: channel(z.object({ current: secret })).returns<SecurityStatus>(),
  /** The recovery key again, after the passphrase is typed. */
  showRecoveryKey: channel(z.object({ current: secret })).returns<{ recoveryKey: string }>(),
  /** Deletes the plain copies kept from before the store was encrypted. */
  deletePlainCopies: channel(none).returns<SecurityStatus>(),
  /** Keeps the key in this machine's protected storage, or forgets it there (the passphrase asked at start). */
  rememberKey: channel(z.object({ remember: z.boolean() })).returns<SecurityStatus>(),
  /** Rewrites with the store's key the automatic backups a change left in an older key; old is that key's passphrase or recovery key. */
  rekeyBackups: channel(z.object({ old: secret })).returns<SecurityStatus>(),

  /** Starts a new part of the meeting's recording (the microphone is allowed from now until it stops). */
  startRecording: channel(z.object({ meetingId: id })).returns<AudioPart>(),
  /** One chunk of the part being recorded, written to disk as it arrives. */
  appendAudio: channel(audioPart.extend({ chunk: audioChunk, endMs: audioTime })).returns<null>(),
  stopRecording: channel(audioPart).returns<AudioPart>(),
  /** The meeting's recorded parts (size, duration) and each speech's clip in them, from the speeches' times. */
  listAudio: channel(z.object({ meetingId: id })).returns<{ parts: AudioPart[]; clips: Clip[] }>(),
  /** A part's sound (WebM/Opus): whole, or from fromMs (the header and the clusters around [fromMs, toMs), for a MediaSource). */
  readAudio: channel(audioPart.extend({ fromMs: audioTime.optional(), toMs: audioTime.optional() })).returns<Uint8Array>(),
  /** Deletes every part of the meeting's recording; returns how many. */
  deleteAudio: channel(z.object({ meetingId: id })).returns<number>(),
  /** Whether backups carry the recordings (the secretary's choice; off by default). */
  audioInBackups: channel(none).returns<boolean>(),
  setAudioInBackups: channel(z.object({ include: z.boolean() })).returns<boolean>(),
} satisfies Record<Channel, { input: z.ZodType; result: unknown }>;

export type Input<C extends Channel> = z.input<(typeof CONTRACT)[C]['input']>;
export type Output<C extends Channel> = (typeof CONTRACT)[C]['result'];

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode | 'INTERNAL'; message: string } };

/** What the page sees as window.api: one function per channel, and the menu's commands. */
export type Api = { [C in Channel]: (input: Input<C>) => Promise<Envelope<Output<C>>> } & {
  onCommand(listener: (command: AppCommand) => void): () => void;
};

export { APP_COMMANDS, CHANNELS, COMMAND_CHANNEL, type AppCommand, type Channel } from './channels.ts';
