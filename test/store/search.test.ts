import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/db.ts';
import { createStore } from '../../electron/store/index.ts';
import { MIGRATIONS } from '../../electron/store/migrations.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import type { Store } from '../../electron/store/index.ts';
import type { SearchResults } from '../../shared/search.ts';
import { memoryStore, tempDir } from '../support/store.ts';

function archive(store: Store) {
  const conference = createMeeting(store, { title: 'Hội nghị tổng kết công tác tổ chức xây dựng Đảng năm 2023', date: '2024-01-10' });
  const site = store.sites.add(conference, { name: 'Tỉnh ủy Thanh Hóa', location: 'Thành phố Thanh Hóa', level: 'province' });
  const thong = store.attendees.add(conference, {
    siteId: site.id,
    fullName: 'Nguyễn Văn Thông',
    positions: 'Phó Bí thư Thường trực',
    unit: 'Tỉnh ủy Thanh Hóa',
  });
  const speech = store.speeches.add(conference, {
    attendeeId: thong.id,
    content: 'Đề nghị Trung ương sớm ban hành hướng dẫn về khung năng lực; công tác cán bộ khóa mới cần chuẩn bị sớm.',
  });
  const conclusion = store.conclusions.add(conference, { content: 'Thống nhất giao Ban Tổ chức hoàn thiện dự thảo kế hoạch thủy lợi.' });
  const plain = createMeeting(store, { title: 'Hop giao ban hoi nghi khong dau', date: '2024-03-01' });
  const other = createMeeting(store, { title: 'Họp Ban Thường vụ', date: '2024-02-01' });
  store.speeches.add(other, { speakerName: 'Đặng Thị Hoà', content: 'Báo cáo tình hình khoá học bồi dưỡng.' });
  return { conference, site, thong, speech, conclusion, plain, other };
}

const titles = (r: SearchResults) => r.groups.map((g) => g.title);
const kinds = (r: SearchResults, meetingId: number) => r.groups.find((g) => g.meetingId === meetingId)?.hits.map((h) => h.kind) ?? [];
const marked = (r: SearchResults) => r.groups.flatMap((g) => g.hits.map((h) => h.passage.ranges.map(([s, e]) => h.passage.text.slice(s, e)).join('|')));

