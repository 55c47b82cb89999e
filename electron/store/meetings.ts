// Meetings: the record at the head of everything else, its list, and document numbers.
import { AppError } from '../../shared/errors.ts';
import { meetingFields, type Format, type Meeting, type MeetingFields, type MeetingSummary } from '../../shared/model/meeting.ts';
import { parseOrThrow } from '../../shared/model/validate.ts';
import type { Db } from './db.ts';
import { checkMeetingTimes, identityOf } from './rules.ts';
import { fromRow, toColumn, toParams } from './table.ts';

const KEYS = Object.keys(meetingFields.shape);
const BOOLEANS = ['minutesApproved'];

export type DocumentType = 'BB' | 'TB';

export function createMeetings(db: Db) {
  const columns = KEYS.map(toColumn);
  const sql = {
    insert: db.prepare(`INSERT INTO meetings (${columns.join(', ')}, uuid, created_at, updated_at)
      VALUES (${columns.map((c) => `@${c}`).join(', ')}, @uuid, @created_at, @updated_at) RETURNING *`),
    update: db.prepare(`UPDATE meetings SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at,
      revision = revision + 1 WHERE id = @id RETURNING *`),
    get: db.prepare('SELECT * FROM meetings WHERE id = ?'),
    delete: db.prepare('DELETE FROM meetings WHERE id = ?'),
    list: db.prepare(`SELECT m.id, m.kind, m.title, m.format, m.number, m.date, m.status, m.updated_at,
        (SELECT count(*) FROM sites s WHERE s.meeting_id = m.id) AS site_count,
        (SELECT count(*) FROM attendees a WHERE a.meeting_id = m.id)
          + (SELECT coalesce(sum(s.attendee_count), 0) FROM sites s WHERE s.meeting_id = m.id) AS attendee_count,
        (SELECT count(*) FROM speeches p WHERE p.meeting_id = m.id) AS speech_count
      FROM meetings m ORDER BY m.date IS NULL, m.date DESC, m.updated_at DESC`),
    lastNumberByTerm: db.prepare(`SELECT max(number) FROM meetings WHERE format = 'party' AND term = ?`).pluck(),
    lastNoticeByTerm: db.prepare(`SELECT max(notice_number) FROM meetings WHERE format = 'party' AND term = ?`).pluck(),
    lastNumberByYear: db.prepare(`SELECT max(number) FROM meetings WHERE format = 'state' AND substr(date, 1, 4) = ?`).pluck(),
    lastNoticeByYear: db.prepare(`SELECT max(notice_number) FROM meetings WHERE format = 'state' AND substr(date, 1, 4) = ?`).pluck(),
  };

  const decode = (row: Record<string, unknown>) => fromRow<Meeting>(row, BOOLEANS);

  function validate(input: unknown): MeetingFields {
    const value = parseOrThrow(meetingFields, input, 'Không lưu được thông tin hội nghị');
    checkMeetingTimes(value);
    return value;
  }

  /**
   * A new meeting from fields the schema has already validated (the bulk path's files); the rules still hold.
   * `uuid`: the identity it keeps from a meeting file (the same meeting on another machine); otherwise a new one.
   */
  function insert(value: MeetingFields, uuid?: string | null): Meeting {
    checkMeetingTimes(value);
    const now = new Date().toISOString();
    return decode(sql.insert.get({ ...toParams(value), uuid: identityOf(uuid), created_at: now, updated_at: now }) as Record<string, unknown>);
  }

  function get(id: number): Meeting {
    const row = sql.get.get(id) as Record<string, unknown> | undefined;
    if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy hội nghị (mã ${id}).`);
    return decode(row);
  }

  return {
    get,
    create(input: unknown): Meeting {
      return insert(parseOrThrow(meetingFields, input, 'Không lưu được thông tin hội nghị'));
    },
    insert,
    update(id: number, patch: unknown): Meeting {
      if (typeof patch !== 'object' || patch === null) throw new AppError('INVALID_INPUT', 'Không lưu được thông tin hội nghị: dữ liệu không hợp lệ.');
      const current = get(id) as unknown as Record<string, unknown>;
      const merged = Object.fromEntries(KEYS.map((k) => [k, k in patch ? (patch as Record<string, unknown>)[k] : current[k]]));
      return decode(sql.update.get({ ...toParams(validate(merged)), id, updated_at: new Date().toISOString() }) as Record<string, unknown>);
    },
    remove(id: number): void {
      get(id);
      sql.delete.run(id);
    },
    list(): MeetingSummary[] {
      return (sql.list.all() as Record<string, unknown>[]).map((row) => fromRow<MeetingSummary>(row));
    },
    /**
     * The next free number of a document type. Party numbering restarts each term of the cấp ủy,
     * State numbering each calendar year (Nghị định 30/2020).
     */
    suggestNumber(type: DocumentType, format: Format, termOrYear: string): number {
      const stmt =
        format === 'party' ? (type === 'BB' ? sql.lastNumberByTerm : sql.lastNoticeByTerm) : type === 'BB' ? sql.lastNumberByYear : sql.lastNoticeByYear;
      return ((stmt.get(termOrYear) as number | null) ?? 0) + 1;
    },
  };
}

export type Meetings = ReturnType<typeof createMeetings>;
