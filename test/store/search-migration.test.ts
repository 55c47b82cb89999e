// The index stays right as the folding changes, and any SQLite tool can write the database.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/db.ts';
import { createStore } from '../../electron/store/index.ts';
import { MIGRATIONS } from '../../electron/store/migrations.ts';
import { INDEX_VERSION } from '../../electron/store/search-index.ts';
import { tempDir } from '../support/store.ts';
import { SPELLING_QUERIES, writeSpellingArchive } from './search-archive.ts';

const VERSION_BEFORE_NEW_INDEX = MIGRATIONS.findIndex((m) => m.up.name === 'searchIndexV2');

/** Every query of the archive finds what it must, the first one first. */
function expectEveryQueryFinds(store: ReturnType<typeof createStore>) {
  for (const { query, first, also = [] } of SPELLING_QUERIES) {
    const titles = store.search.search(query).groups.map((g) => g.title);
    if (first) expect(titles[0], query).toBe(first);
    expect(titles, query).toEqual(expect.arrayContaining(also));
  }
}

/** The index as rows: what each record is indexed as, whatever its rowids. */
const indexRows = (db: Database.Database) => db.prepare('SELECT kind, record_id, hash FROM search_docs ORDER BY kind, record_id, hash').all();

function openStore(file: string) {
  const store = createStore(openDatabase(file));
  return store;
}

