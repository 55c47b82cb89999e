// The minutes and the notice of a meeting with fields missing or text to clean: the whole document, "…" where
// a field is needed and the list of what is missing.
import { describe, expect, it } from 'vitest';
import { createMeeting, getMeetingRecord } from '../../electron/services/meetings.ts';
import { BLANK, type Paragraph, type Table } from '../../shared/minutes/document.ts';
import { listMissing } from '../../shared/minutes/missing.ts';
import { buildMinutes } from '../../shared/minutes/model.ts';
import { buildNotice } from '../../shared/minutes/notice.ts';
import { memoryStore } from '../support/store.ts';
import { modelParagraphs, modelTexts, positionsInOrder, PROFILE, withFixture } from './support.ts';

describe('missing data', () => {
  it('an empty meeting still gives the whole document, with "…" where a field is needed, and lists what is missing', () => {
    const store = memoryStore();
    const id = createMeeting(store, {});
    const record = getMeetingRecord(store, id);
    const empty = { ...PROFILE, issuingBody: '', abbreviation: '', placeName: '' };
    const doc = buildMinutes(record, empty);
    const all = modelTexts(doc);
    positionsInOrder(all, [
      BLANK,
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số …-BB/…',
      '…, ngày … tháng … năm …',
      'BIÊN BẢN',
      BLANK,
      'Thời gian: vào hồi … giờ …, ngày … tháng … năm ….',
      'Địa điểm: ….',
      'Người chủ trì: ….',
      'Người ghi biên bản: …',
      '1. Thành phần hội nghị',
      BLANK,
      '2. Diễn biến hội nghị',
      BLANK,
      '3. Kết luận',
      BLANK,
      'Hội nghị kết thúc vào hồi … giờ … cùng ngày.',
      'NGƯỜI GHI BIÊN BẢN',
      BLANK,
      'CHỦ TRÌ HỘI NGHỊ',
      BLANK,
    ]);
    expect(listMissing(record, empty, 'minutes')).toEqual([
      'Chưa có ngày họp.',
      'Chưa có tên cơ quan ban hành (thông tin cơ quan).',
      'Chưa có số biên bản.',
      'Chưa có chữ viết tắt tên cơ quan (thông tin cơ quan).',
      'Chưa có địa danh (thông tin cơ quan).',
      'Chưa có tiêu đề (trích yếu) của hội nghị.',
      'Chưa có giờ bắt đầu.',
      'Chưa có địa điểm.',
      'Chưa có người chủ trì: hãy chọn vai trò "Chủ trì hội nghị" cho một đại biểu.',
      'Chưa có họ tên người ghi biên bản.',
      'Chưa có chức vụ người ghi biên bản.',
      'Chưa có thành phần tham dự (điểm cầu và đại biểu).',
      'Chưa có diễn biến hội nghị (chương trình, phát biểu).',
      'Chưa có kết luận.',
      'Chưa có giờ kết thúc.',
    ]);
    expect(doc.missing).toEqual(listMissing(record, empty, 'minutes'));
  });

  it('names the person or the speech whose field is empty', () => {
    const store = memoryStore();
    const id = createMeeting(store, {
      title: 'Họp',
      number: 1,
      date: '2021-01-01',
      startTime: '08:00',
      endTime: '09:00',
      venue: 'Phòng họp',
      minuteTakerName: 'A',
      minuteTakerPosition: 'B',
    });
    const site = store.sites.add(id, { name: 'Phòng họp' });
    store.attendees.add(id, { siteId: site.id, fullName: 'Nguyễn Văn An', role: 'chair' });
    store.attendees.add(id, { siteId: site.id, fullName: '' });
    store.attendees.add(id, { siteId: site.id, fullName: 'Lê Thị Bình', presence: 'absent_excused' });
    store.speeches.add(id, { speakerPosition: 'Giám đốc Sở', content: '' });
    store.conclusions.add(id, { content: 'Thống nhất.' });
    const record = getMeetingRecord(store, id);
    expect(listMissing(record, PROFILE, 'minutes')).toEqual([
      'Chưa có chức vụ người chủ trì.',
      'Đại biểu thứ 2 tại điểm cầu Phòng họp: chưa có họ tên.',
      'Đồng chí Lê Thị Bình vắng có lý do nhưng chưa ghi lý do.',
      'Phát biểu thứ 1: chưa có tên người phát biểu.',
      'Phát biểu thứ 1: chưa có nội dung.',
    ]);
    const all = modelTexts(buildMinutes(record, PROFILE));
    positionsInOrder(all, [
      'Người chủ trì: đồng chí Nguyễn Văn An - ….',
      'Có mặt: 02/03 đồng chí: đồng chí Nguyễn Văn An, chủ trì hội nghị; đồng chí ….',
      'Vắng mặt: 01 đồng chí: đồng chí Lê Thị Bình (vắng có lý do: …).',
      'Đồng chí …, Giám đốc Sở phát biểu ý kiến: …',
    ]);
  });

  it('says that speeches were taken down without an agenda item when the items they belong to look empty', () => {
    const store = memoryStore();
    const id = createMeeting(store, {
      title: 'Hội nghị giao ban',
      number: 1,
      date: '2021-09-30',
      startTime: '14:00',
      endTime: '17:00',
      venue: 'Hội trường',
      minuteTakerName: 'Nguyễn Thị Lan',
      minuteTakerPosition: 'Chuyên viên',
    });
    const site = store.sites.add(id, { name: 'Hội trường' });
    const chair = store.attendees.add(id, { siteId: site.id, fullName: 'Trương Thị Mai', positions: 'Trưởng ban', role: 'chair' });
    const report = store.agenda.add(id, { title: 'Báo cáo quý III' });
    store.agenda.add(id, { title: 'Thảo luận' });
    store.conclusions.add(id, { content: 'Thống nhất.' });
    store.speeches.add(id, { attendeeId: chair.id, kind: 'report', content: 'Báo cáo.' });
    store.speeches.add(id, { attendeeId: chair.id, content: 'Ý kiến.' });
    const missing = () => listMissing(getMeetingRecord(store, id), PROFILE, 'minutes');
    const advice = () => buildMinutes(getMeetingRecord(store, id), PROFILE).advice;
    // Printed as they are, outside the items, not as "…": advice, not among the gaps.
    expect(advice()).toEqual([
      'Có 02 phát biểu chưa chọn mục chương trình nên được in ngoài các mục: mở phát biểu (Sửa), chọn ở ô Mục chương trình hoặc Alt+M.',
    ]);
    expect(missing().filter((m) => !m.startsWith('Mục chương trình thứ'))).toEqual([]);
    // Once every speech is under an item, only the item with none is left.
    for (const s of store.speeches.list(id)) store.speeches.update(s.id, { agendaItemId: report.id });
    expect(advice()).toEqual([]);
    expect(missing()).toEqual([
      'Mục chương trình thứ 2 (Thảo luận): chưa ghi diễn biến; nếu không ai phát biểu, hãy ghi một phát biểu không có người phát biểu tóm tắt phần này.',
    ]);
  });
});

