import { describe, expect, it } from 'vitest';
import { createMeeting, getMeetingRecord } from '../../electron/services/meetings.ts';
import type { Store } from '../../electron/store/index.ts';
import { paragraphText, type Table } from '../../shared/minutes/document.ts';
import { buildMinutes } from '../../shared/minutes/model.ts';
import { memoryStore } from '../support/store.ts';
import { modelParagraphs, modelTexts, positionsInOrder, PROFILE } from './support.ts';

function inPersonMeeting(store: Store): number {
  const id = createMeeting(store, {
    title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5',
    format: 'party',
    number: 5,
    date: '2020-03-05',
    startTime: '08:00',
    endTime: '11:30',
    venue: 'Hội trường Tỉnh ủy',
    mode: 'in_person',
    minuteTakerName: 'Trần Thị Lan',
    minuteTakerPosition: 'Phó Chánh Văn phòng Tỉnh ủy',
  });
  const hall = store.sites.add(id, { name: 'Hội trường Tỉnh ủy' });
  const add = (fields: Record<string, unknown>) => store.attendees.add(id, { siteId: hall.id, ...fields });
  add({ fullName: 'Lê Văn Bình', positions: 'Ủy viên Ban Thường vụ' });
  add({ fullName: 'Nguyễn Văn An', positions: 'Bí thư Tỉnh ủy', role: 'chair' });
  add({ fullName: 'Phạm Thị Cúc', positions: 'Ủy viên Ban Chấp hành', presence: 'late', presenceTime: '08:30' });
  add({ fullName: 'Hoàng Văn Dũng', positions: 'Trưởng ban Tuyên giáo', presence: 'absent_excused', absenceReason: 'đi công tác' });
  add({ fullName: 'Vũ Thị Em', presence: 'absent_unexcused' });
  add({ fullName: 'Đỗ Văn Giang', positions: 'Ủy viên Ban Chấp hành', presence: 'left_early', presenceTime: '10:15' });
  add({ fullName: 'Ngô Văn Hải', positions: 'Phó Trưởng ban Tổ chức Trung ương', category: 'guest' });
  add({ fullName: 'Bùi Thị Khánh', positions: 'Phóng viên Báo Nghệ An', category: 'press' });
  return id;
}

const texts = (store: Store, id: number, format?: 'party' | 'state') => modelTexts(buildMinutes(getMeetingRecord(store, id), PROFILE, { format }));