describe('search across meetings', () => {
  it.each([
    ['accents absent', 'hoi nghi tong ket'],
    ['accented', 'Hội nghị tổng kết'],
    ['decomposed query', 'Hội nghị tổng kết'.normalize('NFD')],
    ['d for đ', 'xay dung dang'],
    ['prefix of the last word', 'hoi nghi tong k'],
  ])('finds the conference: %s', (_name, query) => {
    const store = memoryStore();
    const { conference } = archive(store);
    const result = store.search.search(query);
    expect(result.groups[0]?.meetingId).toBe(conference);
    expect(result.groups[0]?.hits[0]).toMatchObject({ kind: 'meeting', id: conference });
  });

  it('ranks exact-accent matches first, then accent-insensitive ones', () => {
    const store = memoryStore();
    const { conference, plain } = archive(store);
    expect(store.search.search('hội nghị').groups.map((g) => g.meetingId)).toEqual([conference, plain]);
    expect(store.search.search('hoi nghi').groups.map((g) => g.meetingId)).toEqual([plain, conference]);
    const first = store.search.search('hội nghị').groups[0]?.hits[0];
    expect(first?.exact).toBe(true);
    expect(store.search.search('hội nghị').groups[1]?.hits[0]?.exact).toBe(false);
  });

  it.each([
    ['hòa', 'khoá', 'Đặng Thị Hoà'],
    ['hoà', 'khóa', 'Đặng Thị Hoà'],
    ['thủy lợi', 'thuỷ', 'thủy lợi'],
  ])('treats both tone placements as the same word: %s', (query, _other, passage) => {
    const store = memoryStore();
    archive(store);
    const result = store.search.search(query);
    expect(result.groups.length).toBeGreaterThan(0);
    expect(result.groups[0]?.hits[0]?.exact).toBe(true);
    expect(marked(result)[0]).toContain(passage.split(' ').pop());
  });

  it('finds sites, people, speeches and conclusions, grouped by meeting, with the passage marked', () => {
    const store = memoryStore();
    const { conference } = archive(store);
    expect(kinds(store.search.search('thanh hoa'), conference)).toEqual(expect.arrayContaining(['site', 'attendee']));
    expect(kinds(store.search.search('nguyen van thong'), conference)).toEqual(['attendee']);
    const speech = store.search.search('khung nang luc');
    expect(kinds(speech, conference)).toEqual(['speech']);
    expect(marked(speech)).toEqual(['khung năng lực']);
    expect(kinds(store.search.search('du thao ke hoach'), conference)).toEqual(['conclusion']);
  });

  it('keeps the index in step with every edit and deletion', () => {
    const store = memoryStore();
    const { conference, speech, thong } = archive(store);
    expect(store.search.search('chuyen doi so').groups).toEqual([]);
    store.speeches.update(speech.id, { content: 'Đẩy mạnh chuyển đổi số trong công tác đảng viên.' });
    expect(titles(store.search.search('chuyen doi so'))).toHaveLength(1);
    expect(store.search.search('khung nang luc').groups).toEqual([]);
    store.attendees.update(thong.id, { fullName: 'Nguyễn Văn Thắng' });
    expect(store.search.search('nguyen van thong').groups).toEqual([]);
    expect(store.search.search('nguyen van thang').groups[0]?.meetingId).toBe(conference);
    store.meetings.remove(conference);
    expect(store.search.search('chuyen doi so').groups).toEqual([]);
    // Rowids name their meeting: meeting id * 2^24 + …
    expect(store.db.prepare('SELECT count(*) FROM search_docs WHERE id / 16777216 = ?').pluck().get(conference)).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM search_queue').pluck().get()).toBe(0);
  });

  it('returns nothing for an empty or punctuation-only query, and survives FTS syntax', () => {
    const store = memoryStore();
    archive(store);
    expect(store.search.search('   ').groups).toEqual([]);
    expect(store.search.search('"*:()').groups).toEqual([]);
    expect(store.search.search('AND OR NOT "hội').groups).toEqual([]);
  });
});

describe('search index migration', () => {
  it('indexes the meetings already in a version-2 store', () => {
    const file = join(tempDir(), 'v2.sqlite');
    const v2 = openDatabase(file, { migrations: MIGRATIONS.slice(0, 2) });
    v2.prepare(
      `INSERT INTO meetings (title, format, mode, confidentiality, status, created_at, updated_at)
      VALUES ('Hội nghị Ban Chấp hành Đảng bộ tỉnh', 'party', 'in_person', 'none', 'draft', '2024-01-01', '2024-01-01')`,
    ).run();
    v2.close();
    const store = createStore(openDatabase(file));
    expect(store.search.search('ban chap hanh').groups.map((g) => g.title)).toEqual(['Hội nghị Ban Chấp hành Đảng bộ tỉnh']);
    store.db.close();
  });
});

describe('people suggestions', () => {
  it.each([
    ['nguyen van thong', 'Nguyễn Văn Thông'],
    ['nvt', 'Nguyễn Văn Thông'],
    ['hoa', 'Đặng Thị Hòa'],
    ['hoà', 'Đặng Thị Hòa'],
    ['dang thi', 'Đặng Thị Hòa'],
  ])('"%s" suggests %s', (typed, name) => {
    const store = memoryStore();
    for (const fullName of ['Nguyễn Văn Thông', 'Đặng Thị Hòa', 'Trần Văn Toàn']) store.people.remember({ fullName });
    expect(store.people.suggest(typed)[0]?.fullName).toBe(name);
  });
});
