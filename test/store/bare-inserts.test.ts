// The import benchmark's baseline must write what import writes, or its ratio compares unlike work (it once
// stopped running at all when the file gained a boolean and recipient records, and nothing noticed).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bareInserts } from '../../bench/bare-inserts.ts';
import { nationalMeetingFile } from '../../bench/national-meeting.ts';
import { importMeetingFile, serializeMeetingFile } from '../../electron/services/meeting-file.ts';
import type { Store } from '../../electron/store/index.ts';
import { memoryStore, tempDir } from '../support/store.ts';

const TABLES = ['meetings', 'sites', 'attendees', 'agenda_items', 'speeches', 'conclusions', 'action_items', 'recipients'];

/**
 * Each table's rows without what either path makes up (ids, clock, identity, the directory of people) and without
 * a speech's end, which import derives from its start and duration by a rule (the baseline has none, by design).
 */
function written(store: Store): Record<string, unknown[]> {
  const made = new Set(['id', 'uuid', 'created_at', 'updated_at', 'revision', 'person_id']);
  return Object.fromEntries(
    TABLES.map((table) => {
      const columns = (store.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter(
        (c) => !made.has(c) && !(table === 'speeches' && c === 'end_time'),
      );
      return [table, store.db.prepare(`SELECT ${columns.join(', ')} FROM ${table} ORDER BY id`).all()];
    }),
  );
}

describe('the bare-INSERT baseline of the import benchmark', () => {
  it('writes the records that import writes, for the national meeting', () => {
    const file = nationalMeetingFile(0.25);
    expect(file.meeting.minutesApproved).toBeTypeOf('boolean');
    expect(file.recipients.length).toBeGreaterThan(0);
    const path = join(tempDir(), 'national.json');
    writeFileSync(path, serializeMeetingFile(file));
    const imported = memoryStore();
    importMeetingFile(imported, path);
    const bare = memoryStore();
    bareInserts(bare.db, path);
    const want = written(imported);
    const ends = imported.db.prepare('SELECT count(*) FROM speeches WHERE end_time IS NOT NULL').pluck().get();
    expect(ends).toBe(file.speeches.filter((s) => s.startTime && s.durationMinutes).length);
    expect(want.sites?.length).toBe(file.sites.length);
    expect(want.recipients?.length).toBe(file.recipients.length);
    expect(written(bare)).toEqual(want);
  });
});
