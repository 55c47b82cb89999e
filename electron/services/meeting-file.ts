// Export and import of the portable meeting file. Import always creates a new meeting, in one transaction; the
// meeting and its records keep the identities (UUIDs) the file gives them, so it is the same meeting on both machines.
import { AppError } from '../../shared/errors.ts';
import type { MeetingRecord } from '../../shared/model/meeting.ts';
import {
  MEETING_FILE_KIND, MEETING_FILE_MAX_BYTES, MEETING_FILE_VERSION, meetingFileSchema, type MeetingFile,
} from '../../shared/model/meeting-file.ts';
import { parseOrThrow } from '../../shared/model/validate.ts';
import type { Store } from '../store/index.ts';
import { writeFileAtomic } from './files.ts';
import { readJsonFile } from './json-limits.ts';
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
      attendees: record.attendees.filter((a) => a.siteId === site.id).map((attendee) => {
        const { siteId: _s, personId: _p, ...rest } = strip(attendee);
        return { ...rest, key: attendeeKey.get(attendee.id) ?? '' };
      }),
    })),
    agenda: record.agenda.map((item) => ({ ...strip(item), key: agendaKey.get(item.id) ?? '' })),
    speeches: record.speeches.map((speech) => {
      const { agendaItemId, attendeeId, ...rest } = strip(speech);
      return {
        ...rest,
        agendaKey: agendaItemId === null ? null : agendaKey.get(agendaItemId) ?? null,
        speakerKey: attendeeId === null ? null : attendeeKey.get(attendeeId) ?? null,
      };
    }),
    conclusions: record.conclusions.map((conclusion) => {
      const { agendaItemId, ...rest } = strip(conclusion);
      return { ...rest, agendaKey: agendaItemId === null ? null : agendaKey.get(agendaItemId) ?? null };
    }),
    actionItems: record.actionItems.map(strip),
    recipients: record.recipients.map(({ text, uuid }) => ({ text, uuid })),
  };
}

export function serializeMeetingFile(file: MeetingFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function exportMeetingFile(store: Store, meetingId: number, target: string): void {
  writeFileAtomic(target, serializeMeetingFile(toMeetingFile(getMeetingRecord(store, meetingId))), store.files);
}

/** Checks a parsed JSON value: the kind and version first, so that a newer file gets the right message. */
export function parseMeetingFile(json: unknown): MeetingFile {
  const head = typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if (!head || head.kind !== MEETING_FILE_KIND) {
    throw new AppError('FILE_WRONG_KIND', 'Tệp này không phải là tệp hội nghị của Biên Bản.');
  }
  if (typeof head.version === 'number' && Number.isInteger(head.version) && head.version > MEETING_FILE_VERSION) {
    throw new AppError(
      'FILE_TOO_NEW',
      `Tệp hội nghị được tạo bởi phiên bản Biên Bản mới hơn (định dạng ${head.version}, ứng dụng này đọc được đến ${MEETING_FILE_VERSION}). Hãy cập nhật ứng dụng.`,
    );
  }
  return parseOrThrow(meetingFileSchema, json, 'Tệp hội nghị không hợp lệ');
}

/** Deeper than any meeting file (root › sites › site › attendees › attendee is 5). */
export const MEETING_FILE_MAX_DEPTH = 32;

export function readMeetingFile(path: string): MeetingFile {
  return parseMeetingFile(readJsonFile(path, { maxBytes: MEETING_FILE_MAX_BYTES, maxDepth: MEETING_FILE_MAX_DEPTH, what: 'Tệp hội nghị' }));
}

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
