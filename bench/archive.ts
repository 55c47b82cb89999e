// A seeded archive for the search benchmarks: meetings with sites, named attendees, speeches and conclusions,
// written with bare INSERTs (the search triggers queue every record; indexing is timed apart). Deterministic.
import type { Db } from '../electron/store/index.ts';
import { PROVINCES } from './national-meeting.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Ngọc', 'Xuân', 'Hồng', 'Thế', 'Anh'];
const GIVEN = ['Thông', 'Cường', 'Hưng', 'Mai', 'Chính', 'Thắng', 'Hà', 'Lan', 'Sơn', 'Tuấn', 'Hùng', 'Dũng', 'Hòa', 'Thủy', 'Khoa', 'Nam', 'Bình', 'Phương'];
const KINDS = ['Hội nghị tổng kết', 'Họp Ban Thường vụ', 'Hội nghị giao ban', 'Hội nghị trực tuyến sơ kết', 'Họp Ban Chấp hành'];
export const TOPICS = [
  'công tác tổ chức xây dựng Đảng',
  'chuyển đổi số',
  'công tác cán bộ',
  'cải cách hành chính',
  'phòng, chống tham nhũng',
  'xây dựng nông thôn mới',
  'thu hút đầu tư',
  'an sinh xã hội',
  'quốc phòng, an ninh',
  'khoa học, công nghệ',
];
export const SENTENCES = [
  'Trong kỳ, ngành đã bám sát chỉ đạo của cấp ủy, tập trung cao độ triển khai các nhiệm vụ được giao.',
  'Công tác cán bộ được thực hiện đúng quy trình, quy định, bảo đảm dân chủ, công khai, minh bạch.',
  'Đề nghị Trung ương sớm ban hành hướng dẫn cụ thể về mô tả vị trí việc làm và khung năng lực.',
  'Địa phương đã chủ động rà soát, sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả.',
  'Việc ứng dụng công nghệ thông tin trong quản lý hồ sơ đảng viên còn chậm, cần được quan tâm đầu tư.',
  'Kiến nghị mở rộng tiêu chuẩn, đối tượng đào tạo lý luận chính trị cho cán bộ cơ sở.',
  'Tình hình thủy lợi, phòng chống thiên tai ở các xã ven biển cần được theo dõi sát.',
  'Đồng chí đề nghị bổ sung kinh phí cho chương trình khóa đào tạo cán bộ trẻ.',
];
/** Conclusions citing documents, fractions and numbers, each in one meeting in 40 (the phrase queries). */
const CITED = [
  'Tiếp tục thực hiện Kết luận 35-KL/TW của Bộ Chính trị về công tác cán bộ.',
  'Đã có 12/15 xã hoàn thành chỉ tiêu xây dựng nông thôn mới.',
  'Kết nạp 3.456 đảng viên mới trong năm.',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface ArchiveShape {
  meetings: number;
  speeches: number;
  sites: number;
  attendees: number;
  seed?: number;
}

/** Writes the archive in one transaction; returns the meeting ids. */
export function writeArchive(db: Db, shape: ArchiveShape): number[] {
  const next = random(shape.seed ?? 2026);
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
  const ids: number[] = [];
  db.transaction(() => {
    for (let m = 0; m < shape.meetings; m++) {
      const date = `20${String(16 + (m % 10)).padStart(2, '0')}-${String(1 + (m % 12)).padStart(2, '0')}-${String(1 + (m % 28)).padStart(2, '0')}`;
      const id = Number(insert.meeting.run(`${pick(KINDS)} ${pick(TOPICS)} năm ${date.slice(0, 4)}`, date, date, date).lastInsertRowid);
      ids.push(id);
      for (let s = 0; s < shape.sites; s++) {
        const province = pick(PROVINCES);
        const siteId = Number(insert.site.run(id, s, `Tỉnh ủy ${province}`, province, s === 0 ? 1 : 0).lastInsertRowid);
        for (let a = 0; a < shape.attendees; a++) insert.attendee.run(id, siteId, a, person(), 'Ủy viên Ban Thường vụ', `Tỉnh ủy ${province}`);
      }
      for (let s = 0; s < shape.speeches; s++) {
        insert.speech.run(id, s, person(), Array.from({ length: 3 }, () => pick(SENTENCES)).join(' ') + ` Về ${pick(TOPICS)} tại ${pick(PROVINCES)}.`);
      }
      for (let c = 0; c < 2; c++) insert.conclusion.run(id, c, `Giao ${pick(PROVINCES)} chủ trì ${pick(TOPICS)}; ${pick(SENTENCES)}`);
      // The cited words also apart, in other meetings: "Kết luận … 35 …", "12 … 15".
      if (m % 40 === 7) insert.conclusion.run(id, 2, pick(CITED));
      if (m % 40 === 27)
        insert.conclusion.run(id, 2, 'Kết luận của đồng chí Bí thư: 35 đơn vị đã báo cáo; 15 xã được khen, 12 xã cần cố gắng; 456 hồ sơ, 3 đợt.');
    }
  })();
  return ids;
}
