// Removes the invisible characters stored before text normalisation removed them (zero-width space and joiners,
// word joiner, soft hyphen, BOM, variation selectors, bidi controls, tags: Unicode 17's default-ignorable code
// points, listed here as they were on the day). A space next to them stays one space; the text is NFC again.
// Two people of the directory that become the same person are merged, their attendances kept.
import type { Db } from '../db.ts';

const CLASS =
  '\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164' +
  '\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8\u{1BCA0}-\u{1BCA3}\u{1D173}-\u{1D17A}\u{E0000}-\u{E0FFF}';
// eslint-disable-next-line no-misleading-character-class -- the joiners and selectors, alone, are the point
const RUN = new RegExp(` *[${CLASS}]+ *`, 'gu');
/** SQLite's GLOB reads character classes and ranges by code point: the same set, to find the rows in SQL. */
const GLOB = `*[${CLASS}]*`;

const clean = (value: string): string =>
  value
    .replace(RUN, (run) => (run.includes(' ') ? ' ' : ''))
    .trim()
    .normalize('NFC');

export function removeInvisibleCharacters(db: Db): void {
  mergePeople(db);
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
    AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'search\\_%' ESCAPE '\\'`,
    )
    .pluck()
    .all() as string[];
  for (const table of tables) {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[])
      .filter((c) => c.type.toUpperCase() === 'TEXT')
      .map((c) => c.name);
    if (columns.length === 0) continue;
    const rows = db
      .prepare(
        `SELECT rowid AS id, ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"
      WHERE ${columns.map((c) => `"${c}" GLOB @glob`).join(' OR ')}`,
      )
      .all({ glob: GLOB }) as Record<string, unknown>[];
    for (const row of rows) {
      const changed = columns.filter((c) => typeof row[c] === 'string' && clean(row[c]) !== row[c]);
      if (changed.length === 0) continue;
      db.prepare(`UPDATE "${table}" SET ${changed.map((c) => `"${c}" = ?`).join(', ')} WHERE rowid = ?`).run(
        ...changed.map((c) => clean(String(row[c]))),
        row.id,
      );
    }
  }
}

/** People whose keys hold invisible characters: cleaned, or merged into the person they then are. */
function mergePeople(db: Db): void {
  const dirty = db.prepare('SELECT id, name_key, unit_key FROM people WHERE name_key GLOB ? OR unit_key GLOB ? ORDER BY id').all(GLOB, GLOB) as {
    id: number;
    name_key: string;
    unit_key: string;
  }[];
  const same = db.prepare('SELECT id FROM people WHERE name_key = ? AND unit_key = ? AND id <> ?').pluck();
  const move = db.prepare('UPDATE attendees SET person_id = ? WHERE person_id = ?');
  const remove = db.prepare('DELETE FROM people WHERE id = ?');
  const rekey = db.prepare('UPDATE people SET name_key = ?, unit_key = ? WHERE id = ?');
  for (const person of dirty) {
    const nameKey = clean(person.name_key);
    const unitKey = clean(person.unit_key);
    const other = same.get(nameKey, unitKey, person.id) as number | undefined;
    if (other === undefined) {
      rekey.run(nameKey, unitKey, person.id);
    } else {
      move.run(other, person.id);
      remove.run(person.id);
    }
  }
}
