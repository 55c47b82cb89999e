// One ordered list of records inside a meeting (sites, attendees, speeches…): validated writes,
// contiguous ordering, and references checked to stay inside the same meeting.
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import * as z from 'zod';
import { AppError } from '../../shared/errors.ts';
import { parseOrThrow } from '../../shared/model/validate.ts';
import type { Db } from './db.ts';
import { identityOf, outsideMeeting, placeIn } from './rules.ts';

type Fields = z.ZodObject;
export type Stored<S extends Fields> = z.output<S> & { id: number; meetingId: number; ord: number; uuid: string };
type Row = Record<string, unknown>;

export const toColumn = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const KEYS = new Map<string, string>();
/** Column → key, worked out once per column name (a meeting's record reads thousands of rows). */
function toKey(column: string): string {
  let key = KEYS.get(column);
  if (key === undefined) KEYS.set(column, (key = column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
  return key;
}

/** Object → named parameters: camelCase keys to snake_case, booleans to 0/1. */
export function toParams(values: Row): Row {
  const params: Row = {};
  for (const [key, value] of Object.entries(values)) params[toColumn(key)] = typeof value === 'boolean' ? Number(value) : value;
  return params;
}

/** Row → object: snake_case columns to camelCase keys, the named boolean columns back to booleans. */
export function fromRow<T>(row: Row, booleans: readonly string[] = []): T {
  const value: Row = {};
  for (const column in row) {
    const key = toKey(column);
    const cell = row[column];
    value[key] = booleans.length > 0 && booleans.includes(key) ? cell === 1 : cell;
  }
  return value as T;
}

/** Marks a meeting changed: its time of change, and its revision (which orders what the page receives). */
export function touchMeeting(db: Db, meetingId: number): void {
  let touch = TOUCH.get(db);
  if (!touch) TOUCH.set(db, (touch = db.prepare<[string, number]>('UPDATE meetings SET updated_at = ?, revision = revision + 1 WHERE id = ?')));
  touch.run(new Date().toISOString(), meetingId);
}
/** touchMeeting's statement, prepared once per connection (every write runs it). */
const TOUCH = new WeakMap<Db, Statement<[string, number]>>();

export interface ListSpec<S extends Fields> {
  table: string;
  /** Vietnamese name of one record, for messages ("điểm cầu"). */
  label: string;
  fields: S;
  /** Field whose value groups the ordering (attendees are ordered within their site); default: the meeting. */
  scope?: string;
  booleans?: readonly string[];
  /** Fields that point at a record of another table in the same meeting. */
  refs?: Readonly<Record<string, string>>;
  /** A rule spanning records, checked before every write. */
  check?: (next: z.output<S> & { meetingId: number }, id: number | null) => void;
  /** Fields worked out from others before every write; `changed` names the fields the write sets (none when adding). */
  derive?: (value: z.output<S>, changed: (key: string) => boolean) => z.output<S>;
}

export interface OrderedList<S extends Fields> {
  list(meetingId: number): Stored<S>[];
  get(id: number): Stored<S>;
  find(id: number): Stored<S> | undefined;
  add(meetingId: number, input: unknown, position?: number): Stored<S>;
  update(id: number, patch: unknown): Stored<S>;
  /** Returns the row as it was. */
  remove(id: number): Stored<S>;
  /** Returns the row at its new place. */
  move(id: number, position: number): Stored<S>;
}

export function orderedList<S extends Fields>(db: Db, spec: ListSpec<S>): OrderedList<S> {
  const { table, label, fields } = spec;
  const keys = Object.keys(fields.shape);
  const scopeColumn = spec.scope ? toColumn(spec.scope) : 'meeting_id';
  const columns = ['meeting_id', 'ord', 'uuid', ...keys.map(toColumn)];

  const sql = {
    list: db.prepare(`SELECT * FROM ${table} WHERE meeting_id = ? ORDER BY ${spec.scope ? `${scopeColumn}, ` : ''}ord, id`),
    get: db.prepare(`SELECT * FROM ${table} WHERE id = ?`),
    insert: db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) RETURNING *`),
    delete: db.prepare(`DELETE FROM ${table} WHERE id = ?`),
    size: db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${scopeColumn} = ?`),
    openGap: db.prepare(`UPDATE ${table} SET ord = ord + 1 WHERE ${scopeColumn} = ? AND ord >= ?`),
    closeGap: db.prepare(`UPDATE ${table} SET ord = ord - 1 WHERE ${scopeColumn} = ? AND ord > ?`),
    idsInOrder: db.prepare(`SELECT id FROM ${table} WHERE ${scopeColumn} = ? ORDER BY ord, id`).pluck(),
    setOrd: db.prepare(`UPDATE ${table} SET ord = ? WHERE id = ?`),
    meetingExists: db.prepare('SELECT 1 FROM meetings WHERE id = ?').pluck(),
  };
  const refChecks = Object.entries(spec.refs ?? {}).map(([key, refTable]) => ({
    key,
    stmt: db.prepare(`SELECT 1 FROM ${refTable} WHERE id = ? AND meeting_id = ?`).pluck(),
  }));

  const decode = (row: Row) => fromRow<Stored<S>>(row, spec.booleans);
  const find = (id: number) => {
    const row = sql.get.get(id) as Row | undefined;
    return row ? decode(row) : undefined;
  };
  const get = (id: number) => {
    const found = find(id);
    if (!found) throw new AppError('NOT_FOUND', `Không tìm thấy ${label} (mã ${id}).`);
    return found;
  };
  const scopeOf = (value: Row, meetingId: number) => (spec.scope ? value[spec.scope] : meetingId) as number;

  // An update sets only the columns whose value changed (so a trigger on a column fires only when it
  // changed, and a long text left alone is neither rewritten nor normalised again): one statement per set.
  const updates = new Map<string, Statement>();
  const updateOf = (changed: readonly string[]) => {
    const signature = changed.join();
    let stmt = updates.get(signature);
    if (!stmt) updates.set(signature, (stmt = db.prepare(`UPDATE ${table} SET ${changed.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)));
    return stmt;
  };
  // The fields a patch gives, parsed alone: the others are as stored, which their schema produced.
  const partials = new Map<string, Fields>();
  const partOf = (given: readonly string[]) => {
    const signature = given.join();
    let part = partials.get(signature);
    if (!part) partials.set(signature, (part = z.object(Object.fromEntries(given.map((key) => [key, fields.shape[key]])))));
    return part;
  };

  const added = () => false;
  function validate(meetingId: number, input: unknown, id: number | null, changed: (key: string) => boolean = added): z.output<S> {
    return checked(meetingId, parseOrThrow(fields, input, `Không lưu được ${label}`) as z.output<S>, id, changed);
  }
  function checked(meetingId: number, parsed: z.output<S>, id: number | null, changed: (key: string) => boolean): z.output<S> {
    const value = spec.derive ? spec.derive(parsed, changed) : parsed;
    for (const { key, stmt } of refChecks) {
      const ref = (value as Row)[key];
      if (ref != null && !stmt.get(ref, meetingId)) throw outsideMeeting(label, key);
    }
    spec.check?.({ ...value, meetingId }, id);
    return value;
  }

  return {
    list: (meetingId) => (sql.list.all(meetingId) as Row[]).map(decode),
    get,
    find,
    add: db.transaction((meetingId: number, input: unknown, position?: number) => {
      if (!sql.meetingExists.get(meetingId)) throw new AppError('NOT_FOUND', `Không tìm thấy hội nghị (mã ${meetingId}).`);
      const value = validate(meetingId, input, null);
      const scope = scopeOf(value as Row, meetingId);
      const size = (sql.size.get(scope) as { n: number }).n;
      const ord = placeIn(size, position);
      if (ord < size) sql.openGap.run(scope, ord);
      const row = sql.insert.get({ ...toParams(value as Row), meeting_id: meetingId, ord, uuid: identityOf() }) as Row;
      touchMeeting(db, meetingId);
      return decode(row);
    }),
    update: db.transaction((id: number, patch: unknown) => {
      const current = get(id);
      if (typeof patch !== 'object' || patch === null) throw new AppError('INVALID_INPUT', `Không lưu được ${label}: dữ liệu không hợp lệ.`);
      const given = keys.filter((key) => key in patch);
      const parsed = parseOrThrow(partOf(given), patch, `Không lưu được ${label}`) as Row;
      const merged: Row = {};
      for (const key of keys) merged[key] = key in parsed ? parsed[key] : (current as Row)[key];
      const value = checked(current.meetingId, merged as z.output<S>, id, (key) => key in patch) as Row;
      let ord = current.ord;
      const oldScope = scopeOf(current as Row, current.meetingId);
      const newScope = scopeOf(value, current.meetingId);
      if (oldScope !== newScope) {
        sql.closeGap.run(oldScope, current.ord);
        ord = (sql.size.get(newScope) as { n: number }).n;
      }
      const next = { ...current, ...value, ord } as Stored<S>;
      const changes: Row = {};
      for (const key of ['ord', ...keys]) if ((next as Row)[key] !== (current as Row)[key]) changes[key] = (next as Row)[key];
      const changed = Object.keys(changes);
      if (changed.length > 0) updateOf(changed.map(toColumn)).run({ ...toParams(changes), id });
      touchMeeting(db, current.meetingId);
      return next;
    }),
    remove: db.transaction((id: number) => {
      const current = get(id);
      sql.delete.run(id);
      sql.closeGap.run(scopeOf(current as Row, current.meetingId), current.ord);
      touchMeeting(db, current.meetingId);
      return current;
    }),
    move: db.transaction((id: number, position: number) => {
      const current = get(id);
      const ids = sql.idsInOrder.all(scopeOf(current as Row, current.meetingId)) as number[];
      ids.splice(ids.indexOf(id), 1);
      ids.splice(Math.max(0, Math.min(position, ids.length)), 0, id);
      ids.forEach((each, index) => sql.setOrd.run(index, each));
      touchMeeting(db, current.meetingId);
      return get(id);
    }),
  };
}
