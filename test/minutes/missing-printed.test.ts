// What Còn thiếu lists is what the Word file prints as "…": a complete meeting prints no "…" and lists nothing;
// each field left empty, one at a time, is listed once and printed as "…" in its own place, in both formats,
// read back from the DOCX with an independent reader.
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/minutes/docx.ts';
import { createMeeting, getMeetingRecord } from '../../electron/services/meetings.ts';
import type { DocumentKind } from '../../shared/documents.ts';
import { BLANK } from '../../shared/minutes/document.ts';
import { renderHtml } from '../../shared/minutes/html.ts';
import { buildDocumentModel } from '../../shared/minutes/registry.ts';
import type { Format, MeetingRecord, ProfileFields } from '../../shared/model/meeting.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { readDocx, texts } from './docx-reader.ts';
import { PROFILE } from './support.ts';

let complete: MeetingRecord;

beforeAll(() => {
  const store = createStore(openDatabase(':memory:'));
  const id = createMeeting(store, {
    title: 'Hội nghị giao ban quý III',
    number: 5,
    noticeNumber: 6,
    noticeDate: '2021-10-05',
    date: '2021-09-30',
    startTime: '14:00',
    endTime: '17:00',
    venue: 'Hội trường A',
    minuteTakerName: 'Nguyễn Thị Lan',
    minuteTakerPosition: 'Chuyên viên',
  });
  const site = store.sites.add(id, { name: 'Hội trường A' });
  const chair = store.attendees.add(id, { siteId: site.id, fullName: 'Trương Thị Mai', positions: 'Trưởng ban', role: 'chair' });
  store.attendees.add(id, { siteId: site.id, fullName: 'Lê Văn Hóa', positions: 'Phó Trưởng ban', presence: 'absent_excused', absenceReason: 'đi công tác' });
  const item = store.agenda.add(id, { title: 'Báo cáo kết quả quý III' });
  store.speeches.add(id, { agendaItemId: item.id, attendeeId: chair.id, kind: 'report', content: 'Báo cáo tóm tắt.' });
  store.speeches.add(id, { agendaItemId: item.id, speakerName: 'Phạm Quang Hưng', speakerPosition: 'Vụ trưởng Vụ V', content: 'Thống nhất.' });
  store.conclusions.add(id, { content: 'Thống nhất thông qua báo cáo.' });
  complete = getMeetingRecord(store, id);
  store.db.close();
});

