// The people directory: everyone entered once, offered again in later meetings, without duplicates.
import { AppError } from '../../shared/errors.ts';
import { personFields, type Person, type PersonFields } from '../../shared/model/meeting.ts';
import { parseOrThrow } from '../../shared/model/validate.ts';
import { foldKey } from '../../shared/text.ts';
import { rankMatches, searchable, type Searchable } from '../../shared/vietnamese/match.ts';
import type { Db } from './db.ts';
import { fromRow } from './table.ts';

const COLUMNS = 'id, full_name, positions, unit, updated_at';

export function createPeople(db: Db) {
  const sql = {
    upsert: db.prepare(`INSERT INTO people (full_name, positions, unit, name_key, unit_key, updated_at)
      VALUES (@fullName, @positions, @unit, @nameKey, @unitKey, @now)
      ON CONFLICT (name_key, unit_key) DO UPDATE SET
        full_name = excluded.full_name,
        positions = CASE WHEN excluded.positions = '' THEN people.positions ELSE excluded.positions END,
        unit = excluded.unit,
        updated_at = excluded.updated_at
      RETURNING ${COLUMNS}`),
    get: db.prepare(`SELECT ${COLUMNS} FROM people WHERE id = ?`),
    list: db.prepare(`SELECT ${COLUMNS} FROM people ORDER BY name_key, unit_key`),
    recent: db.prepare(`SELECT ${COLUMNS} FROM people ORDER BY updated_at DESC, id DESC`),
    delete: db.prepare('DELETE FROM people WHERE id = ?'),
  };
  const decode = (row: unknown) => fromRow<Person>(row as Record<string, unknown>);

  /** A person whose fields the schema has already validated (the bulk path's attendees). */
  function rememberValid(person: PersonFields): Person {
    if (!person.fullName) throw new AppError('INVALID_INPUT', 'Không lưu được người vào danh bạ: họ và tên không được để trống.');
    return decode(
      sql.upsert.get({
        fullName: person.fullName,
        positions: person.positions,
        unit: person.unit,
        nameKey: foldKey(person.fullName),
        unitKey: foldKey(person.unit),
        now: new Date().toISOString(),
      }),
    );
  }

  return {
    /** Adds a person, or refreshes the one with the same name and unit; returns the directory entry. */
    remember(input: unknown): Person {
      return rememberValid(parseOrThrow(personFields, input, 'Không lưu được người vào danh bạ'));
    },
    rememberValid,
    get(id: number): Person {
      const row = sql.get.get(id);
      if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy người trong danh bạ (mã ${id}).`);
      return decode(row);
    },
    list: (): Person[] => sql.list.all().map(decode),
    /**
     * The directory entries matching what was typed, as the speaker picker matches: accents optional,
     * either tone placement, initials ("nvt" → Nguyễn Văn Thông); best match first, then the most recent.
     */
    suggest(typed: string, limit = 20): Person[] {
      const people = sql.recent.all().map(decode);
      const keys = new Map<Person, Searchable>(people.map((p) => [p, searchable(p.fullName)]));
      return rankMatches(typed, people, (p) => keys.get(p) ?? searchable(p.fullName), limit);
    },
    remove(id: number): void {
      sql.delete.run(id);
    },
  };
}

export type People = ReturnType<typeof createPeople>;
