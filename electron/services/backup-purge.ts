// Deleting a confidential meeting for good also removes it from the automatic backups (after the user
// was told how many hold it): each backup holding it is opened in memory, the meeting and its trash
// entries deleted, its indices compacted, and the backup written anew over itself (whole, with the
// store's key). Backups taken to a folder or stick are outside the app's reach; the screens say so.
import { join } from 'node:path';
import type { Db } from '../store/db.ts';
import { compactSearchIndexes } from '../store/erase.ts';
import type { StoreKey } from '../store/keys.ts';
import { listBackups, openBackup, writeBackup } from './backups.ts';

/** A meeting by its id and creation time (ids can be reused once the highest is deleted). */
export interface MeetingOrigin {
  /** Null for a trash entry made before entries recorded their meeting: then found by token only. */
  meetingId: number | null;
  createdAt: string | null;
  /** The trash entry's token, when it was in the trash. */
  token?: string | undefined;
}

function remove(db: Db, origin: MeetingOrigin): number {
  const meetings = db.prepare('DELETE FROM meetings WHERE id = ? AND created_at = ?').run(origin.meetingId, origin.createdAt).changes;
  const trash = db
    .prepare('DELETE FROM deleted_meetings WHERE token = ? OR (meeting_id = ? AND meeting_created_at = ?)')
    .run(origin.token ?? '', origin.meetingId, origin.createdAt).changes;
  return meetings + trash;
}

/** The automatic backups that hold the meeting (those the key opens). */
export function backupsHolding(dir: string, key: StoreKey | null, origin: MeetingOrigin): string[] {
  const names: string[] = [];
  for (const info of listBackups(dir, key)) {
    if (info.meetings === null) continue;
    try {
      const backup = openBackup(join(dir, info.name), key);
      try {
        if (contains(backup.db, origin)) names.push(info.name);
      } finally {
        backup.db.close();
      }
    } catch {
      // Unreadable: not counted; purge reports it.
    }
  }
  return names;
}

function contains(db: Db, origin: MeetingOrigin): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM meetings WHERE id = ? AND created_at = ?
    UNION ALL SELECT 1 FROM deleted_meetings WHERE token = ? OR (meeting_id = ? AND meeting_created_at = ?) LIMIT 1`,
      )
      .get(origin.meetingId, origin.createdAt, origin.token ?? '', origin.meetingId, origin.createdAt) !== undefined
  );
}

/** Removes the meeting from every automatic backup holding it; returns the names purged and those that failed. */
export async function purgeFromBackups(dir: string, key: StoreKey | null, origin: MeetingOrigin): Promise<{ purged: string[]; failed: string[] }> {
  const purged: string[] = [];
  const failed: string[] = [];
  for (const info of listBackups(dir, key)) {
    const path = join(dir, info.name);
    try {
      const backup = openBackup(path, key);
      try {
        if (remove(backup.db, origin) === 0) continue;
        compactSearchIndexes(backup.db);
        await writeBackup(backup.db, path, key);
        purged.push(info.name);
      } finally {
        backup.db.close();
      }
    } catch {
      failed.push(info.name);
    }
  }
  return { purged, failed };
}