/** What Còn thiếu lists, the Word file's paragraphs and the preview's (its HTML's paragraphs, as text). */
async function printed(kind: DocumentKind, record: MeetingRecord, profile: ProfileFields, format: Format) {
  const doc = buildDocumentModel(kind, record, profile, { format });
  const preview = [...renderHtml(doc).matchAll(/<p [^>]*>(.*?)<\/p>/g)].map(([, inner = '']) => inner.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'));
  return { missing: doc.missing, text: texts((await readDocx(await renderDocx(doc))).blocks), preview };
}

interface Case {
  /** The one gap, as Còn thiếu says it. */
  missing: string;
  /** The paragraph of the file that shows it, "…" in its place. */
  party: string;
  state?: string;
  kind?: DocumentKind;
  change(record: MeetingRecord, profile: ProfileFields): void;
}

const at = <T>(list: T[], index: number): T => {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
};
const first = <T>(list: T[]): T => at(list, 0);

const CASES: Case[] = [
  { missing: 'Chưa có ngày họp.', party: 'Hà Nội, ngày … tháng … năm …', change: (r) => void (r.meeting.date = null) },
  { missing: 'Chưa có tên cơ quan ban hành (thông tin cơ quan).', party: BLANK, change: (_, p) => void (p.issuingBody = '') },
  { missing: 'Chưa có số biên bản.', party: 'Số …-BB/BTCTW', state: 'Số: …/BB-BTCTW', change: (r) => void (r.meeting.number = null) },
  { missing: 'Chưa có chữ viết tắt tên cơ quan (thông tin cơ quan).', party: 'Số 05-BB/…', state: 'Số: 05/BB-…', change: (_, p) => void (p.abbreviation = '') },
  { missing: 'Chưa có địa danh (thông tin cơ quan).', party: '…, ngày 30 tháng 9 năm 2021', change: (_, p) => void (p.placeName = '') },
  { missing: 'Chưa có tiêu đề (trích yếu) của hội nghị.', party: BLANK, change: (r) => void (r.meeting.title = '') },
  { missing: 'Chưa có giờ bắt đầu.', party: 'Thời gian: vào hồi … giờ …, ngày 30 tháng 9 năm 2021.', change: (r) => void (r.meeting.startTime = null) },
  {
    missing: 'Chưa có địa điểm.',
    party: 'Địa điểm: ….',
    change: (r) => {
      r.meeting.venue = '';
      first(r.sites).name = '';
    },
  },
  {
    missing: 'Chưa có người chủ trì: hãy chọn vai trò "Chủ trì hội nghị" cho một đại biểu.',
    party: 'Người chủ trì: ….',
    state: 'Chủ trì: ….',
    change: (r) => void (first(r.attendees).role = 'member'),
  },
  {
    missing: 'Chưa có chức vụ người chủ trì.',
    party: 'Người chủ trì: đồng chí Trương Thị Mai - ….',
    state: 'Chủ trì: đồng chí Trương Thị Mai - ….',
    change: (r) => void (first(r.attendees).positions = ''),
  },
  {
    missing: 'Chưa có họ tên người ghi biên bản.',
    party: 'Người ghi biên bản: đồng chí … - Chuyên viên.',
    state: 'Thư ký: đồng chí … - Chuyên viên.',
    change: (r) => void (r.meeting.minuteTakerName = ''),
  },
  {
    missing: 'Chưa có chức vụ người ghi biên bản.',
    party: 'Người ghi biên bản: đồng chí Nguyễn Thị Lan - ….',
    state: 'Thư ký: đồng chí Nguyễn Thị Lan - ….',
    change: (r) => void (r.meeting.minuteTakerPosition = ''),
  },
  {
    missing: 'Đồng chí Lê Văn Hóa vắng có lý do nhưng chưa ghi lý do.',
    party: 'Vắng mặt: 01 đồng chí: đồng chí Lê Văn Hóa - Phó Trưởng ban (vắng có lý do: …).',
    change: (r) => void (at(r.attendees, 1).absenceReason = ''),
  },
  {
    missing: 'Phát biểu thứ 2 (Phạm Quang Hưng): chưa có chức vụ người phát biểu.',
    party: 'Đồng chí Phạm Quang Hưng, … phát biểu ý kiến: Thống nhất.',
    change: (r) => void (at(r.speeches, 1).speakerPosition = ''),
  },
  {
    missing: 'Phát biểu thứ 1 (Trương Thị Mai): chưa có chức vụ người phát biểu.',
    party: 'Đồng chí Trương Thị Mai, … báo cáo: Báo cáo tóm tắt.',
    // Another attendee of the same name, without a position (the chair's own would also be the chair's gap).
    change: (r) => {
      const chair = first(r.attendees);
      r.attendees.push({ ...chair, id: 999, positions: '', role: 'member', fullName: 'Trương Thị Mai' });
      first(r.speeches).attendeeId = 999;
    },
  },
  {
    missing: 'Phát biểu thứ 2: chưa có tên người phát biểu.',
    party: 'Đồng chí …, Vụ trưởng Vụ V phát biểu ý kiến: Thống nhất.',
    change: (r) => void (at(r.speeches, 1).speakerName = ''),
  },
  {
    missing: 'Phát biểu thứ 2: chưa có nội dung.',
    party: 'Đồng chí Phạm Quang Hưng, Vụ trưởng Vụ V phát biểu ý kiến: …',
    change: (r) => void (at(r.speeches, 1).content = ''),
  },
  { missing: 'Mục chương trình thứ 1: chưa có tên.', party: '2.1. …', change: (r) => void (first(r.agenda).title = '') },
  {
    missing: 'Chưa có diễn biến hội nghị (chương trình, phát biểu).',
    party: BLANK,
    change: (r) => {
      r.agenda = [];
      r.speeches = [];
    },
  },
  { missing: 'Chưa có kết luận.', party: BLANK, change: (r) => void (r.conclusions = []) },
  { missing: 'Kết luận thứ 1: chưa có nội dung.', party: BLANK, change: (r) => void (first(r.conclusions).content = '') },
  {
    missing: 'Chưa có giờ kết thúc.',
    party: 'Hội nghị kết thúc vào hồi … giờ … cùng ngày.',
    state: 'Cuộc họp kết thúc vào … giờ …, ngày 30 tháng 9 năm 2021./.',
    change: (r) => void (r.meeting.endTime = null),
  },
  {
    kind: 'notice',
    missing: 'Chưa có ngày ban hành thông báo (Thông tin chung, “Ngày thông báo kết luận”).',
    party: 'Hà Nội, ngày … tháng … năm …',
    change: (r) => void (r.meeting.noticeDate = null),
  },
  { kind: 'notice', missing: 'Chưa có số thông báo.', party: 'Số …-TB/BTCTW', state: 'Số: …/TB-BTCTW', change: (r) => void (r.meeting.noticeNumber = null) },
  {
    kind: 'notice',
    missing: 'Chưa có họ tên người ký thông báo kết luận (thông tin cơ quan).',
    party: BLANK,
    change: (_, p) => void (p.noticeSignerName = ''),
  },
  {
    kind: 'notice',
    missing: 'Chưa có chức vụ người ký thông báo kết luận (thông tin cơ quan).',
    party: BLANK,
    change: (_, p) => void (p.noticeSignerPosition = ''),
  },
];

describe.each(['party', 'state'] as const)('what Còn thiếu lists is printed as "…" (%s format)', (format) => {
  it.each(['minutes', 'notice'] as const)('a complete meeting: nothing listed, no "…" in the %s', async (kind) => {
    const { missing, text, preview } = await printed(kind, complete, PROFILE, format);
    expect(missing).toEqual([]);
    expect(text.filter((t) => t.includes(BLANK))).toEqual([]);
    expect(preview.filter((t) => t.includes(BLANK))).toEqual([]);
  });

  it('speeches outside the agenda items are advice, printed as they are: only the empty items are "…"', async () => {
    const record = structuredClone(complete);
    for (const speech of record.speeches) speech.agendaItemId = null;
    const { missing, text } = await printed('minutes', record, PROFILE, format);
    expect(missing).toEqual([
      'Mục chương trình thứ 1 (Báo cáo kết quả quý III): chưa ghi diễn biến; nếu không ai phát biểu, hãy ghi một phát biểu không có người phát biểu tóm tắt phần này.',
    ]);
    expect(text.filter((t) => t.includes(BLANK))).toEqual([BLANK]);
    expect(text).toContain('Đồng chí Phạm Quang Hưng, Vụ trưởng Vụ V phát biểu ý kiến: Thống nhất.');
    expect(buildDocumentModel('minutes', record, PROFILE, { format }).advice).toEqual([
      'Có 02 phát biểu chưa chọn mục chương trình nên được in ngoài các mục: mở phát biểu (Sửa), chọn ở ô Mục chương trình hoặc Alt+M.',
    ]);
  });

  it.each(CASES.map((c) => [c.missing, c] as const))('%s', async (_, c) => {
    const record = structuredClone(complete);
    const profile = { ...PROFILE };
    c.change(record, profile);
    const { missing, text, preview } = await printed(c.kind ?? 'minutes', record, profile, format);
    const line = format === 'state' && c.state ? c.state : c.party;
    expect(missing).toContain(c.missing);
    expect(text).toContain(line);
    expect(preview).toContain(line);
    expect(line).toContain(BLANK);
  });
});