describe('the minutes model: attendance', () => {
  it('in one place: official delegates "Có mặt: 04/06", named absences with reasons, then guests and press', () => {
    const store = memoryStore();
    const all = texts(store, inPersonMeeting(store));
    positionsInOrder(all, [
      'Địa điểm: Hội trường Tỉnh ủy.',
      'Người chủ trì: đồng chí Nguyễn Văn An - Bí thư Tỉnh ủy.',
      'Người ghi biên bản: đồng chí Trần Thị Lan - Phó Chánh Văn phòng Tỉnh ủy.',
      '1. Thành phần hội nghị',
      '1.1. Đại biểu chính thức',
      'Có mặt: 04/06 đồng chí: đồng chí Nguyễn Văn An - Bí thư Tỉnh ủy, chủ trì hội nghị; đồng chí Lê Văn Bình - Ủy viên Ban Thường vụ; ' +
        'đồng chí Phạm Thị Cúc - Ủy viên Ban Chấp hành (đến muộn lúc 08 giờ 30); đồng chí Đỗ Văn Giang - Ủy viên Ban Chấp hành (về sớm lúc 10 giờ 15).',
      'Vắng mặt: 02 đồng chí: đồng chí Hoàng Văn Dũng - Trưởng ban Tuyên giáo (vắng có lý do: đi công tác); đồng chí Vũ Thị Em (vắng không có lý do).',
      '1.2. Đại biểu mời dự',
      'Đồng chí Ngô Văn Hải - Phó Trưởng ban Tổ chức Trung ương.',
      '1.3. Báo chí',
      'Đồng chí Bùi Thị Khánh - Phóng viên Báo Nghệ An.',
      '2. Diễn biến hội nghị',
    ]);
  });

  it('online: site by site with its chair, count-only sites by level, then the totals', () => {
    const store = memoryStore();
    const id = createMeeting(store, { title: 'Hội nghị trực tuyến', mode: 'online', date: '2021-09-30' });
    const central = store.sites.add(id, { name: 'Trung ương', level: 'central' });
    const ngheAn = store.sites.add(id, { name: 'tỉnh Nghệ An', level: 'province' });
    const haTinh = store.sites.add(id, { name: 'tỉnh Hà Tĩnh', level: 'province' });
    for (const [n, count] of [
      [1, 12],
      [2, 20],
      [3, 28],
    ] as const)
      store.sites.add(id, { name: `xã ${n}`, level: 'commune', attendeeCount: count });
    store.sites.add(id, { name: 'huyện Nam Đàn', level: 'district', attendeeCount: 15 });
    store.attendees.add(id, { siteId: central.id, fullName: 'Trương Thị Mai', positions: 'Trưởng ban Tổ chức Trung ương', role: 'chair' });
    store.attendees.add(id, { siteId: ngheAn.id, fullName: 'Lê Đức Cường', positions: 'Trưởng ban Tổ chức Tỉnh ủy' });
    store.attendees.add(id, { siteId: ngheAn.id, fullName: 'Nguyễn Văn Thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy', role: 'site_chair' });
    store.attendees.add(id, { siteId: ngheAn.id, fullName: 'Trần Văn Khoa', category: 'guest' });
    store.attendees.add(id, { siteId: haTinh.id, fullName: 'Võ Văn Sơn', role: 'site_chair', presence: 'absent_excused', absenceReason: 'ốm' });
    const all = texts(store, id);
    positionsInOrder(all, [
      'Địa điểm: trực tuyến từ điểm cầu Trung ương đến 02 điểm cầu tỉnh, thành phố, 03 điểm cầu cấp xã và điểm cầu huyện Nam Đàn.',
      '1. Thành phần hội nghị',
      '1.1. Tại điểm cầu Trung ương: 01 đại biểu: đồng chí Trương Thị Mai - Trưởng ban Tổ chức Trung ương, chủ trì hội nghị.',
      '1.2. Tại điểm cầu tỉnh Nghệ An: 03 đại biểu: đồng chí Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy, chủ trì tại điểm cầu; ' +
        'đồng chí Lê Đức Cường - Trưởng ban Tổ chức Tỉnh ủy.',
      'Đại biểu mời dự: đồng chí Trần Văn Khoa.',
      '1.3. Tại điểm cầu tỉnh Hà Tĩnh: 0 đại biểu.',
      'Vắng mặt: 01 đồng chí: đồng chí Võ Văn Sơn (vắng có lý do: ốm).',
      '1.4. Tại 03 điểm cầu cấp xã: 60 đại biểu.',
      '1.5. Tại điểm cầu huyện Nam Đàn: 15 đại biểu.',
      'Tổng số: 07 điểm cầu (01 điểm cầu Trung ương, 02 điểm cầu cấp tỉnh, 01 điểm cầu cấp huyện, 03 điểm cầu cấp xã), 79 đại biểu có mặt; vắng mặt 01 đồng chí.',
    ]);
  });

  it('sites named "Điểm cầu …" (as the secretary types them) are not called "điểm cầu" twice', () => {
    const store = memoryStore();
    const id = createMeeting(store, { title: 'Hội nghị giao ban trực tuyến', mode: 'online', date: '2021-09-30' });
    const central = store.sites.add(id, { name: 'Điểm cầu Trung ương' });
    const ngheAn = store.sites.add(id, { name: 'Điểm cầu Tỉnh ủy Nghệ An' });
    store.sites.add(id, { name: 'ĐIỂM CẦU XÃ NAM ĐÀN', attendeeCount: 12, level: 'commune' });
    store.attendees.add(id, { siteId: central.id, fullName: 'Trương Thị Mai', positions: 'Trưởng ban Tổ chức Trung ương', role: 'chair' });
    const thong = store.attendees.add(id, { siteId: ngheAn.id, fullName: 'Nguyễn Văn Thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy' });
    store.speeches.add(id, { attendeeId: thong.id, kind: 'contribution', content: 'Chia sẻ kinh nghiệm.' });
    const all = texts(store, id);
    expect(all.filter((t) => /điểm cầu điểm cầu/iu.test(t))).toEqual([]);
    positionsInOrder(all, [
      'Địa điểm: trực tuyến từ điểm cầu Trung ương đến điểm cầu Tỉnh ủy Nghệ An và điểm cầu XÃ NAM ĐÀN.',
      '1.1. Tại điểm cầu Trung ương: 01 đại biểu: đồng chí Trương Thị Mai - Trưởng ban Tổ chức Trung ương, chủ trì hội nghị.',
      '1.2. Tại điểm cầu Tỉnh ủy Nghệ An: 01 đại biểu: đồng chí Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy.',
      '1.3. Tại điểm cầu XÃ NAM ĐÀN: 12 đại biểu.',
      'Đồng chí Nguyễn Văn Thông, Phó Bí thư Thường trực Tỉnh ủy (điểm cầu Tỉnh ủy Nghệ An) phát biểu ý kiến: Chia sẻ kinh nghiệm.',
    ]);
  });
});

