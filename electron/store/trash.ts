// The trash: a deleted meeting kept whole as a meeting file (the versioned format of
// docs/meeting-file.md, which a later version still reads) for TRASH_DAYS days.
import { AppError } from '../../shared/errors.ts';
import { TRASH_DAYS, type DeletedMeeting } from '../../shared/trash.ts';
import type { Db } from './db.ts';

const DAY = 24 * 60 * 60 * 1000;
const cutoff = (now: Date) => new Date(now.getTime() - TRASH_DAYS * DAY).toISOString();

export function createTrash(db: Db) {
  const sql = {
    insert: db.prepare('INSERT INTO deleted_meetings (token, title, date, deleted_at, file) VALUES (?, ?, ?, ?, ?) RETURNING id').pluck(),
    list: db.prepare('SELECT id, title, date, deleted_at FROM deleted_meetings WHERE deleted_at > ? ORDER BY deleted_at DESC, id DESC'),
    file: db.prepare('SELECT file FROM deleted_meetings WHERE id = ? AND deleted_at > ?').pluck(),
    byToken: db.prepare('SELECT id FROM deleted_meetings WHERE token = ?').pluck(),
    remove: db.prepare('DELETE FROM deleted_meetings WHERE id = ?'),
    purge: db.prepare('DELETE FROM deleted_meetings WHERE deleted_at <= ?'),
  };
  const notFound = () => new AppError('NOT_FOUND', `Không còn hội nghị này trong các hội nghị đã xóa (chỉ giữ ${TRASH_DAYS} ngày).`);

  return {
    add(entry: { token: string; title: string; date: string | null; file: string }, now = new Date()): number {
      return sql.insert.get(entry.token, entry.title, entry.date, now.toISOString(), entry.file) as number;
    },
    list(now = new Date()): DeletedMeeting[] {
      return (sql.list.all(cutoff(now)) as { id: number; title: string; date: string | null; deleted_at: string }[]).map((row) => ({
        id: row.id,
        title: row.title,
        date: row.date,
        deletedAt: row.deleted_at,
        expiresAt: new Date(Date.parse(row.deleted_at) + TRASH_DAYS * DAY).toISOString(),
      }));
    },
    /** The meeting file of an entry still in the trash. */
    file(id: number, now = new Date()): string {
      const file = sql.file.get(id, cutoff(now)) as string | undefined;
      if (file === undefined) throw notFound();
      return file;
    },
    idOfToken(token: string): number {
      const id = sql.byToken.get(token) as number | undefined;
      if (id === undefined) throw new AppError('NOT_FOUND', 'Không còn bản sao để khôi phục hội nghị đã xóa.');
      return id;
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