describe('speakers without a position', () => {
  it('lists each speech whose speaker, on the list or not, has no position, naming the speech and the speaker', () => {
    const store = memoryStore();
    const id = createMeeting(store, { title: 'Hội nghị giao ban' });
    const site = store.sites.add(id, { name: 'Hội trường' });
    const withPosition = store.attendees.add(id, { siteId: site.id, fullName: 'Trương Thị Mai', positions: 'Trưởng ban' });
    const without = store.attendees.add(id, { siteId: site.id, fullName: 'Lê Văn Hóa' });
    store.speeches.add(id, { attendeeId: withPosition.id, content: 'Báo cáo.' });
    store.speeches.add(id, { attendeeId: without.id, content: 'Ý kiến.' });
    store.speeches.add(id, { speakerName: 'Đại diện Bộ Nội vụ', content: 'Đề nghị.' });
    store.speeches.add(id, { speakerName: 'Phạm Quang Hưng', speakerPosition: 'Vụ trưởng Vụ V', content: 'Giải trình.' });
    // Without a speaker the text is the minute-taker's own summary: no position is missing.
    store.speeches.add(id, { content: 'Tóm tắt phần thảo luận.' });
    const missing = listMissing(getMeetingRecord(store, id), PROFILE, 'minutes').filter((m) => m.includes('chức vụ người phát biểu'));
    expect(missing).toEqual([
      'Phát biểu thứ 2 (Lê Văn Hóa): chưa có chức vụ người phát biểu.',
      'Phát biểu thứ 3 (Đại diện Bộ Nội vụ): chưa có chức vụ người phát biểu.',
    ]);
    // Printed as "…" where the position goes, as Còn thiếu says.
    expect(modelTexts(buildMinutes(getMeetingRecord(store, id), PROFILE))).toContain('Đồng chí Đại diện Bộ Nội vụ, … phát biểu ý kiến: Đề nghị.');
  });
});

