// Export and import of the portable meeting file. Import always creates a new meeting, in one transaction; the
// meeting and its records keep the identities (UUIDs) the file gives them, so it is the same meeting on both machines.
// A confidential meeting (MẬT and above) is exported sealed with a passphrase (envelope.ts), or plain only
// when the user confirms it; a sealed file is imported with its passphrase.
import { basename } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { CONFIDENTIALITY_LABELS } from '../../shared/model/labels.ts';
import { passphraseStrength } from '../../shared/security.ts';
import type { MeetingRecord } from '../../shared/model/meeting.ts';
import { MEETING_FILE_KIND, MEETING_FILE_MAX_BYTES, MEETING_FILE_VERSION, meetingFileSchema, type MeetingFile } from '../../shared/model/meeting-file.ts';
import { parseVersioned } from '../../shared/model/validate.ts';
import type { Store } from '../store/index.ts';
import { ENVELOPE_KIND, isEnvelope, open, seal } from './envelope.ts';
import { writeFileAtomic } from './files.ts';
import { parseJsonBytes } from './json-limits.ts';
import { readFileBounded } from './read-file.ts';
import { getMeetingRecord } from './meetings.ts';

const strip = <T extends { id: number; meetingId: number; ord: number }>({ id: _i, meetingId: _m, ord: _o, ...rest }: T) => rest;

export function toMeetingFile(record: MeetingRecord, exportedAt = new Date()): MeetingFile {
  const siteKey = new Map(record.sites.map((site, i) => [site.id, `s${i + 1}`]));
  const attendeeKey = new Map(record.attendees.map((attendee, i) => [attendee.id, `a${i + 1}`]));
  const agendaKey = new Map(record.agenda.map((item, i) => [item.id, `g${i + 1}`]));
  const { id: _id, createdAt: _c, updatedAt: _u, revision: _r, ...meeting } = record.meeting;
  return {
    kind: MEETING_FILE_KIND,
    version: MEETING_FILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    meeting,
    sites: record.sites.map((site) => ({
      ...strip(site),
      key: siteKey.get(site.id) ?? '',
      attendees: record.attendees
        .filter((a) => a.siteId === site.id)
        .map((attendee) => {
          const { siteId: _s, personId: _p, ...rest } = strip(attendee);
          return { ...rest, key: attendeeKey.get(attendee.id) ?? '' };
        }),
    })),
    agenda: record.agenda.map((item) => ({ ...strip(item), key: agendaKey.get(item.id) ?? '' })),
    speeches: record.speeches.map((speech) => {
      const { agendaItemId, attendeeId, ...rest } = strip(speech);
      return {
        ...rest,
        agendaKey: agendaItemId === null ? null : (agendaKey.get(agendaItemId) ?? null),
        speakerKey: attendeeId === null ? null : (attendeeKey.get(attendeeId) ?? null),
      };
    }),
    conclusions: record.conclusions.map((conclusion) => {
      const { agendaItemId, ...rest } = strip(conclusion);
      return { ...rest, agendaKey: agendaItemId === null ? null : (agendaKey.get(agendaItemId) ?? null) };
    }),
    actionItems: record.actionItems.map(strip),
    recipients: record.recipients.map(({ text, uuid }) => ({ text, uuid })),
  };
}

