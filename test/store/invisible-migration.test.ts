import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/db.ts';
import { createStore } from '../../electron/store/index.ts';
import { MIGRATIONS } from '../../electron/store/migrations.ts';
import { tempDir } from '../support/store.ts';

const BEFORE = MIGRATIONS.findIndex((m) => m.up.name === 'removeInvisibleCharacters');

describe('migration: invisible characters removed from stored text', () => {
  it('cleans every text column, keeps one space where they stood beside one, and merges people who become one', () => {
    const file = join(tempDir(), 'old.sqlite');
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, BEFORE) });
    db.prepare('UPDATE profile SET issuing_body = ?, place_name = ? WHERE id = 1').run('\uFEFFBan Tổ chức Tỉnh ủy', 'Thanh\u00ADHóa');
    const meeting = Number(
      db
        .prepare(
          `INSERT INTO meetings (title, format, mode, confidentiality, status, content, created_at, updated_at)
      VALUES (?, 'party', 'online', 'none', 'draft', ?, '', '')`,
        )
        .run('Hội\u200B nghị \u2060tổng kết', 'Dòng một\u200D\nDòng\u00AD hai').lastInsertRowid,
    );
    const site = Number(
      db.prepare("INSERT INTO sites (meeting_id, ord, name, level) VALUES (?, 0, ?, 'province')").run(meeting, 'Tỉnh ủy\uFE0F').lastInsertRowid,
    );
    const person = (name: string, key: string) =>
      Number(
        db
          .prepare(
            `INSERT INTO people (full_name, positions, unit, name_key, unit_key, updated_at)
      VALUES (?, '', 'Tỉnh ủy', ?, 'tỉnh ủy', '')`,
          )
          .run(name, key).lastInsertRowid,
      );
    const clean = person('Lê Văn Tám', 'lê văn tám');
    const dirty = person('Lê Văn T\u200Bám', 'lê văn t\u200bám');
    const alone = person('Ngô Thị\u200C Lan', 'ngô thị\u200c lan');
    const attendee = db.prepare(`INSERT INTO attendees (meeting_id, site_id, person_id, ord, full_name, category, presence, role)
      VALUES (?, ?, ?, 0, ?, 'delegate', 'present', 'member')`);
    attendee.run(meeting, site, dirty, 'Lê Văn T\u200Bám');
    db.prepare("INSERT INTO speeches (meeting_id, ord, speaker_name, kind, content) VALUES (?, 0, ?, 'speech', ?)").run(
      meeting,
      'Ngu\u200Byễn \u200B Văn An',
      'Thu\u200B\u0301y lợi \u{E0041}và giao thông.',
    );
    db.close();

    const store = createStore(openDatabase(file));
    const row = (sql: string) => store.db.prepare(sql).get();
    expect(row('SELECT issuing_body, place_name FROM profile')).toEqual({ issuing_body: 'Ban Tổ chức Tỉnh ủy', place_name: 'ThanhHóa' });
    expect(row('SELECT title, content FROM meetings')).toEqual({ title: 'Hội nghị tổng kết', content: 'Dòng một\nDòng hai' });
    expect(row('SELECT name FROM sites')).toEqual({ name: 'Tỉnh ủy' });
    expect(row('SELECT speaker_name, content FROM speeches')).toEqual({ speaker_name: 'Nguyễn Văn An', content: 'Thúy lợi và giao thông.' });
    // The two Lê Văn Tám are one person now; the attendance follows the one kept.
    expect(store.db.prepare('SELECT id, full_name, name_key FROM people ORDER BY id').all()).toEqual([
      { id: clean, full_name: 'Lê Văn Tám', name_key: 'lê văn tám' },
      { id: alone, full_name: 'Ngô Thị Lan', name_key: 'ngô thị lan' },
    ]);
    expect(row('SELECT person_id, full_name FROM attendees')).toEqual({ person_id: clean, full_name: 'Lê Văn Tám' });
    store.search.index.update();
    expect(store.search.search('Nguyễn Văn An').groups.map((g) => g.meetingId)).toEqual([meeting]);
    store.db.close();
  });
});
