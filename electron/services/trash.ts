// Deleting a meeting puts it in the trash (kept TRASH_DAYS days, see electron/store/trash.ts);
// restoring brings it back as a meeting, in one transaction each.
import { AppError } from '../../shared/errors.ts';
import { forgetDeleted } from '../store/erase.ts';
import type { Store } from '../store/index.ts';
import type { MeetingOrigin } from './backup-purge.ts';
import { importMeeting, parseMeetingFile, serializeMeetingFile, toMeetingFile } from './meeting-file.ts';
import { getMeetingRecord } from './meetings.ts';

export function deleteMeeting(store: Store, id: number, token: string, now = new Date()): number {
  return store.transaction(() => {
    const record = getMeetingRecord(store, id);
    const { title, date, createdAt, confidentiality } = record.meeting;
    const file = serializeMeetingFile(toMeetingFile(record, now));
    const entry = store.trash.add({ token, title, date, file, meetingId: id, meetingCreatedAt: createdAt, confidentiality }, now);
    store.meetings.remove(id);
    store.trash.purge(now);
    return entry;
  });
}

/** Brings a deleted meeting back (a new meeting id); returns that id. */
export function restoreDeleted(store: Store, trashId: number, now = new Date()): number {
  return store.transaction(() => {
    let file;
    try {
      file = parseMeetingFile(JSON.parse(store.trash.file(trashId, now)));
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') throw error;
      throw new AppError('FILE_MALFORMED', 'Bản lưu của hội nghị đã xóa bị hỏng nên không khôi phục được.', { cause: error });
    }
    const meetingId = importMeeting(store, file);
    store.trash.remove(trashId);
    return meetingId;
  });
}

/**
 * Deletes a meeting for good, without the trash (for a confidential meeting, at the user's choice): its
 * words compacted out of the search index and the log. Returns what finds it in the backups.
 */
export function eraseMeeting(store: Store, id: number): MeetingOrigin {
  const { createdAt } = store.meetings.get(id);
  store.meetings.remove(id);
  forgetDeleted(store.db);
  return { meetingId: id, createdAt };
}

/** Removes an entry of the trash for good, likewise. */
export function eraseDeleted(store: Store, trashId: number): MeetingOrigin {
  const { token, meetingId, meetingCreatedAt } = store.trash.origin(trashId);
  store.trash.remove(trashId);
  forgetDeleted(store.db);
  return { meetingId, createdAt: meetingCreatedAt, token };
}
