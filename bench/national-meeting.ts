// A national-scale online conference: the central site, 34 provincial sites with named attendees,
// 3,321 count-only commune sites, 600 named attendees and 150 speeches. Deterministic. A scale other than 1
// multiplies the provincial and commune sites (and so the attendees) and the speeches: 16× has 53,681 sites.
import { MEETING_FILE_KIND, MEETING_FILE_VERSION, type MeetingFile } from '../shared/model/meeting-file.ts';

export const PROVINCES = [
  'Hà Nội',
  'Huế',
  'Lai Châu',
  'Điện Biên',
  'Sơn La',
  'Lạng Sơn',
  'Quảng Ninh',
  'Thanh Hóa',
  'Nghệ An',
  'Hà Tĩnh',
  'Cao Bằng',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Hải Phòng',
  'Ninh Bình',
  'Quảng Trị',
  'Đà Nẵng',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Thành phố Hồ Chí Minh',
  'Đồng Nai',
  'Tây Ninh',
  'Cần Thơ',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Ngọc', 'Xuân', 'Hồng', 'Thế', 'Anh'];
const GIVEN = ['Thông', 'Cường', 'Hưng', 'Mai', 'Chính', 'Thắng', 'Hà', 'Lan', 'Sơn', 'Tuấn', 'Hùng', 'Dũng', 'Hòa', 'Thủy', 'Khoa', 'Nam', 'Bình', 'Phương'];
const POSITIONS = [
  'Phó Bí thư Thường trực Tỉnh ủy',
  'Ủy viên Ban Thường vụ, Trưởng ban Tổ chức Tỉnh ủy',
  'Phó Trưởng ban Tổ chức Tỉnh ủy',
  'Trưởng phòng Tổ chức đảng, đảng viên',
  'Chuyên viên Ban Tổ chức Tỉnh ủy',
  'Giám đốc Sở Nội vụ',
];
const SENTENCES = [
  'Trong kỳ, ngành Tổ chức xây dựng Đảng đã bám sát chỉ đạo của cấp ủy, tập trung cao độ triển khai các nhiệm vụ được giao.',
  'Công tác cán bộ được thực hiện đúng quy trình, quy định, bảo đảm dân chủ, công khai, minh bạch.',
  'Đề nghị Ban Tổ chức Trung ương sớm ban hành hướng dẫn cụ thể về mô tả vị trí việc làm và khung năng lực.',
  'Địa phương đã chủ động rà soát, sắp xếp tổ chức bộ máy tinh gọn, hoạt động hiệu lực, hiệu quả.',
  'Việc ứng dụng công nghệ thông tin trong quản lý hồ sơ đảng viên còn chậm, cần được quan tâm đầu tư.',
  'Kiến nghị mở rộng tiêu chuẩn, đối tượng đào tạo lý luận chính trị cho cán bộ cơ sở.',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function nationalMeetingFile(scale = 1): MeetingFile {
  const next = random(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const person = () => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const paragraphs = (count: number) => Array.from({ length: count }, () => Array.from({ length: 3 }, () => pick(SENTENCES)).join(' ')).join('\n');

  const attendee = (key: string, site: string, role: 'member' | 'chair' | 'site_chair', positions: string, index: number) => ({
    key,
    fullName: person(),
    positions,
    unit: site,
    category: 'delegate' as const,
    presence: index % 37 === 5 ? ('absent_excused' as const) : ('present' as const),
    absenceReason: index % 37 === 5 ? 'đi công tác' : '',
    presenceTime: null,
    role,
    isMember: false,
  });

  let attendeeNo = 0;
  const named = (siteName: string, count: number, chairRole: 'chair' | 'site_chair') =>
    Array.from({ length: count }, (_, i) => {
      attendeeNo++;
      return attendee(`a${attendeeNo}`, siteName, i === 0 ? chairRole : 'member', i === 0 ? (POSITIONS[0] as string) : pick(POSITIONS), attendeeNo);
    });

  const central = {
    key: 's0',
    name: 'Trụ sở Ban Tổ chức Trung ương',
    location: 'Hà Nội',
    level: 'central' as const,
    isMain: true,
    attendeeCount: null,
    attendees: named('Ban Tổ chức Trung ương', 26, 'chair'),
  };
  const provinces = Array.from({ length: Math.max(1, Math.round(PROVINCES.length * scale)) }, (_, i) => {
    const province = PROVINCES[i % PROVINCES.length] as string;
    const name = `Tỉnh ủy ${province}${i < PROVINCES.length ? '' : ` (${Math.floor(i / PROVINCES.length) + 1})`}`;
    return {
      key: `p${i + 1}`,
      name,
      location: province,
      level: 'province' as const,
      isMain: false,
      attendeeCount: null,
      attendees: named(name, i % PROVINCES.length < 30 ? 17 : 16, 'site_chair'),
    };
  });
  const communes = Array.from({ length: Math.round(3321 * scale) }, (_, i) => ({
    key: `x${i + 1}`,
    name: `Điểm cầu xã số ${i + 1}`,
    location: pick(PROVINCES),
    level: 'commune' as const,
    isMain: false,
    attendeeCount: 10 + Math.floor(next() * 30),
    attendees: [],
  }));
  const sites = [central, ...provinces, ...communes];
  const speakers = sites.flatMap((site) => site.attendees.map((a) => a.key));

  const agenda = [
    { key: 'g1', title: 'Báo cáo kết quả công tác tổ chức xây dựng Đảng 6 tháng đầu năm', presenter: 'Vụ trưởng Vụ Tổng hợp' },
    { key: 'g2', title: 'Thảo luận tại các điểm cầu', presenter: '' },
    { key: 'g3', title: 'Phương hướng, nhiệm vụ 6 tháng cuối năm', presenter: 'Trưởng ban Tổ chức Trung ương' },
  ];
  const speechCount = Math.max(2, Math.round(150 * scale));
  const last = speechCount - 1;
  const speeches = Array.from({ length: speechCount }, (_, i) => ({
    agendaKey: i === 0 ? 'g1' : i === last ? 'g3' : 'g2',
    speakerKey: pick(speakers),
    speakerName: '',
    speakerPosition: '',
    speakerSite: '',
    kind: i === 0 ? ('report' as const) : i === last ? ('direction' as const) : ('contribution' as const),
    startTime: `${String(8 + (Math.floor(i / 20) % 10)).padStart(2, '0')}:${String((i * 3) % 60).padStart(2, '0')}`,
    // The end follows from the start and the duration, where the store writes the speech.
    endTime: null,
    durationMinutes: 5 + (i % 10),
    content: paragraphs(i === 0 || i === last ? 8 : 2),
  }));

  return {
    kind: MEETING_FILE_KIND,
    version: MEETING_FILE_VERSION,
    exportedAt: '2026-07-01T17:00:00.000Z',
    meeting: {
      kind: 'Hội nghị',
      title: 'Hội nghị trực tuyến toàn quốc sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2026',
      format: 'party',
      term: '2025-2030',
      number: 12,
      noticeNumber: 30,
      noticeDate: '2026-07-06',
      minutesApproved: true,
      date: '2026-07-01',
      startTime: '08:00',
      endTime: '17:00',
      venue: 'Trụ sở Ban Tổ chức Trung ương, Hà Nội',
      mode: 'online',
      content: 'Sơ kết công tác tổ chức xây dựng Đảng 6 tháng đầu năm; triển khai nhiệm vụ 6 tháng cuối năm 2026.',
      documents: 'Báo cáo sơ kết 6 tháng đầu năm 2026 của Ban Tổ chức Trung ương.',
      confidentiality: 'none',
      minuteTakerName: 'Trần Thị Lan',
      minuteTakerPosition: 'Chuyên viên Văn phòng Ban',
      status: 'draft',
      memberTitle: '',
    },
    sites,
    agenda,
    speeches,
    conclusions: [
      ...agenda.map((item) => ({ agendaKey: item.key, content: paragraphs(3), voteFor: null, voteAgainst: null, voteOther: null })),
      { agendaKey: null, content: paragraphs(10), voteFor: 580, voteAgainst: 0, voteOther: 4 },
    ],
    actionItems: Array.from({ length: 10 }, (_, i) => ({ task: pick(SENTENCES), responsible: `Vụ ${i + 1}`, dueDate: '2026-12-31' })),
    recipients: ['Các đồng chí Ủy viên Ban Thường vụ', 'Các vụ, đơn vị thuộc Ban', 'Lưu Văn phòng Ban'].map((text) => ({ text })),
  };
}