describe('the minutes model: members of the body and totals by level', () => {
  /** A meeting of the Ban Thường vụ: five members (two absent, one with a reason), an invited guest. */
  function committee(store: Store, mode: 'in_person' | 'online'): number {
    const id = createMeeting(store, { title: 'Hội nghị Ban Thường vụ Tỉnh ủy', mode, memberTitle: 'Ủy viên Ban Thường vụ Tỉnh ủy' });
    const hall = store.sites.add(id, { name: 'Phòng họp Ban Thường vụ', level: 'province' });
    const add = (fields: Record<string, unknown>) => store.attendees.add(id, { siteId: hall.id, ...fields });
    add({ fullName: 'Nguyễn Văn An', positions: 'Bí thư Tỉnh ủy', role: 'chair', isMember: true });
    add({ fullName: 'Lê Văn Bình', positions: 'Phó Bí thư Thường trực Tỉnh ủy', isMember: true });
    add({
      fullName: 'Hoàng Văn Dũng',
      positions: 'Trưởng ban Tuyên giáo',
      isMember: true,
      presence: 'absent_excused',
      absenceReason: 'đi công tác nước ngoài',
    });
    add({ fullName: 'Vũ Thị Em', positions: 'Trưởng ban Dân vận', isMember: true, presence: 'absent_unexcused' });
    add({ fullName: 'Phạm Thị Cúc', positions: 'Chủ nhiệm Ủy ban Kiểm tra', isMember: true, presence: 'late', presenceTime: '08:20' });
    add({ fullName: 'Ngô Văn Hải', positions: 'Giám đốc Sở Nội vụ', category: 'guest' });
    return id;
  }
  const quorum =
    'có mặt 03/05 đồng chí; vắng mặt 02 đồng chí: đồng chí Hoàng Văn Dũng - Trưởng ban Tuyên giáo (vắng có lý do: đi công tác nước ngoài); ' +
    'đồng chí Vũ Thị Em - Trưởng ban Dân vận (vắng không có lý do).';

  it('in one place: the members present out of the total and each absence with its reason, then the guests', () => {
    const store = memoryStore();
    const all = texts(store, committee(store, 'in_person'));
    positionsInOrder(all, [
      '1.1. Ủy viên Ban Thường vụ Tỉnh ủy',
      'Có mặt: 03/05 đồng chí: đồng chí Nguyễn Văn An - Bí thư Tỉnh ủy, chủ trì hội nghị; đồng chí Lê Văn Bình - Phó Bí thư Thường trực Tỉnh ủy; ' +
        'đồng chí Phạm Thị Cúc - Chủ nhiệm Ủy ban Kiểm tra (đến muộn lúc 08 giờ 20).',
      'Vắng mặt: 02 đồng chí: đồng chí Hoàng Văn Dũng - Trưởng ban Tuyên giáo (vắng có lý do: đi công tác nước ngoài); đồng chí Vũ Thị Em - Trưởng ban Dân vận (vắng không có lý do).',
      '1.2. Đại biểu mời dự',
      'Đồng chí Ngô Văn Hải - Giám đốc Sở Nội vụ.',
      '2. Diễn biến hội nghị',
    ]);
    expect(all.filter((t) => t.includes('Hoàng Văn Dũng'))).toHaveLength(1);
    expect(all).not.toContain('1.2. Đại biểu chính thức');
  });

  it("online: the members' quorum before the sites, each absent member named once", () => {
    const store = memoryStore();
    const id = committee(store, 'online');
    const all = texts(store, id);
    positionsInOrder(all, [`1.1. Ủy viên Ban Thường vụ Tỉnh ủy: ${quorum}`, /^1\.2\. Tại điểm cầu Phòng họp Ban Thường vụ: 04 đại biểu/]);
    expect(all.filter((t) => t.includes('Hoàng Văn Dũng'))).toHaveLength(1);
    expect(all).toContain('Tổng số: 01 điểm cầu, 04 đại biểu có mặt; vắng mặt 02 đồng chí.');
  });

  it('without a title for the members, they are "Thành viên"', () => {
    const store = memoryStore();
    const id = committee(store, 'in_person');
    store.meetings.update(id, { memberTitle: '' });
    expect(texts(store, id)).toContain('1.1. Thành viên');
  });

  it('the national conference: the totals by level', async () => {
    const { nationalMeetingFile } = await import('../../bench/national-meeting.ts');
    const { importMeeting, parseMeetingFile } = await import('../../electron/services/meeting-file.ts');
    const store = memoryStore();
    const id = importMeeting(store, parseMeetingFile(nationalMeetingFile()));
    const record = getMeetingRecord(store, id);
    const absent = record.attendees.filter((a) => a.presence !== 'present').length;
    const people = record.attendees.length - absent + record.sites.reduce((sum, s) => sum + (s.attendeeCount ?? 0), 0);
    const total = texts(store, id).find((t) => t.startsWith('Tổng số: '));
    expect(total).toBe(
      `Tổng số: 3.356 điểm cầu (01 điểm cầu Trung ương, 34 điểm cầu cấp tỉnh, 3.321 điểm cầu cấp xã), ${people.toLocaleString('de-DE')} đại biểu có mặt; vắng mặt ${absent} đồng chí.`,
    );
  });
});

