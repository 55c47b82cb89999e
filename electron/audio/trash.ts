// A deleted meeting's recording goes with it into the trash (audio/deleted/<the trash entry's token>), comes
// back with it on restore (to the restored meeting's folder), and is removed when the entry is: "Xóa hẳn" or
// after TRASH_DAYS days. Each move is a rename, undone when the store's side of the step fails.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { describeFsError } from '../fs-errors.ts';
import type { AudioStore } from './store.ts';

const DELETED = 'deleted';
/** Meetings' folders found with no meeting and no trash entry: set aside, so that a new meeting reusing the id never inherits them. */
const UNCLAIMED = 'unclaimed';
const TOKEN = /^[0-9A-Za-z-]{1,64}$/;
const MEETING_DIR = /^\d{1,12}$/;

const failed = (what: string, error: unknown) => new AppError('FILE_WRITE_FAILED', `${what}: ${describeFsError(error)}.`, { cause: error });

export function audioTrash(audio: AudioStore) {
  const deletedDir = join(audio.root, DELETED);
  /** Where an entry's recording waits; null for a token that cannot name a folder (none is kept for it). */
  const waiting = (token: string) => (TOKEN.test(token) ? join(deletedDir, token) : null);

  const move = (from: string, to: string, what: string) => {
    try {
      mkdirSync(join(to, '..'), { recursive: true });
      renameSync(from, to);
    } catch (error) {
      throw failed(what, error);
    }
    return () => renameSync(to, from);
  };

  return {
    /** Moves the meeting's recording to the entry's place in the trash; returns the undo of the move. */
    keep(meetingId: number, token: string): () => void {
      if (audio.isRecordingMeeting(meetingId)) throw new AppError('INVALID_INPUT', 'Đang ghi âm hội nghị này; hãy dừng ghi âm trước khi xóa.');
      const from = audio.dirOf(meetingId);
      const to = waiting(token);
      if (!to || !existsSync(from)) return () => undefined;
      return move(from, to, 'Không chuyển được bản ghi âm vào các hội nghị đã xóa');
    },

    /** Gives the restored meeting the entry's recording; returns the undo of the move. */
    bringBack(token: string, meetingId: number): () => void {
      const from = waiting(token);
      const to = audio.dirOf(meetingId);
      if (!from || !existsSync(from)) return () => undefined;
      if (existsSync(to)) throw new AppError('FILE_WRITE_FAILED', 'Không khôi phục được bản ghi âm: thư mục ghi âm của hội nghị đã có sẵn.');
      return move(from, to, 'Không khôi phục được bản ghi âm của hội nghị');
    },

    /** Sets the meetings' recordings aside under unclaimed/ (their meetings replaced by a restore); returns the undo. */
    setAside(meetingIds: readonly number[], now = Date.now()): () => void {
      if (meetingIds.some((id) => audio.isRecordingMeeting(id)))
        throw new AppError('INVALID_INPUT', 'Đang ghi âm một hội nghị; hãy dừng ghi âm trước khi khôi phục.');
      const undos = meetingIds
        .filter((id) => existsSync(audio.dirOf(id)))
        .map((id) => {
          return move(audio.dirOf(id), join(audio.root, UNCLAIMED, `${id}-${now}`), 'Không cất được bản ghi âm của hội nghị bị thay');
        });
      return () => undos.reverse().forEach((undo) => undo());
    },

    /** Removes the entry's recording for good. */
    forget(token: string): void {
      const dir = waiting(token);
      if (!dir) return;
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch (error) {
        throw failed('Không xóa được bản ghi âm', error);
      }
    },

    /** Removes the recordings of entries no longer in the trash (purged after TRASH_DAYS days). */
    sweep(tokens: readonly string[]): void {
      const kept = new Set(tokens);
      for (const name of list(deletedDir)) if (!kept.has(name)) this.forget(name);
    },

    /**
     * Recordings left behind by meetings deleted before their audio followed them: given to the trash entry
     * of that meeting when there is one, else set aside under unclaimed/.
     */
    adopt(meetingExists: (id: number) => boolean, entryOf: (meetingId: number) => string | null, now = Date.now()): void {
      for (const name of list(audio.root)) {
        if (!MEETING_DIR.test(name) || meetingExists(Number(name)) || audio.isRecordingMeeting(Number(name))) continue;
        const token = entryOf(Number(name));
        const to = token === null ? null : waiting(token);
        if (to && !existsSync(to)) move(join(audio.root, name), to, 'Không chuyển được bản ghi âm vào các hội nghị đã xóa');
        else move(join(audio.root, name), join(audio.root, UNCLAIMED, `${name}-${now}`), 'Không cất được bản ghi âm không còn hội nghị');
      }
    },
  };
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export type AudioTrash = ReturnType<typeof audioTrash>;
