// Deleting a meeting puts it in the trash (kept TRASH_DAYS days, see electron/store/trash.ts);
// restoring brings it back as a meeting, in one transaction each.
import { AppError } from '../../shared/errors.ts';
import { audioTrash } from '../audio/trash.ts';
import type { AudioStore } from '../audio/store.ts';
import { forgetDeleted } from '../store/erase.ts';
import type { Store } from '../store/index.ts';
import type { MeetingOrigin } from './backup-purge.ts';
import { importMeeting, parseMeetingFile, serializeMeetingFile, toMeetingFile } from './meeting-file.ts';
import { getMeetingRecord } from './meetings.ts';

const noUndo = (): void => undefined;

/** The meeting goes into the trash with its recording (audio: the store's recordings, when it has them). */
export function deleteMeeting(store: Store, id: number, token: string, now = new Date(), audio?: AudioStore): number {
  const trash = audio && audioTrash(audio);
  store.meetings.get(id);
  const undo = trash?.keep(id, token) ?? noUndo;
  let entry: number;
  try {
    entry = moveToTrash(store, id, token, now);
  } catch (error) {
    undo();
    throw error;
  }
  trash?.sweep(store.trash.tokens());
  return entry;
}

function moveToTrash(store: Store, id: number, token: string, now: Date): number {
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

/** Brings a deleted meeting back (a new meeting id) with its recording; returns that id. */
export function restoreDeleted(store: Store, trashId: number, now = new Date(), audio?: AudioStore): number {
  const trash = audio && audioTrash(audio);
  let undo: () => void = noUndo;
  try {
    return store.transaction(() => {
      const meetingId = importMeeting(store, trashedFile(store, trashId, now));
      const { token } = store.trash.origin(trashId);
      store.trash.remove(trashId);
      // Last, inside the transaction: a failed move leaves the entry in the trash.
      undo = trash?.bringBack(token, meetingId) ?? noUndo;
      return meetingId;
    });
  } catch (error) {
    undo();
    throw error;
  }
}

function trashedFile(store: Store, trashId: number, now: Date) {
  try {
    return parseMeetingFile(JSON.parse(store.trash.file(trashId, now)));
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw error;
    throw new AppError('FILE_MALFORMED', 'Bản lưu của hội nghị đã xóa bị hỏng nên không khôi phục được.', { cause: error });
  }
}

/**
 * Deletes a meeting for good, without the trash (for a confidential meeting, at the user's choice): its
 * words compacted out of the search index and the log. Returns what finds it in the backups.
 */
export function eraseMeeting(store: Store, id: number, audio?: AudioStore): MeetingOrigin {
  const { createdAt } = store.meetings.get(id);
  audio?.remove(id);
  store.meetings.remove(id);
  forgetDeleted(store.db);
  return { meetingId: id, createdAt };
}

/** Removes an entry of the trash for good, likewise. */
export function eraseDeleted(store: Store, trashId: number, audio?: AudioStore): MeetingOrigin {
  const { token, meetingId, meetingCreatedAt } = store.trash.origin(trashId);
  if (audio) audioTrash(audio).forget(token);
  store.trash.remove(trashId);
  forgetDeleted(store.db);
  return { meetingId, createdAt: meetingCreatedAt, token };
}

/**
 * On opening: the trash's recordings follow its purge, and recordings left by meetings deleted before they
 * followed them are given to their trash entries.
 */
export function tidyTrashAudio(store: Store, audio: AudioStore): void {
  const trash = audioTrash(audio);
  const exists = store.db.prepare<[number], number>('SELECT 1 FROM meetings WHERE id = ?').pluck();
  trash.adopt(
    (id) => exists.get(id) !== undefined,
    (id) => store.trash.tokenOfMeeting(id),
  );
  trash.sweep(store.trash.tokens());
}