describe('the minutes model: proceedings and conclusions', () => {
  it('puts every speech under its agenda item in meeting order, with the speaker and position, and counts opinions', () => {
    const store = memoryStore();
    const id = createMeeting(store, { title: 'Hội nghị', mode: 'online' });
    const central = store.sites.add(id, { name: 'Trung ương', level: 'central' });
    const ngheAn = store.sites.add(id, { name: 'Nghệ An', level: 'province' });
    const chair = store.attendees.add(id, { siteId: central.id, fullName: 'Trương Thị Mai', positions: 'Trưởng ban', role: 'chair' });
    const thong = store.attendees.add(id, { siteId: ngheAn.id, fullName: 'Nguyễn Văn Thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy' });
    const report = store.agenda.add(id, { title: 'Báo cáo kết quả quý III', presenter: 'Ban Tổ chức Trung ương' });
    const discussion = store.agenda.add(id, { title: 'Thảo luận' });
    store.speeches.add(id, { attendeeId: chair.id, kind: 'speech', content: 'Khai mạc hội nghị.' });
    store.speeches.add(id, { agendaItemId: report.id, kind: 'report', content: 'Đoạn một của báo cáo.\nĐoạn hai của báo cáo.' });
    store.speeches.add(id, { agendaItemId: discussion.id, attendeeId: thong.id, content: 'Nghệ An chia sẻ kinh nghiệm.' });
    store.speeches.add(id, {
      agendaItemId: report.id,
      speakerName: 'Phạm Quang Hưng',
      speakerPosition: 'Vụ trưởng Vụ V, Ban Tổ chức Trung ương',
      kind: 'explanation',
      content: 'Giải trình thêm.',
    });
    store.speeches.add(id, { agendaItemId: discussion.id, speakerName: 'Hồ Văn Nam', speakerSite: 'Hà Tĩnh', content: 'Đề nghị hướng dẫn.' });
    store.speeches.add(id, { attendeeId: chair.id, kind: 'direction', content: 'Chỉ đạo thực hiện.' });
    const all = texts(store, id);
    positionsInOrder(all, [
      '2. Diễn biến hội nghị',
      'Đồng chí Trương Thị Mai, Trưởng ban phát biểu: Khai mạc hội nghị.',
      '2.1. Báo cáo kết quả quý III',
      'Ban Tổ chức Trung ương báo cáo: Đoạn một của báo cáo.',
      'Đoạn hai của báo cáo.',
      'Đồng chí Phạm Quang Hưng, Vụ trưởng Vụ V, Ban Tổ chức Trung ương giải trình: Giải trình thêm.',
      '2.2. Thảo luận',
      'Có 02 ý kiến phát biểu.',
      'Đồng chí Nguyễn Văn Thông, Phó Bí thư Thường trực Tỉnh ủy (điểm cầu Nghệ An) phát biểu ý kiến: Nghệ An chia sẻ kinh nghiệm.',
      'Đồng chí Hồ Văn Nam, … (điểm cầu Hà Tĩnh) phát biểu ý kiến: Đề nghị hướng dẫn.',
      'Đồng chí Trương Thị Mai, Trưởng ban phát biểu chỉ đạo: Chỉ đạo thực hiện.',
      '3. Kết luận',
    ]);
    // The speaker's name stands out; what they said does not.
    const speech = modelParagraphs(buildMinutes(getMeetingRecord(store, id), PROFILE).blocks).find((p) =>
      paragraphText(p).startsWith('Đồng chí Phạm Quang Hưng'),
    );
    expect(speech?.runs).toEqual([
      { text: 'Đồng chí Phạm Quang Hưng', strong: true },
      { text: ', Vụ trưởng Vụ V, Ban Tổ chức Trung ương giải trình: ' },
      { text: 'Giải trình thêm.' },
    ]);
  });

  it('gives the conclusions per item, then the overall one, with vote results and tasks', () => {
    const store = memoryStore();
    const id = createMeeting(store, { title: 'Hội nghị', format: 'party' });
    const site = store.sites.add(id, { name: 'Hội trường' });
    store.attendees.add(id, { siteId: site.id, fullName: 'Nguyễn Văn An', positions: 'Bí thư', role: 'chair' });
    const first = store.agenda.add(id, { title: 'Thông qua quy chế làm việc' });
    store.agenda.add(id, { title: 'Mục không có kết luận' });
    store.conclusions.add(id, { content: 'Kết luận chung của hội nghị.' });
    store.conclusions.add(id, { agendaItemId: first.id, content: 'Thống nhất thông qua quy chế.', voteFor: 45, voteAgainst: 0, voteOther: 2 });
    store.actionItems.add(id, { task: 'Hoàn thiện quy chế', responsible: 'Văn phòng Tỉnh ủy', dueDate: '2020-02-20' });
    const all = texts(store, id);
    positionsInOrder(all, [
      '3. Kết luận',
      'Đồng chí Nguyễn Văn An, chủ trì hội nghị kết luận:',
      '3.1. Thông qua quy chế làm việc',
      'Thống nhất thông qua quy chế.',
      'Kết quả biểu quyết: tán thành 45 đồng chí; không tán thành 0 đồng chí; ý kiến khác 02 đồng chí.',
      '3.2. Kết luận chung',
      'Kết luận chung của hội nghị.',
      'Phân công thực hiện:',
      '- Hoàn thiện quy chế (thực hiện: Văn phòng Tỉnh ủy; thời hạn: ngày 20 tháng 02 năm 2020).',
    ]);
    expect(all).not.toContain('3.3. Mục không có kết luận');
  });
});

