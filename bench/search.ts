// Benchmark: full-text search over an archive of 2,000 meetings with 100 speeches each (plus sites,
// attendees and conclusions), on a database file like the app's; p95 of the search, side by side with a
// plain LIKE scan of the same tables for the same queries, in one run. Target: search p95 < 50 ms.
// Run: npm run bench -- search
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createStore, openDatabase } from '../electron/store/index.ts';
import { PROVINCES } from './national-meeting.ts';

const MEETINGS = 2000;
const SPEECHES = 100;
const SITES = 4;
const ATTENDEES = 6;
const ROUNDS = 5;
const LIKE_ROUNDS = 1;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Ngọc', 'Xuân', 'Hồng', 'Thế', 'Anh'];
const GIVEN = ['Thông', 'Cường', 'Hưng', 'Mai', 'Chính', 'Thắng', 'Hà', 'Lan', 'Sơn', 'Tuấn', 'Hùng', 'Dũng', 'Hòa', 'Thủy', 'Khoa', 'Nam', 'Bình', 'Phương'];
const KINDS = ['Hội nghị tổng kết', 'Họp Ban Thường vụ', 'Hội nghị giao ban', 'Hội nghị trực tuyến sơ kết', 'Họp Ban Chấp hành'];
const TOPICS = ['công tác tổ chức xây dựng Đảng', 'chuyển đổi số', 'công tác cán bộ', 'cải cách hành chính', 'phòng, chống tham nhũng',
  'xây dựng nông thôn mới', 'thu hút đầu tư', 'an sinh xã hội', 'quốc phòng, an ninh', 'khoa học, công nghệ'];
