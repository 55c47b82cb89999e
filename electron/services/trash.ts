// Deleting a meeting puts it in the trash (kept TRASH_DAYS days, see electron/store/trash.ts);
// restoring brings it back as a meeting, in one transaction each.
import { AppError } from '../../shared/errors.ts';
import type { Store } from '../store/index.ts';
import { importMeeting, parseMeetingFile, serializeMeetingFile, toMeetingFile } from './meeting-file.ts';
import { getMeetingRecord } from './meetings.ts';

export function deleteMeeting(store: Store, id: number, token: string, now = new Date()): number {
  return store.transaction(() => {
    const record = getMeetingRecord(store, id);
    const entry = store.trash.add({ token, title: record.meeting.title, date: record.meeting.date, file: serializeMeetingFile(toMeetingFile(record, now)) }, now);
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