describe('the minutes model: the two formats', () => {
  it('Party: header with ĐẢNG CỘNG SẢN VIỆT NAM, the star, "Số 05-BB/…", dashes; closing with a plain full stop', () => {
    const store = memoryStore();
    const id = inPersonMeeting(store);
    const doc = buildMinutes(getMeetingRecord(store, id), {
      ...PROFILE,
      superiorBody: 'Đảng bộ tỉnh Nghệ An',
      issuingBody: 'Tỉnh ủy Nghệ An',
      abbreviation: 'TU',
      placeName: 'Nghệ An',
    });
    const header = doc.blocks[0] as Table;
    expect(header.rows.map((row) => row.map((cell) => cell.map((p) => [p.role, paragraphText(p)])))).toEqual([
      [
        [
          ['superiorBody', 'ĐẢNG BỘ TỈNH NGHỆ AN'],
          ['issuingBody', 'TỈNH ỦY NGHỆ AN'],
          ['star', '*'],
        ],
        [['nation', 'ĐẢNG CỘNG SẢN VIỆT NAM']],
      ],
      [[['number', 'Số 05-BB/TU']], [['date', 'Nghệ An, ngày 05 tháng 3 năm 2020']]],
    ]);
    const all = modelTexts(doc);
    positionsInOrder(all, ['BIÊN BẢN', 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5', '-----', 'Thời gian: vào hồi 08 giờ 00, ngày 05 tháng 3 năm 2020.']);
    positionsInOrder(all, [
      'Hội nghị kết thúc vào hồi 11 giờ 30 cùng ngày.',
      'NGƯỜI GHI BIÊN BẢN',
      'Trần Thị Lan',
      'CHỦ TRÌ HỘI NGHỊ',
      'Nguyễn Văn An',
      'Nơi nhận:',
      '- Lưu Văn phòng.',
    ]);
  });

  it('State: quốc hiệu and tiêu ngữ, "Số: 05/BB-…", Chủ trì and Thư ký, THƯ KÝ / CHỦ TỌA, and "./." at the end', () => {
    const store = memoryStore();
    const id = inPersonMeeting(store);
    store.meetings.update(id, { confidentiality: 'mat' });
    store.recipients.add(id, { text: 'Các sở, ban, ngành' });
    store.recipients.add(id, { text: 'Lưu: VT, VP.' });
    const doc = buildMinutes(
      getMeetingRecord(store, id),
      { ...PROFILE, issuingBody: 'Ủy ban nhân dân tỉnh Nghệ An', abbreviation: 'UBND', placeName: 'Nghệ An' },
      { format: 'state' },
    );
    const header = doc.blocks[0] as Table;
    expect(header.rows.map((row) => row.map((cell) => cell.map(paragraphText)))).toEqual([
      [['ỦY BAN NHÂN DÂN TỈNH NGHỆ AN'], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']],
      [['Số: 05/BB-UBND', 'MẬT'], ['Nghệ An, ngày 05 tháng 3 năm 2020']],
    ]);
    const all = modelTexts(doc);
    expect(all).not.toContain('-----');
    positionsInOrder(all, [
      'Chủ trì: đồng chí Nguyễn Văn An - Bí thư Tỉnh ủy.',
      'Thư ký: đồng chí Trần Thị Lan - Phó Chánh Văn phòng Tỉnh ủy.',
      '1. Thành phần tham dự',
      '2. Diễn biến cuộc họp',
      'Cuộc họp kết thúc vào 11 giờ 30, ngày 05 tháng 3 năm 2020./.',
      'THƯ KÝ',
      'Trần Thị Lan',
      'CHỦ TỌA',
      'Nguyễn Văn An',
      'Nơi nhận:',
      '- Các sở, ban, ngành;',
      '- Lưu: VT, VP.',
    ]);
  });

  it.each([
    ['party', '2021-09-30', false, 'Hội nghị kết thúc vào hồi 00 giờ 40, ngày 01 tháng 10 năm 2021.'],
    ['party', '2021-12-31', true, 'Hội nghị kết thúc vào hồi 00 giờ 40, ngày 01 tháng 01 năm 2022. Biên bản đã được thông qua trước hội nghị.'],
    ['state', '2020-02-28', false, 'Cuộc họp kết thúc vào 00 giờ 40, ngày 29 tháng 02 năm 2020./.'],
    ['state', '2021-02-28', false, 'Cuộc họp kết thúc vào 00 giờ 40, ngày 01 tháng 3 năm 2021./.'],
    ['party', null, false, 'Hội nghị kết thúc vào hồi 00 giờ 40, ngày … tháng … năm ….'],
  ] as const)('%s, meeting on %s past midnight: the end is told with its own date', (format, date, minutesApproved, closing) => {
    const store = memoryStore();
    const id = inPersonMeeting(store);
    store.meetings.update(id, { date, startTime: '22:30', endTime: '00:40', minutesApproved });
    const all = modelTexts(buildMinutes(getMeetingRecord(store, id), PROFILE, { format }));
    expect(all).toContain(closing);
    // The opening keeps the meeting's own day.
    if (date === '2021-09-30') expect(all).toContain('Thời gian: vào hồi 22 giờ 30, ngày 30 tháng 9 năm 2021.');
  });
});