describe('text hygiene', () => {
  it('removes XML-illegal characters, composes to NFC and turns each line of user text into its own paragraph', () => {
    const store = memoryStore();
    const id = createMeeting(store, { title: 'Hội nghị' });
    store.speeches.add(id, { speakerName: 'Nguyễn Văn An', content: 'Dòng một.\nDòng hai.' });
    const record = getMeetingRecord(store, id);
    // Text that did not come through the store's normalisation: decomposed letters and control characters.
    const dirty = 'Ho\u0302\u0323i nghi\u0323\u0001 gia\u0301m\u000B sa\u0301t\uFFFE';
    record.meeting.title = dirty;
    const [speech] = record.speeches;
    if (speech) speech.content = `Đoạn\u0008 một.\r\nĐoạn hai.\n\n\nĐoạn ba.`;
    const doc = buildMinutes(record, PROFILE);
    const all = modelTexts(doc);
    expect(all).toContain('Hội nghị giám sát');
    positionsInOrder(all, ['Đồng chí Nguyễn Văn An, … phát biểu ý kiến: Đoạn một.', 'Đoạn hai.', 'Đoạn ba.']);
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const illegal = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
    for (const p of modelParagraphs(doc.blocks)) {
      for (const run of p.runs) {
        expect(run.text).not.toMatch(illegal);
        expect(run.text).toBe(run.text.normalize('NFC'));
      }
    }
  });
});

describe('the notice model', () => {
  it('holds the conclusions only, under its own TB number, with the signer of the profile', () => {
    const store = memoryStore();
    const id = withFixture(store);
    const record = getMeetingRecord(store, id);
    const doc = buildNotice(record, PROFILE, { issuedOn: '2021-10-05' });
    expect(doc.kind).toBe('notice');
    expect(doc.missing).toEqual([]);
    const all = modelTexts(doc);
    positionsInOrder(all, [
      'BAN TỔ CHỨC TRUNG ƯƠNG',
      '*',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Số 12-TB/BTCTW',
      'Hà Nội, ngày 05 tháng 10 năm 2021',
      'THÔNG BÁO',
      'Kết luận của đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tổ chức Trung ương tại Hội nghị giao ban công tác tổ chức xây dựng Đảng quý III năm 2021',
      '-----',
      'Ngày 30 tháng 9 năm 2021, Hội nghị giao ban công tác tổ chức xây dựng Đảng quý III năm 2021 được tổ chức trực tuyến từ điểm cầu Trụ sở Ban Tổ chức Trung ương đến điểm cầu Nghệ An, do đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tổ chức Trung ương chủ trì.',
      'Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, đồng chí Trương Thị Mai kết luận như sau:',
      'Ban Tổ chức Trung ương tham mưu tổng kết công tác quy hoạch cán bộ khóa XI, XII; làm công tác quy hoạch cán bộ cho nhiệm kỳ XIII, đi vào quy trình, bài bản, chất lượng hơn.',
      'Thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.',
      'Nơi nhận:',
      '- Các đồng chí Ủy viên Ban Thường vụ;',
      '- Lưu Văn phòng Ban.',
      'T/L TRƯỞNG BAN',
      'CHÁNH VĂN PHÒNG',
      'Nguyễn Văn A',
    ]);
    // Not the debate: no speech, no attendance.
    expect(all.some((t) => t.includes('báo cáo: Trong quý III/2021'))).toBe(false);
    expect(all.some((t) => t.startsWith('1. Thành phần'))).toBe(false);
    const signatures = doc.blocks[doc.blocks.length - 1] as Table;
    expect(signatures.rows[0]?.[1]?.map((p: Paragraph) => p.role)).toEqual(['signAuthority', 'signPosition', 'signName']);
  });

  it('lists the missing signer and date, and the State notice ends with "./."', () => {
    const store = memoryStore();
    const id = withFixture(store);
    const record = getMeetingRecord(store, id);
    const profile = { ...PROFILE, noticeSignerAuthority: '', noticeSignerPosition: '', noticeSignerName: '' };
    expect(listMissing(record, profile, 'notice')).toEqual([
      'Chưa có ngày ban hành thông báo (Thông tin chung, “Ngày thông báo kết luận”).',
      'Chưa có chức vụ người ký thông báo kết luận (thông tin cơ quan).',
      'Chưa có họ tên người ký thông báo kết luận (thông tin cơ quan).',
    ]);
    const all = modelTexts(buildNotice(record, PROFILE, { format: 'state', issuedOn: '2021-10-05' }));
    positionsInOrder(all, ['Số: 12/TB-BTCTW', 'THÔNG BÁO', 'Thông báo để các cơ quan, đơn vị liên quan biết, thực hiện./.']);
  });
});
