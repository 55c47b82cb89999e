// Recordings in backups, only when the secretary chooses (audio_settings.in_backups, off by default): a backup
// then holds each meeting's part files as they are on disk (backup_audio; a sealed part stays sealed, and an
// encrypted store's backup is encrypted whole), and a restore gives them to the restored meetings, written
// again as this store writes that meeting's recordings.
import type { AudioPart } from '../../shared/audio.ts';
import type { Db, Store } from '../store/index.ts';
import { audioSealing } from './keys.ts';
import type { AudioStore } from './store.ts';

export function audioInBackups(db: Db): boolean {
  return db.prepare('SELECT in_backups FROM audio_settings WHERE id = 1').pluck().get() === 1;
}

export function setAudioInBackups(db: Db, include: boolean): boolean {
  db.prepare('UPDATE audio_settings SET in_backups = ? WHERE id = 1').run(include ? 1 : 0);
  return audioInBackups(db);
}

/** What a new backup of the store gets besides its database, given the copy (nothing unless chosen). */
export function backupAudio(store: Store, audio: AudioStore | undefined): ((copy: Db) => void) | undefined {
  if (!audio) return undefined;
  return (copy) => {
    if (!audioInBackups(store.db)) return;
    const insert = copy.prepare('INSERT INTO backup_audio (meeting_id, part, bytes) VALUES (?, ?, ?)');
    const meetings = copy.prepare('SELECT id FROM meetings').pluck().all() as number[];
    copy.transaction(() => {
      for (const meetingId of meetings) {
        for (const { part } of audio.list(meetingId)) insert.run(meetingId, part, audio.fileOf(meetingId, part));
      }
    })();
  };
}

/** The meetings of a backup that carry recordings, with their count of parts. */
export function backupAudioParts(backup: Store): Map<number, number> {
  const rows = backup.db.prepare('SELECT meeting_id AS meetingId, count(*) AS parts FROM backup_audio GROUP BY meeting_id').all() as {
    meetingId: number;
    parts: number;
  }[];
  return new Map(rows.map((row) => [row.meetingId, row.parts]));
}

/** Gives each restored meeting (to) the recording its original (from) has in the backup; all or nothing. */
export function restoreAudio(backup: Store, audio: AudioStore, restored: readonly { from: number; to: number }[]): void {
  const { sealers } = audioSealing(backup);
  const parts = backup.db.prepare<[number], Buffer>('SELECT bytes FROM backup_audio WHERE meeting_id = ? ORDER BY part').pluck();
  const made: AudioPart[] = [];
  try {
    for (const { from, to } of restored) {
      for (const bytes of parts.all(from)) made.push(audio.importPart(to, bytes, sealers));
    }
  } catch (error) {
    for (const part of made) audio.discardPart(part.meetingId, part.part);
    throw error;
  }
}