describe('search index across versions of the folding', () => {
  it('reindexes an archive indexed with the old folding (migration 3), and every query then finds it', () => {
    const file = join(tempDir(), 'old.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, VERSION_BEFORE_NEW_INDEX) });
    writeSpellingArchive(old);
    // The old index, built by triggers calling bb_fold, cannot see "kỹ" in "kĩ" nor the name behind a zero-width space.
    const oldMatch = (q: string) => old.prepare('SELECT DISTINCT meeting_id FROM search_index WHERE search_index MATCH ?').pluck().all(q);
    expect(oldMatch('folded : "ki" "thuat"')).toHaveLength(1);
    expect(oldMatch('folded : "nguyen" "thi" "hanh"')).toEqual([]);
    old.close();

    const store = openStore(file);
    const progress: [number, number][] = [];
    expect(store.search.index.update({ onProgress: (done, total) => progress.push([done, total]) })).toBe(0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
    expectEveryQueryFinds(store);
    // Nothing of the old index is left, and no trigger calls a function of the app.
    const schema = store.db.prepare("SELECT name, coalesce(sql, '') AS sql FROM sqlite_master").all() as { name: string; sql: string }[];
    expect(schema.map((s) => s.name)).not.toContain('search_index');
    expect(schema.filter((s) => /bb_\w+\s*\(/.test(s.sql))).toEqual([]);
    store.db.close();
  });

  it('rebuilds after a change of folding version, in batches that resume after the app is closed', () => {
    const dir = tempDir();
    const fresh = openStore(join(dir, 'fresh.sqlite'));
    writeSpellingArchive(fresh.db);
    fresh.search.index.update();
    const expected = indexRows(fresh.db);
    fresh.db.close();

    const file = join(dir, 'archive.sqlite');
    const first = openStore(file);
    writeSpellingArchive(first.db);
    first.search.index.update();
    // As if indexed by an earlier folding.
    first.db.prepare("UPDATE search_state SET version = 'fold 1, passages 1'").run();
    first.db.close();

    const second = openStore(file);
    // Emptied, every record queued; the searches meanwhile say that records are waiting.
    expect(second.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(0);
    const records = second.search.index.pending();
    expect(records).toBe(
      second.db
        .prepare(
          `SELECT (SELECT count(*) FROM meetings) + (SELECT count(*) FROM sites) + (SELECT count(*) FROM attendees)
      + (SELECT count(*) FROM speeches) + (SELECT count(*) FROM conclusions)`,
        )
        .pluck()
        .get(),
    );
    expect(second.db.prepare('SELECT version FROM search_state').pluck().get()).toBe(INDEX_VERSION);
    const seen: [number, number][] = [];
    expect(second.search.index.update({ limit: 10, onProgress: (done, total) => seen.push([done, total]) })).toBe(records - 10);
    expect(seen).toEqual([[10, records]]);
    second.db.close(); // the app is closed half-way

    const third = openStore(file);
    expect(third.search.index.pending()).toBe(records - 10);
    third.search.index.update();
    expect(indexRows(third.db)).toEqual(expected);
    expectEveryQueryFinds(third);
    third.db.close();
  });

  it('keeps a bulk write in step: rows inserted at once in one transaction are queued and indexed together', () => {
    const store = openStore(join(tempDir(), 'bulk.sqlite'));
    const meeting = Number(
      store.db
        .prepare(
          `INSERT INTO meetings (title, format, mode, confidentiality, status, created_at, updated_at)
      VALUES ('Nhập danh sách', 'party', 'online', 'none', 'draft', '', '')`,
        )
        .run().lastInsertRowid,
    );
    const site = store.db.prepare("INSERT INTO sites (meeting_id, ord, name, level) VALUES (?, ?, ?, 'commune')");
    store.db.transaction(() => {
      for (let i = 0; i < 3000; i++) site.run(meeting, i, `Đảng ủy xã số ${i + 1}`);
    })();
    expect(store.search.index.pending()).toBe(3001);
    const result = store.search.search('dang uy xa so 2999');
    expect(result.pending).toBe(store.search.index.pending());
    store.search.index.update();
    expect(store.search.search('dang uy xa so 2999').groups[0]?.hits[0]?.passage.text).toBe('Đảng ủy xã số 2999');
    expect(store.db.prepare('SELECT count(*) FROM search_docs').pluck().get()).toBe(3001);
    store.db.close();
  });

  it('re-indexes only the passages that changed, and nothing when the text did not', () => {
    const store = openStore(join(tempDir(), 'edit.sqlite'));
    const [meeting] = Object.values(writeSpellingArchive(store.db));
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Đoạn ${i + 1} về công tác cán bộ.`);
    const speech = store.speeches.add(meeting ?? 0, { speakerName: 'Lê Văn Tám', content: paragraphs.join('\n') });
    store.search.index.update();
    const before = store.db.prepare('SELECT id FROM search_docs WHERE kind = 4 AND record_id = ? ORDER BY id').pluck().all(speech.id) as number[];
    expect(before).toHaveLength(30);
    paragraphs[12] = 'Đoạn 13 về công tác cán bộ, có bổ sung.';
    store.speeches.update(speech.id, { content: paragraphs.join('\n') });
    store.search.index.update();
    const after = store.db.prepare('SELECT id FROM search_docs WHERE kind = 4 AND record_id = ? ORDER BY id').pluck().all(speech.id) as number[];
    expect(after.filter((id) => !before.includes(id))).toHaveLength(1);
    expect(before.filter((id) => !after.includes(id))).toHaveLength(1);
    // A change of duration leaves the text: nothing queued.
    store.speeches.update(speech.id, { durationMinutes: 12 });
    expect(store.search.index.pending()).toBe(0);
    store.db.close();
  });
});

const sqlite3 = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
const hasSqlite3 = sqlite3.status === 0;

describe('the sqlite3 command-line tool', () => {
  it.skipIf(!hasSqlite3)('edits, adds and deletes rows, and the app then finds what it wrote (sqlite3 present)', () => {
    const file = join(tempDir(), 'repair.sqlite');
    const store = openStore(file);
    const ids = writeSpellingArchive(store.db);
    store.search.index.update();
    const meeting = ids['Họp Ban Thường vụ'] ?? 0;
    const speech = store.db.prepare('SELECT id FROM speeches WHERE meeting_id = ?').pluck().get(meeting) as number;
    store.db.close();

    const sql = `UPDATE speeches SET content = 'Sửa lại: đề nghị rà soát quy hoạch cán bộ nữ.' WHERE id = ${speech};
      INSERT INTO conclusions (meeting_id, ord, content) VALUES (${meeting}, 5, 'Giao Văn phòng tổng hợp ý kiến bằng văn bản.');
      DELETE FROM attendees WHERE meeting_id = ${meeting};`;
    const run = spawnSync('sqlite3', [file, sql], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);

    const reopened = openStore(file);
    const titles = (q: string) => reopened.search.search(q).groups.map((g) => g.title);
    expect(titles('quy hoach can bo nu')).toEqual(['Họp Ban Thường vụ']);
    expect(titles('tăng cường công tác kiểm tra')).toEqual([]);
    expect(titles('tong hop y kien bang van ban')).toEqual(['Họp Ban Thường vụ']);
    expect(titles('nguyen thi hanh')).toEqual([]);
    reopened.db.close();
  });

  it.runIf(!hasSqlite3)('is not installed here: the test above was skipped (apt-get install sqlite3)', () => {
    expect(hasSqlite3).toBe(false);
  });
});
