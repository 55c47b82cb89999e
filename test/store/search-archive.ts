// An archive written with plain SQL (so that it fits any schema version from 2 on), holding each spelling the
// search must see through, and the queries that must find it: the exact spelling, or the words together, first.
import type Database from 'better-sqlite3-multiple-ciphers';

export interface ArchiveIds {
  [title: string]: number;
}

/** Meetings, oldest first, and what each holds. */
const MEETINGS: { title: string; date: string; sites?: string[]; attendees?: string[]; speeches?: [string, string][]; conclusions?: string[] }[] = [
  { title: 'Hội thảo kỹ thuật số', date: '2022-01-10', speeches: [['Lý Văn Nam', 'Ứng dụng kỹ thuật số trong quản lý hồ sơ.']] },
  { title: 'Tập huấn kĩ thuật nghiệp vụ', date: '2023-02-10', speeches: [['Lí Văn Nam', 'Bồi dưỡng kĩ thuật cho cán bộ.']] },
  {
    title: 'Hội nghị quán triệt Kết luận 35',
    date: '2022-05-05',
    conclusions: ['Tiếp tục thực hiện Kết luận 35-KL/TW của Bộ Chính trị.', 'Đã có 12/15 xã đạt chuẩn; kết nạp 3.456 đảng viên.'],
    sites: ['Tỉnh ủy Quảng Ninh'],
  },
  {
    title: 'Giao ban tháng 6',
    date: '2024-06-06',
    conclusions: ['Kết luận của đồng chí Bí thư: 35 đơn vị đã báo cáo, KL gửi TW; 15 xã khá, 12 xã trung bình; 456 hồ sơ, 3 đợt.'],
    sites: ['Tỉnh ủy Quảng Trị'],
    attendees: ['Trần Văn Nam, Chánh Văn phòng, Quảng Bình'],
  },
  {
    title: 'Họp Ban Thường vụ',
    date: '2023-09-09',
    attendees: ['Ngu\u200Byễn Thị H\u00ADạnh, Ủy viên, Tỉnh ủy'],
    speeches: [['Đặng Thị Hoà', 'Đề nghị tăng cường \u0441\u00F4ng tác kiểm tra, giám sát.']],
  },
];

/** Writes the archive; returns meeting ids by title. */
export function writeSpellingArchive(db: Database.Database): ArchiveIds {
  const ids: ArchiveIds = {};
  const meeting = db.prepare(`INSERT INTO meetings (title, format, mode, confidentiality, status, date, created_at, updated_at)
    VALUES (?, 'party', 'online', 'none', 'final', ?, ?, ?)`);
  const site = db.prepare("INSERT INTO sites (meeting_id, ord, name, location, level, is_main) VALUES (?, ?, ?, '', 'province', ?)");
  const attendee = db.prepare(`INSERT INTO attendees (meeting_id, site_id, ord, full_name, positions, unit, category, presence, role)
    VALUES (?, ?, ?, ?, ?, ?, 'delegate', 'present', 'member')`);
  const speech = db.prepare("INSERT INTO speeches (meeting_id, ord, speaker_name, kind, content) VALUES (?, ?, ?, 'contribution', ?)");
  const conclusion = db.prepare('INSERT INTO conclusions (meeting_id, ord, content) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const m of MEETINGS) {
      const id = Number(meeting.run(m.title, m.date, m.date, m.date).lastInsertRowid);
      ids[m.title] = id;
      const sites = m.sites ?? (m.attendees ? ['Hội trường'] : []);
      const siteIds = sites.map((name, i) => Number(site.run(id, i, name, i === 0 ? 1 : 0).lastInsertRowid));
      (m.attendees ?? []).forEach((text, i) => {
        const [fullName = '', positions = '', unit = ''] = text.split(', ');
        attendee.run(id, siteIds[0], i, fullName, positions, unit);
      });
      (m.speeches ?? []).forEach(([speaker, content], i) => speech.run(id, i, speaker, content));
      (m.conclusions ?? []).forEach((content, i) => conclusion.run(id, i, content));
    }
  })();
  return ids;
}

/** Each query, the meeting it must rank first (when the rule decides one), and others it must find after it. */
export const SPELLING_QUERIES: { rule: string; query: string; first?: string; also?: string[] }[] = [
  { rule: 'i/y: the spelling as typed first', query: 'kỹ thuật', first: 'Hội thảo kỹ thuật số', also: ['Tập huấn kĩ thuật nghiệp vụ'] },
  { rule: 'i/y: the other spelling first', query: 'kĩ thuật', first: 'Tập huấn kĩ thuật nghiệp vụ', also: ['Hội thảo kỹ thuật số'] },
  { rule: 'i/y: without accents, both', query: 'ki thuat', also: ['Tập huấn kĩ thuật nghiệp vụ', 'Hội thảo kỹ thuật số'] },
  { rule: 'i/y in a name', query: 'Lí Văn Nam', first: 'Tập huấn kĩ thuật nghiệp vụ', also: ['Hội thảo kỹ thuật số'] },
  { rule: 'i/y in a name, state spelling', query: 'Lý Văn Nam', first: 'Hội thảo kỹ thuật số', also: ['Tập huấn kĩ thuật nghiệp vụ'] },
  { rule: 'i/y in a name, without accents', query: 'ly van nam', also: ['Hội thảo kỹ thuật số', 'Tập huấn kĩ thuật nghiệp vụ'] },
  { rule: 'a zero-width space and a soft hyphen inside a name', query: 'nguyen thi hanh', first: 'Họp Ban Thường vụ' },
  { rule: 'the name with its accents', query: 'Nguyễn Thị Hạnh', first: 'Họp Ban Thường vụ' },
  { rule: 'a Cyrillic с inside a word', query: 'công tác kiểm tra', first: 'Họp Ban Thường vụ' },
  { rule: 'tone placement', query: 'Đặng Thị Hòa', first: 'Họp Ban Thường vụ' },
  {
    rule: 'a document symbol: together before a newer meeting with the words apart',
    query: 'Kết luận 35-KL/TW',
    first: 'Hội nghị quán triệt Kết luận 35',
    also: ['Giao ban tháng 6'],
  },
  { rule: 'a fraction', query: '12/15', first: 'Hội nghị quán triệt Kết luận 35', also: ['Giao ban tháng 6'] },
  { rule: 'a thousands dot', query: '3.456', first: 'Hội nghị quán triệt Kết luận 35', also: ['Giao ban tháng 6'] },
  { rule: 'a name being typed', query: 'Quảng N', first: 'Hội nghị quán triệt Kết luận 35', also: ['Giao ban tháng 6'] },
];
