// The trash: a deleted meeting kept whole as a meeting file (the versioned format of
// docs/meeting-file.md, which a later version still reads) for TRASH_DAYS days.
import { AppError } from '../../shared/errors.ts';
import type { Confidentiality } from '../../shared/model/meeting.ts';
import { TRASH_DAYS, type DeletedMeeting } from '../../shared/trash.ts';
import type { Db } from './db.ts';

const DAY = 24 * 60 * 60 * 1000;
const cutoff = (now: Date) => new Date(now.getTime() - TRASH_DAYS * DAY).toISOString();

export interface TrashEntry {
  token: string;
  title: string;
  date: string | null;
  file: string;
  meetingId: number;
  meetingCreatedAt: string;
  confidentiality: Confidentiality;
}

export function createTrash(db: Db) {
  const sql = {
    insert: db
      .prepare(
        `INSERT INTO deleted_meetings (token, title, date, deleted_at, file, meeting_id, meeting_created_at, confidentiality)
      VALUES (@token, @title, @date, @deletedAt, @file, @meetingId, @meetingCreatedAt, @confidentiality) RETURNING id`,
      )
      .pluck(),
    list: db.prepare('SELECT id, title, date, deleted_at, confidentiality FROM deleted_meetings WHERE deleted_at > ? ORDER BY deleted_at DESC, id DESC'),
    origin: db.prepare('SELECT token, meeting_id AS meetingId, meeting_created_at AS meetingCreatedAt FROM deleted_meetings WHERE id = ?'),
    file: db.prepare('SELECT file FROM deleted_meetings WHERE id = ? AND deleted_at > ?').pluck(),
    byToken: db.prepare('SELECT id FROM deleted_meetings WHERE token = ?').pluck(),
    tokens: db.prepare('SELECT token FROM deleted_meetings').pluck(),
    ofMeeting: db.prepare('SELECT token FROM deleted_meetings WHERE meeting_id = ? ORDER BY deleted_at DESC, id DESC LIMIT 1').pluck(),
    remove: db.prepare('DELETE FROM deleted_meetings WHERE id = ?'),
    purge: db.prepare('DELETE FROM deleted_meetings WHERE deleted_at <= ?'),
  };
  const notFound = () => new AppError('NOT_FOUND', `Không còn hội nghị này trong các hội nghị đã xóa (chỉ giữ ${TRASH_DAYS} ngày).`);

  return {
    add(entry: TrashEntry, now = new Date()): number {
      return sql.insert.get({ ...entry, deletedAt: now.toISOString() }) as number;
    },
    list(now = new Date()): DeletedMeeting[] {
      return (sql.list.all(cutoff(now)) as { id: number; title: string; date: string | null; deleted_at: string; confidentiality: Confidentiality }[]).map(
        (row) => ({
          id: row.id,
          title: row.title,
          date: row.date,
          confidentiality: row.confidentiality,
          deletedAt: row.deleted_at,
          expiresAt: new Date(Date.parse(row.deleted_at) + TRASH_DAYS * DAY).toISOString(),
        }),
      );
    },
    /** The meeting file of an entry still in the trash. */
    file(id: number, now = new Date()): string {
      const file = sql.file.get(id, cutoff(now)) as string | undefined;
      if (file === undefined) throw notFound();
      return file;
    },
    /** Which meeting an entry was (for finding it in the backups); null ids for entries older than that record. */
    origin(id: number): { token: string; meetingId: number | null; meetingCreatedAt: string | null } {
      const row = sql.origin.get(id) as { token: string; meetingId: number | null; meetingCreatedAt: string | null } | undefined;
      if (!row) throw notFound();
      return row;
    },
    idOfToken(token: string): number {
      const id = sql.byToken.get(token) as number | undefined;
      if (id === undefined) throw new AppError('NOT_FOUND', 'Không còn bản sao để khôi phục hội nghị đã xóa.');
      return id;
    },
    /** The token of every entry (what the recordings kept in the trash are named by). */
    tokens(): string[] {
      return sql.tokens.all() as string[];
    },
    /** The token of the latest entry of a meeting id, if any. */
    tokenOfMeeting(meetingId: number): string | null {
      return (sql.ofMeeting.get(meetingId) as string | undefined) ?? null;
    },
    remove(id: number): void {
      sql.remove.run(id);
    },
    /** Removes for good what was deleted more than TRASH_DAYS days ago; returns how many. */
    purge(now = new Date()): number {
      return sql.purge.run(cutoff(now)).changes;
    },
  };
}

export type Trash = ReturnType<typeof createTrash>;
