import { describe, expect, it } from 'vitest';
import { memoryStore } from '../support/store.ts';
import { SPELLING_QUERIES, writeSpellingArchive } from './search-archive.ts';

describe('search sees through spellings, and ranks the words together first', () => {
  it.each(SPELLING_QUERIES)('$rule: "$query"', ({ query, first, also = [] }) => {
    const store = memoryStore();
    writeSpellingArchive(store.db);
    const titles = store.search.search(query).groups.map((g) => g.title);
    if (first) expect(titles[0]).toBe(first);
    expect(titles).toEqual(expect.arrayContaining([...(first ? [first] : []), ...also]));
  });

  it('finds words written inside a passage of a long speech, and marks them there', () => {
    const store = memoryStore();
    const [meeting] = Object.values(writeSpellingArchive(store.db));
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Đoạn ${i + 1}: ${'công tác xây dựng Đảng, '.repeat(30)}hết đoạn.`);
    paragraphs[27] = 'Đề nghị bổ sung chỉ tiêu kỹ năng số cho cán bộ trẻ.';
    store.speeches.add(meeting ?? 0, { speakerName: 'Phạm Văn Đồng', content: paragraphs.join('\n') });
    const group = store.search.search('ki nang so').groups[0];
    expect(group?.hits[0]?.passage.text).toContain('kỹ năng số');
    const { text, ranges } = group?.hits[0]?.passage ?? { text: '', ranges: [] };
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['kỹ năng số']);
    // The speaker belongs to every passage of the speech.
    expect(store.search.search('Phạm Văn Đồng kỹ năng').groups.map((g) => g.meetingId)).toEqual([meeting]);
  });

  it('keeps 50 meetings of a common word, the newest of equal ones, and says more exist; the words together win over newer ones', () => {
    const store = memoryStore();
    const add = store.db.prepare(`INSERT INTO meetings (title, format, mode, confidentiality, status, date, created_at, updated_at)
      VALUES (?, 'party', 'online', 'none', 'final', ?, '', '')`);
    for (let i = 1; i <= 80; i++) add.run(`Họp chi bộ Đảng số ${i}`, `2020-01-${String((i % 28) + 1).padStart(2, '0')}`);
    add.run('Đảng bộ và chi bộ: đảng viên mới', '2019-12-31');
    const result = store.search.search('dang vien');
    expect(result.groups[0]?.title).toBe('Đảng bộ và chi bộ: đảng viên mới');
    const common = store.search.search('dang');
    expect(common.groups).toHaveLength(50);
    expect(common.truncated).toBe(true);
    const dates = common.groups.map((g) => g.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(store.search.search('dang vien').truncated).toBe(false);
  });
});