export function serializeMeetingFile(file: MeetingFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Writes the meeting's file, plain. A confidential meeting's plain file needs confirmed (the user said
 * so after being told); otherwise CONFIRM_NEEDED, and nothing is written.
 */
export function exportMeetingFile(store: Store, meetingId: number, target: string, options: { confirmed?: boolean | undefined } = {}): void {
  checkPlainExport(store, meetingId, options);
  writeFileAtomic(target, serializeMeetingFile(toMeetingFile(getMeetingRecord(store, meetingId))), store.files);
}

/** Refuses a confidential meeting's plain file unless confirmed (CONFIRM_NEEDED). */
export function checkPlainExport(store: Store, meetingId: number, { confirmed }: { confirmed?: boolean | undefined }): void {
  const level = store.meetings.get(meetingId).confidentiality;
  if (level !== 'none' && !confirmed) {
    throw new AppError(
      'CONFIRM_NEEDED',
      `Hội nghị này là ${CONFIDENTIALITY_LABELS[level]}: tệp không mã hóa ai cầm cũng đọc được. Hãy đặt cụm mật khẩu cho tệp, hoặc xác nhận xuất không mã hóa.`,
    );
  }
}

/** Writes the meeting's file sealed with a passphrase typed for it (envelope.ts). */
export async function exportSealedMeetingFile(store: Store, meetingId: number, target: string, passphrase: string): Promise<void> {
  const strength = passphraseStrength(passphrase);
  if (!strength.acceptable) throw new AppError('PASSPHRASE_WEAK', `Cụm mật khẩu cho tệp ${strength.label.toLowerCase()}: ${strength.hint}`);
  const text = serializeMeetingFile(toMeetingFile(getMeetingRecord(store, meetingId)));
  writeFileAtomic(target, await seal(Buffer.from(text, 'utf8'), passphrase), store.files);
}

export function parseMeetingFile(json: unknown): MeetingFile {
  return parseVersioned(meetingFileSchema, json, { kind: MEETING_FILE_KIND, version: MEETING_FILE_VERSION, expected: 'tệp hội nghị', name: 'Tệp hội nghị' });
}

/** Deeper than any meeting file (root › sites › site › attendees › attendee is 5). */
export const MEETING_FILE_MAX_DEPTH = 32;

/** A sealed file is larger than what it holds by a third (base64) and its header. */
const SEALED_MAX_BYTES = Math.ceil((MEETING_FILE_MAX_BYTES * 4) / 3) + 4096;

/** The meeting file at path; a sealed one is PASSPHRASE_NEEDED (see openMeetingFile). */
export function readMeetingFile(path: string): MeetingFile {
  const json = readJson(path);
  if (isEnvelope(json)) throw new AppError('PASSPHRASE_NEEDED', `Tệp ${basename(path)} được mã hóa: hãy nhập cụm mật khẩu của tệp.`);
  return parseMeetingFile(json);
}

/** The meeting file at path, plain or sealed (then opened with passphrase: KEY_WRONG when it does not fit). */
export async function openMeetingFile(path: string, passphrase?: string): Promise<MeetingFile> {
  const json = readJson(path);
  if (!isEnvelope(json)) return parseMeetingFile(json);
  if (passphrase === undefined) throw new AppError('PASSPHRASE_NEEDED', `Tệp ${basename(path)} được mã hóa: hãy nhập cụm mật khẩu của tệp.`);
  return parseMeetingFile(parseJson(await open(json, passphrase)));
}

function readJson(path: string): unknown {
  // A sealed file says so in its first bytes (docs/meeting-file.md) and may be larger by its base64.
  const limit = (head: Buffer) => (head.toString('latin1').includes(`"kind": "${ENVELOPE_KIND}"`) ? SEALED_MAX_BYTES : MEETING_FILE_MAX_BYTES);
  const bytes = readFileBounded(path, { maxBytes: limit, context: `Không đọc được tệp hội nghị ${basename(path)}` });
  const json = parseJson(bytes);
  if (bytes.length > MEETING_FILE_MAX_BYTES && !isEnvelope(json))
    throw new AppError('FILE_TOO_LARGE', `Không đọc được tệp hội nghị ${basename(path)}: tệp quá lớn.`);
  return json;
}

const parseJson = (bytes: Uint8Array): unknown => parseJsonBytes(bytes, { maxDepth: MEETING_FILE_MAX_DEPTH, what: 'Tệp hội nghị' });

/**
 * Creates a new meeting from a file's content, through the store's bulk path: one transaction, nothing
 * written unless everything is. The file's fields are those its schema validated (parseMeetingFile), or
 * those of a record read from a store (toMeetingFile).
 */
export function importMeeting(store: Store, file: MeetingFile): number {
  return store.bulk.create(file.meeting, file);
}

export function importMeetingFile(store: Store, path: string): number {
  return importMeeting(store, readMeetingFile(path));
}

/** Imports a plain or sealed meeting file (the passphrase for a sealed one); nothing written on any failure. */
export async function importAnyMeetingFile(store: Store, path: string, passphrase?: string): Promise<number> {
  return importMeeting(store, await openMeetingFile(path, passphrase));
}