const SENTENCES = [
  'Trong kỳ, ngành đã bám sát chỉ đạo của cấp ủy, tập trung cao độ triển khai các nhiệm vụ được giao.',
  'Công tác cán bộ được thực hiện đúng quy trình, quy định, bảo đảm dân chủ, công khai, minh bạch.',
  'Đề nghị Trung ương sớm ban hành hướng dẫn cụ thể về mô tả vị trí việc làm và khung năng lực.',
  'Địa phương đã chủ động rà soát, sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả.',
  'Việc ứng dụng công nghệ thông tin trong quản lý hồ sơ đảng viên còn chậm, cần được quan tâm đầu tư.',
  'Kiến nghị mở rộng tiêu chuẩn, đối tượng đào tạo lý luận chính trị cho cán bộ cơ sở.',
  'Tình hình thủy lợi, phòng chống thiên tai ở các xã ven biển cần được theo dõi sát.',
  'Đồng chí đề nghị bổ sung kinh phí cho chương trình khóa đào tạo cán bộ trẻ.',
];
/** Queries as secretaries type them: no accents, accented, either tone placement, d for đ, a prefix, rare words. */
const QUERIES = ['hoi nghi tong ket', 'Hội nghị tổng kết', 'nguyen van thong', 'Đặng Thị Hòa', 'dang thi hoa', 'thanh hoá', 'thủy lợi',
  'thuỷ lợi', 'khung nang luc', 'chuyen doi s', 'dang vien', 'cải cách hành chính', 'tham nhung', 'khoá đào tạo', 'ca mau',
  'nvt', 'bien ban', 'Phạm Quang Phương', 'vi tri viec lam', 'xã ven biển'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-search-'));
try {
  const store = createStore(openDatabase(join(dir, 'archive.sqlite')));
  const { db } = store;
  const next = random(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const person = () => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const insert = {
    meeting: db.prepare(`INSERT INTO meetings (title, format, mode, confidentiality, status, date, created_at, updated_at)
      VALUES (?, 'party', 'online', 'none', 'final', ?, ?, ?)`),
    site: db.prepare("INSERT INTO sites (meeting_id, ord, name, location, level, is_main) VALUES (?, ?, ?, ?, 'province', ?)"),
    attendee: db.prepare(`INSERT INTO attendees (meeting_id, site_id, ord, full_name, positions, unit, category, presence, role)
      VALUES (?, ?, ?, ?, ?, ?, 'delegate', 'present', 'member')`),
    speech: db.prepare("INSERT INTO speeches (meeting_id, ord, speaker_name, kind, content) VALUES (?, ?, ?, 'contribution', ?)"),
    conclusion: db.prepare('INSERT INTO conclusions (meeting_id, ord, content) VALUES (?, ?, ?)'),
  };
  let start = performance.now();
  db.transaction(() => {
    for (let m = 0; m < MEETINGS; m++) {
      const date = `20${String(16 + (m % 10)).padStart(2, '0')}-${String(1 + (m % 12)).padStart(2, '0')}-${String(1 + (m % 28)).padStart(2, '0')}`;
      const id = Number(insert.meeting.run(`${pick(KINDS)} ${pick(TOPICS)} năm ${date.slice(0, 4)}`, date, date, date).lastInsertRowid);
      for (let s = 0; s < SITES; s++) {
        const province = pick(PROVINCES);
        const siteId = Number(insert.site.run(id, s, `Tỉnh ủy ${province}`, province, s === 0 ? 1 : 0).lastInsertRowid);
        for (let a = 0; a < ATTENDEES; a++) insert.attendee.run(id, siteId, a, person(), 'Ủy viên Ban Thường vụ', `Tỉnh ủy ${province}`);
      }
      for (let s = 0; s < SPEECHES; s++) {
        insert.speech.run(id, s, person(), Array.from({ length: 3 }, () => pick(SENTENCES)).join(' ') + ` Về ${pick(TOPICS)} tại ${pick(PROVINCES)}.`);
      }
      for (let c = 0; c < 2; c++) insert.conclusion.run(id, c, `Giao ${pick(PROVINCES)} chủ trì ${pick(TOPICS)}; ${pick(SENTENCES)}`);
    }
  })();
  const buildMs = performance.now() - start;
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  // The plain scan: LIKE over the same texts, accents as typed (it cannot fold them), every table.
  const like = db.prepare(`
    SELECT meeting_id FROM speeches WHERE speaker_name LIKE @q OR content LIKE @q
    UNION SELECT meeting_id FROM attendees WHERE full_name LIKE @q OR positions LIKE @q OR unit LIKE @q
    UNION SELECT meeting_id FROM sites WHERE name LIKE @q OR location LIKE @q
    UNION SELECT meeting_id FROM conclusions WHERE content LIKE @q
    UNION SELECT id FROM meetings WHERE title LIKE @q`).pluck();

  const fts: number[] = [];
  const scan: number[] = [];
  let found = 0;
  for (const query of QUERIES) store.search.search(query); // warm the page cache
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of QUERIES) {
      start = performance.now();
      found += store.search.search(query).groups.length;
      fts.push(performance.now() - start);
      if (round < LIKE_ROUNDS) {
        start = performance.now();
        like.all({ q: `%${query}%` });
        scan.push(performance.now() - start);
      }
    }
  }
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * p) - 1)] ?? NaN;
  const ftsP95 = pct(fts, 0.95);
  const likeP95 = pct(scan, 0.95);
  console.log(`Archive: ${count('meetings')} meetings, ${count('speeches')} speeches, ${count('attendees')} attendees, ${count('sites')} sites, `
    + `${count('conclusions')} conclusions; built and indexed in ${(buildMs / 1000).toFixed(1)} s`);
  console.log(`search (FTS5, folded):  p50 ${pct(fts, 0.5).toFixed(1)} ms, p95 ${ftsP95.toFixed(1)} ms, max ${Math.max(...fts).toFixed(1)} ms over ${fts.length} queries (${found} meeting groups returned)`);
  console.log(`plain LIKE scan:        p50 ${pct(scan, 0.5).toFixed(1)} ms, p95 ${likeP95.toFixed(1)} ms over ${scan.length} queries`);
  console.log(`ratio LIKE p95 / search p95: ${(likeP95 / ftsP95).toFixed(1)}×; target search p95 < 50 ms ${ftsP95 < 50 ? 'OK' : 'OVER TARGET'}`);
  store.db.close();
  process.exitCode = ftsP95 < 50 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
