import { describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import type { Store } from '../../electron/store/index.ts';
import { memoryStore, snapshot } from '../support/store.ts';

function meetingWithSites(store: Store) {
  const meetingId = createMeeting(store, { title: 'Hội nghị giao ban quý III' });
  const central = store.sites.add(meetingId, { name: 'Trụ sở Ban Tổ chức Trung ương', level: 'central' });
  const ngheAn = store.sites.add(meetingId, { name: 'Tỉnh ủy Nghệ An', level: 'province' });
  return { meetingId, central, ngheAn };
}

describe('profile', () => {
  it('starts empty and keeps what is saved, normalised', () => {
    const store = memoryStore();
    expect(store.profile.get().issuingBody).toBe('');
    store.profile.update({ issuingBody: 'BAN TO\u0302\u0309 CHU\u031b\u0301C TRUNG U\u031bO\u031bNG', abbreviation: 'BTCTW' });
    expect(store.profile.get()).toMatchObject({ issuingBody: 'BAN TỔ CHỨC TRUNG ƯƠNG', abbreviation: 'BTCTW', defaultFormat: 'party' });
  });

  it('refuses an unknown format with a message naming the field', () => {
    const store = memoryStore();
    expect(() => store.profile.update({ defaultFormat: 'word' })).toThrow('Thể thức mặc định: có giá trị không hợp lệ');
    expect(store.profile.get().defaultFormat).toBe('party');
  });
});

describe('meetings', () => {
  it('creates a meeting with the organisation defaults', () => {
    const store = memoryStore();
    store.profile.update({ defaultFormat: 'state', currentTerm: '2025-2030', defaultMinuteTaker: 'Trần Thị Lan' });
    const meeting = store.meetings.get(createMeeting(store, { title: 'Họp giao ban' }));
    expect(meeting).toMatchObject({
      title: 'Họp giao ban',
      format: 'state',
      term: '2025-2030',
      minuteTakerName: 'Trần Thị Lan',
      status: 'draft',
      confidentiality: 'none',
    });
    expect(meeting.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('updates only the fields given and validates the merged record', () => {
    const store = memoryStore();
    const id = createMeeting(store, { title: 'Giao ban', startTime: '14:00' });
    expect(store.meetings.update(id, { endTime: '17:00' })).toMatchObject({ title: 'Giao ban', startTime: '14:00', endTime: '17:00' });
    // An end before the start is past midnight, on the next day.
    expect(store.meetings.update(id, { endTime: '00:40' })).toMatchObject({ startTime: '14:00', endTime: '00:40' });
    expect(() => store.meetings.update(id, { endTime: '10:75' })).toThrow('Giờ kết thúc: phải là giờ hợp lệ');
    // Up to 12 hours on past midnight; an end earlier still is a slip.
    expect(store.meetings.update(id, { endTime: '02:00' })).toMatchObject({ endTime: '02:00' });
    for (const endTime of ['02:01', '13:59']) {
      expect(() => store.meetings.update(id, { endTime })).toThrow(
        'Không lưu được thông tin hội nghị: giờ kết thúc phải sau giờ bắt đầu (qua nửa đêm, không quá 12 giờ).',
      );
    }
    expect(() => store.meetings.update(id, { startTime: '02:30' })).toThrow('giờ kết thúc phải sau giờ bắt đầu');
    expect(store.meetings.get(id)).toMatchObject({ startTime: '14:00', endTime: '02:00' });
  });

  it.each([
    [{ date: '2021-02-30' }, 'Ngày: không phải là ngày có thật'],
    [{ date: '30/9/2021' }, 'Ngày: phải có dạng năm-tháng-ngày'],
    [{ startTime: '24:00' }, 'Giờ bắt đầu: phải là giờ hợp lệ'],
    [{ number: -1 }, 'Số văn bản: quá nhỏ'],
    [{ number: 0 }, 'Số văn bản: quá nhỏ (tối thiểu 1)'],
    [{ number: 1.5 }, 'Số văn bản: phải là số nguyên'],
    [{ title: 'x'.repeat(1001) }, 'Tiêu đề: quá dài (tối đa 1.000 ký tự)'],
    [{ confidentiality: 'secret' }, 'Độ mật: có giá trị không hợp lệ'],
    [{ title: 42 }, 'Tiêu đề: sai kiểu dữ liệu'],
  ])('refuses %o with a Vietnamese message', (patch, message) => {
    const store = memoryStore();
    const id = createMeeting(store, { title: 'Giao ban' });
    const before = snapshot(store);
    expect(() => store.meetings.update(id, patch)).toThrow(message);
    expect(snapshot(store)).toEqual(before);
  });

  it('accepts 29 February in a leap year only', () => {
    const store = memoryStore();
    const id = createMeeting(store);
    expect(store.meetings.update(id, { date: '2024-02-29' }).date).toBe('2024-02-29');
    expect(() => store.meetings.update(id, { date: '2025-02-29' })).toThrow('không phải là ngày có thật');
  });

  it('lists meetings newest first with their counts', () => {
    const store = memoryStore();
    const older = createMeeting(store, { title: 'Quý II', date: '2021-06-30' });
    const { meetingId } = meetingWithSites(store);
    store.meetings.update(meetingId, { date: '2021-09-30' });
    store.sites.add(meetingId, { name: 'Các xã', attendeeCount: 412 });
    const site = store.sites.list(meetingId)[0];
    store.attendees.add(meetingId, { siteId: site?.id, fullName: 'Trương Thị Mai' });
    store.speeches.add(meetingId, { speakerName: 'Trương Thị Mai' });
    const list = store.meetings.list();
    expect(list.map((m) => m.id)).toEqual([meetingId, older]);
    expect(list[0]).toMatchObject({ siteCount: 3, attendeeCount: 413, speechCount: 1 });
  });

  it('suggests the next number per document type and Party term or State year', () => {
    const store = memoryStore();
    createMeeting(store, { format: 'party', term: '2020-2025', number: 14, noticeNumber: 3 });
    createMeeting(store, { format: 'party', term: '2025-2030', number: 4 });
    createMeeting(store, { format: 'state', date: '2026-03-05', number: 7 });
    createMeeting(store, { format: 'state', date: '2025-12-30', number: 40 });
    expect(store.meetings.suggestNumber('BB', 'party', '2025-2030')).toBe(5);
    expect(store.meetings.suggestNumber('BB', 'party', '2020-2025')).toBe(15);
    expect(store.meetings.suggestNumber('TB', 'party', '2020-2025')).toBe(4);
    expect(store.meetings.suggestNumber('TB', 'party', '2025-2030')).toBe(1);
    expect(store.meetings.suggestNumber('BB', 'state', '2026')).toBe(8);
    expect(store.meetings.suggestNumber('BB', 'state', '2027')).toBe(1);
  });

  it('deletes a meeting with everything in it, but keeps the people directory', () => {
    const store = memoryStore();
    const { meetingId, central } = meetingWithSites(store);
    const person = store.people.remember({ fullName: 'Trương Thị Mai' });
    store.attendees.add(meetingId, { siteId: central.id, fullName: 'Trương Thị Mai', personId: person.id });
    store.agenda.add(meetingId, { title: 'Báo cáo' });
    store.meetings.remove(meetingId);
    for (const table of ['sites', 'attendees', 'agenda_items', 'meetings']) {
      expect(store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
    expect(store.people.list()).toHaveLength(1);
    expect(() => store.meetings.get(meetingId)).toThrow('Không tìm thấy hội nghị');
  });

  it('copies sites and attendees from an earlier meeting, everyone present again', () => {
    const store = memoryStore();
    const { meetingId, central } = meetingWithSites(store);
    store.attendees.add(meetingId, { siteId: central.id, fullName: 'Lê Đức Cường', presence: 'absent_excused', absenceReason: 'đi công tác' });
    const copyId = createMeeting(store, { title: 'Quý IV' }, { copyFrom: meetingId });
    expect(store.sites.list(copyId).map((s) => [s.name, s.isMain])).toEqual([
      ['Trụ sở Ban Tổ chức Trung ương', true],
      ['Tỉnh ủy Nghệ An', false],
    ]);
    expect(store.attendees.list(copyId)).toEqual([expect.objectContaining({ fullName: 'Lê Đức Cường', presence: 'present', absenceReason: '' })]);
    expect(store.attendees.list(copyId)[0]?.siteId).toBe(store.sites.list(copyId)[0]?.id);
  });
});

describe('sites', () => {
  it('makes the first site the main one and keeps exactly one main site', () => {
    const store = memoryStore();
    const { meetingId, central, ngheAn } = meetingWithSites(store);
    expect(store.sites.list(meetingId).map((s) => s.isMain)).toEqual([true, false]);
    store.sites.update(ngheAn.id, { isMain: true });
    expect(store.sites.list(meetingId).map((s) => s.isMain)).toEqual([false, true]);
    expect(() => store.sites.update(ngheAn.id, { isMain: false })).toThrow('phải có một điểm cầu chính');
    store.sites.remove(ngheAn.id);
    expect(store.sites.get(central.id).isMain).toBe(true);
  });

  it('when the main site is removed, the first remaining site (in list order) becomes main, not the last', () => {
    const store = memoryStore();
    const { meetingId, central, ngheAn } = meetingWithSites(store);
    const haTinh = store.sites.add(meetingId, { name: 'Tỉnh ủy Hà Tĩnh' });
    store.sites.move(haTinh.id, 1);
    store.sites.remove(central.id);
    expect(store.sites.list(meetingId).map((s) => [s.name, s.isMain])).toEqual([
      ['Tỉnh ủy Hà Tĩnh', true],
      ['Tỉnh ủy Nghệ An', false],
    ]);
    expect(store.sites.get(ngheAn.id).isMain).toBe(false);
  });

  it('keeps the order contiguous when adding at a position, moving and removing', () => {
    const store = memoryStore();
    const { meetingId, central, ngheAn } = meetingWithSites(store);
    const haTinh = store.sites.add(meetingId, { name: 'Tỉnh ủy Hà Tĩnh' }, 1);
    const names = () => store.sites.list(meetingId).map((s) => `${s.ord}:${s.name}`);
    expect(names()).toEqual(['0:Trụ sở Ban Tổ chức Trung ương', '1:Tỉnh ủy Hà Tĩnh', '2:Tỉnh ủy Nghệ An']);
    store.sites.move(central.id, 2);
    expect(names()).toEqual(['0:Tỉnh ủy Hà Tĩnh', '1:Tỉnh ủy Nghệ An', '2:Trụ sở Ban Tổ chức Trung ương']);
    store.sites.remove(haTinh.id);
    expect(names()).toEqual(['0:Tỉnh ủy Nghệ An', '1:Trụ sở Ban Tổ chức Trung ương']);
    expect(store.sites.get(ngheAn.id).ord).toBe(0);
  });

  it('keeps count-only sites and named lists apart', () => {
    const store = memoryStore();
    const { meetingId, central } = meetingWithSites(store);
    const communes = store.sites.add(meetingId, { name: '21 điểm cầu cấp xã', level: 'commune', attendeeCount: 412 });
    expect(() => store.attendees.add(meetingId, { siteId: communes.id, fullName: 'Nguyễn Văn A' })).toThrow('chỉ ghi số lượng');
    store.attendees.add(meetingId, { siteId: central.id, fullName: 'Trương Thị Mai' });
    expect(() => store.sites.update(central.id, { attendeeCount: 30 })).toThrow('đã có danh sách đại biểu');
    expect(() => store.sites.update(communes.id, { attendeeCount: -3 })).toThrow('Số đại biểu: quá nhỏ');
  });
});

describe('attendees', () => {
  it('orders attendees within their site and moves them between sites', () => {
    const store = memoryStore();
    const { meetingId, central, ngheAn } = meetingWithSites(store);
    const mai = store.attendees.add(meetingId, { siteId: central.id, fullName: 'Trương Thị Mai', role: 'chair' });
    const thong = store.attendees.add(meetingId, { siteId: ngheAn.id, fullName: 'Nguyễn Văn Thông', role: 'site_chair' });
    const cuong = store.attendees.add(meetingId, { siteId: central.id, fullName: 'Lê Đức Cường' });
    expect([mai.ord, thong.ord, cuong.ord]).toEqual([0, 0, 1]);
    const moved = store.attendees.update(cuong.id, { siteId: ngheAn.id });
    expect(moved).toMatchObject({ siteId: ngheAn.id, ord: 1, fullName: 'Lê Đức Cường' });
    expect(store.attendees.list(meetingId).map((a) => a.fullName)).toEqual(['Trương Thị Mai', 'Nguyễn Văn Thông', 'Lê Đức Cường']);
  });

  it('records presence with reason and time', () => {
    const store = memoryStore();
    const { meetingId, central } = meetingWithSites(store);
    const a = store.attendees.add(meetingId, { siteId: central.id, fullName: 'Phạm Quang Hưng', presence: 'late', presenceTime: '14:20' });
    expect(store.attendees.update(a.id, { presence: 'absent_excused', absenceReason: 'đi công tác', presenceTime: null })).toMatchObject({
      presence: 'absent_excused',
      absenceReason: 'đi công tác',
      presenceTime: null,
    });
    expect(() => store.attendees.update(a.id, { presenceTime: '7h30' })).toThrow('Giờ đến hoặc về: phải là giờ hợp lệ');
  });

  it('refuses a site of another meeting', () => {
    const store = memoryStore();
    const first = meetingWithSites(store);
    const second = meetingWithSites(store);
    expect(() => store.attendees.add(second.meetingId, { siteId: first.central.id, fullName: 'X' })).toThrow('không thuộc hội nghị này');
  });

  it('stores names as NFC whatever form they arrive in', () => {
    const store = memoryStore();
    const { meetingId, central } = meetingWithSites(store);
    const a = store.attendees.add(meetingId, { siteId: central.id, fullName: 'Tru\u031bo\u031bng Thi\u0323 Mai' });
    expect(a.fullName).toBe('Trương Thị Mai');
    expect(a.fullName).toBe(a.fullName.normalize('NFC'));
  });
});

describe('people directory', () => {
  it('offers a person again without duplicates, refreshing their positions', () => {
    const store = memoryStore();
    const first = store.people.remember({ fullName: 'Nguyễn Văn Thông', positions: 'Ủy viên Ban Thường vụ Tỉnh ủy', unit: 'Tỉnh ủy Nghệ An' });
    const again = store.people.remember({ fullName: 'nguyễn  văn thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy', unit: 'Tỉnh ủy Nghệ An' });
    expect(again.id).toBe(first.id);
    expect(store.people.list()).toEqual([expect.objectContaining({ fullName: 'nguyễn văn thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy' })]);
    const blank = store.people.remember({ fullName: 'Nguyễn Văn Thông', unit: 'Tỉnh ủy Nghệ An' });
    expect(blank.positions).toBe('Phó Bí thư Thường trực Tỉnh ủy');
    expect(store.people.remember({ fullName: 'Nguyễn Văn Thông', unit: 'Tỉnh ủy Hà Tĩnh' }).id).not.toBe(first.id);
  });

  it('suggests people by part of the name and refuses an empty name', () => {
    const store = memoryStore();
    store.people.remember({ fullName: 'Trương Thị Mai' });
    store.people.remember({ fullName: 'Mai Văn Chính' });
    store.people.remember({ fullName: 'Phạm Quang Hưng' });
    expect(
      store.people
        .suggest('mai')
        .map((p) => p.fullName)
        .sort(),
    ).toEqual(['Mai Văn Chính', 'Trương Thị Mai']);
    expect(store.people.suggest('100%')).toEqual([]);
    expect(() => store.people.remember({ fullName: '  ' })).toThrow('họ và tên không được để trống');
  });

  it('unlinks attendees when a person is removed from the directory', () => {
    const store = memoryStore();
    const { meetingId, central } = meetingWithSites(store);
    const person = store.people.remember({ fullName: 'Trương Thị Mai' });
    const a = store.attendees.add(meetingId, { siteId: central.id, fullName: 'Trương Thị Mai', personId: person.id });
    store.people.remove(person.id);
    expect(store.attendees.get(a.id)).toMatchObject({ personId: null, fullName: 'Trương Thị Mai' });
  });
});

describe('agenda, speeches, conclusions, action items, recipients', () => {
  it("keeps a removed speaker's name, position and site on their speeches", () => {
    const store = memoryStore();
    const { meetingId, ngheAn } = meetingWithSites(store);
    const thong = store.attendees.add(meetingId, { siteId: ngheAn.id, fullName: 'Nguyễn Văn Thông', positions: 'Phó Bí thư Thường trực Tỉnh ủy' });
    const speech = store.speeches.add(meetingId, { attendeeId: thong.id, content: 'Tỉnh ủy Nghệ An đề xuất…' });
    store.attendees.remove(thong.id);
    expect(store.speeches.get(speech.id)).toMatchObject({
      attendeeId: null,
      speakerName: 'Nguyễn Văn Thông',
      speakerPosition: 'Phó Bí thư Thường trực Tỉnh ủy',
      speakerSite: 'Tỉnh ủy Nghệ An',
    });
    store.sites.remove(ngheAn.id);
    expect(store.speeches.get(speech.id).speakerName).toBe('Nguyễn Văn Thông');
  });

  it("keeps a speech when its agenda item is removed, and removes the item's own conclusion with it", () => {
    const store = memoryStore();
    const { meetingId } = meetingWithSites(store);
    const item = store.agenda.add(meetingId, { title: 'Báo cáo quý III', presenter: 'Vụ trưởng Vụ V' });
    const speech = store.speeches.add(meetingId, {
      agendaItemId: item.id,
      kind: 'report',
      startTime: '14:05',
      durationMinutes: 20,
      content: 'Đoạn một.\nĐoạn hai.',
    });
    const overall = store.conclusions.add(meetingId, { content: 'Kết luận chung.' });
    const conclusion = store.conclusions.add(meetingId, { agendaItemId: item.id, content: 'Thống nhất thông qua.', voteFor: 45, voteAgainst: 0, voteOther: 2 });
    const other = store.agenda.add(meetingId, { title: 'Thảo luận' });
    const otherConclusion = store.conclusions.add(meetingId, { agendaItemId: other.id, content: 'Giao Văn phòng tổng hợp.' });
    store.agenda.remove(item.id);
    expect(store.speeches.get(speech.id)).toMatchObject({ agendaItemId: null, content: 'Đoạn một.\nĐoạn hai.' });
    // Kept, it would read as a second overall conclusion.
    expect(store.conclusions.find(conclusion.id)).toBeUndefined();
    expect(store.conclusions.list(meetingId).map((c) => [c.id, c.ord])).toEqual([
      [overall.id, 0],
      [otherConclusion.id, 1],
    ]);
  });

  it("refuses references to another meeting's agenda or attendees", () => {
    const store = memoryStore();
    const first = meetingWithSites(store);
    const second = meetingWithSites(store);
    const item = store.agenda.add(first.meetingId, { title: 'Báo cáo' });
    const person = store.attendees.add(first.meetingId, { siteId: first.central.id, fullName: 'X' });
    expect(() => store.speeches.add(second.meetingId, { agendaItemId: item.id })).toThrow('không thuộc hội nghị này');
    expect(() => store.speeches.add(second.meetingId, { attendeeId: person.id })).toThrow('không thuộc hội nghị này');
    expect(() => store.conclusions.add(second.meetingId, { agendaItemId: item.id })).toThrow('không thuộc hội nghị này');
  });

  it('reorders speeches and agenda items', () => {
    const store = memoryStore();
    const { meetingId } = meetingWithSites(store);
    const [a, b, c] = ['Một', 'Hai', 'Ba'].map((content) => store.speeches.add(meetingId, { content }));
    store.speeches.move(c?.id ?? 0, 0);
    expect(store.speeches.list(meetingId).map((s) => s.content)).toEqual(['Ba', 'Một', 'Hai']);
    store.speeches.move(a?.id ?? 0, 99);
    expect(store.speeches.list(meetingId).map((s) => [s.ord, s.content])).toEqual([
      [0, 'Ba'],
      [1, 'Hai'],
      [2, 'Một'],
    ]);
    expect(b).toBeDefined();
    const items = ['Khai mạc', 'Báo cáo', 'Thảo luận'].map((title) => store.agenda.add(meetingId, { title }));
    store.agenda.move(items[2]?.id ?? 0, 1);
    expect(store.agenda.list(meetingId).map((i) => i.title)).toEqual(['Khai mạc', 'Thảo luận', 'Báo cáo']);
  });

  it('stores action items with a due date and recipients in order', () => {
    const store = memoryStore();
    const { meetingId } = meetingWithSites(store);
    store.actionItems.add(meetingId, { task: 'Hoàn thiện báo cáo', responsible: 'Vụ V', dueDate: '2021-10-15' });
    expect(() => store.actionItems.add(meetingId, { task: 'X', dueDate: '2021-13-01' })).toThrow('Thời hạn: không phải là ngày có thật');
    store.recipients.add(meetingId, { text: 'Các đồng chí Ủy viên Ban Thường vụ' });
    store.recipients.add(meetingId, { text: 'Lưu Văn phòng' });
    expect(store.actionItems.list(meetingId)).toEqual([expect.objectContaining({ responsible: 'Vụ V', dueDate: '2021-10-15' })]);
    expect(store.recipients.list(meetingId).map((r) => r.text)).toEqual(['Các đồng chí Ủy viên Ban Thường vụ', 'Lưu Văn phòng']);
  });

  it('keeps multi-line content and removes control characters', () => {
    const store = memoryStore();
    const { meetingId } = meetingWithSites(store);
    const s = store.speeches.add(meetingId, { content: 'Đoạn một.\r\n\u0007Đoạn hai.\u0000' });
    expect(s.content).toBe('Đoạn một.\nĐoạn hai.');
  });

  it('refuses a huge field and leaves the data intact', () => {
    const store = memoryStore();
    const { meetingId } = meetingWithSites(store);
    const s = store.speeches.add(meetingId, { content: 'Ý kiến.' });
    const before = snapshot(store);
    expect(() => store.speeches.update(s.id, { content: 'x'.repeat(200_001) })).toThrow('Nội dung: quá dài (tối đa 200.000 ký tự)');
    expect(() => store.speeches.update(s.id, 'not an object')).toThrow('dữ liệu không hợp lệ');
    expect(snapshot(store)).toEqual(before);
  });

  it("touches the meeting's last-change time on every edit inside it", async () => {
    const store = memoryStore();
    const { meetingId } = meetingWithSites(store);
    const before = store.meetings.get(meetingId).updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    store.agenda.add(meetingId, { title: 'Khai mạc' });
    expect(store.meetings.get(meetingId).updatedAt > before).toBe(true);
  });

  it('reports a missing record by its Vietnamese name', () => {
    const store = memoryStore();
    expect(() => store.speeches.get(999)).toThrow('Không tìm thấy phát biểu (mã 999).');
    expect(() => store.sites.add(999, { name: 'X' })).toThrow('Không tìm thấy hội nghị (mã 999).');
  });
});
