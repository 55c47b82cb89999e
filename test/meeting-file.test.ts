import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nationalMeetingFile } from '../bench/national-meeting.ts';
import {
  exportMeetingFile,
  importMeeting,
  importMeetingFile,
  parseMeetingFile,
  readMeetingFile,
  serializeMeetingFile,
  toMeetingFile,
} from '../electron/services/meeting-file.ts';
import { createMeeting, getMeetingRecord } from '../electron/services/meetings.ts';
import type { Store } from '../electron/store/index.ts';
import { MEETING_FILE_MAX_BYTES } from '../shared/model/meeting-file.ts';
import { meetingFileJsonSchema } from '../shared/model/meeting-file-json-schema.ts';
import { memoryStore, snapshot, tempDir } from './support/store.ts';

/** A meeting with one of everything, entered through the repositories. */
function recordSample(store: Store): number {
  const id = createMeeting(store, {
    kind: 'Hội nghị',
    title: 'Hội nghị giao ban công tác tổ chức xây dựng Đảng quý III năm 2021',
    format: 'party',
    term: '2020-2025',
    number: 5,
    noticeNumber: 12,
    date: '2021-09-30',
    startTime: '14:00',
    endTime: '17:00',
    venue: 'Trụ sở Ban Tổ chức Trung ương',
    mode: 'online',
    content: 'Giao ban quý III, triển khai nhiệm vụ quý IV.',
    confidentiality: 'mat',
    minuteTakerName: 'Trần Thị Lan',
    minuteTakerPosition: 'Chuyên viên',
    status: 'final',
  });
  const central = store.sites.add(id, { name: 'Trụ sở Ban Tổ chức Trung ương', level: 'central' });
  const ngheAn = store.sites.add(id, { name: 'Tỉnh ủy Nghệ An', level: 'province', location: 'Vinh' });
  store.sites.add(id, { name: 'Các điểm cầu cấp xã', level: 'commune', attendeeCount: 412 });
  const mai = store.attendees.add(id, {
    siteId: central.id,
    fullName: 'Trương Thị Mai',
    positions: 'Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Tổ chức Trung ương',
    role: 'chair',
  });
  const thong = store.attendees.add(id, {
    siteId: ngheAn.id,
    fullName: 'Nguyễn Văn Thông',
    positions: 'Phó Bí thư Thường trực Tỉnh ủy',
    unit: 'Tỉnh ủy Nghệ An',
    role: 'site_chair',
  });
  store.attendees.add(id, {
    siteId: ngheAn.id,
    fullName: 'Lê Đức Cường',
    positions: 'Ủy viên Ban Thường vụ, Trưởng ban Tổ chức Tỉnh ủy',
    presence: 'absent_excused',
    absenceReason: 'đi công tác',
  });
  const report = store.agenda.add(id, { title: 'Báo cáo kết quả quý III/2021', presenter: 'Vụ Tổng hợp' });
  const discussion = store.agenda.add(id, { title: 'Thảo luận' });
  store.speeches.add(id, {
    agendaItemId: report.id,
    speakerName: 'Phạm Quang Hưng',
    speakerPosition: 'Vụ trưởng Vụ V',
    kind: 'report',
    startTime: '14:10',
    durationMinutes: 25,
    content: 'Đoạn một.\nĐoạn hai.',
  });
  store.speeches.add(id, { agendaItemId: discussion.id, attendeeId: thong.id, content: 'Nghệ An chia sẻ kinh nghiệm.' });
  store.speeches.add(id, { attendeeId: mai.id, kind: 'direction', content: 'Đề nghị nghiên cứu kỹ các văn bản mới.' });
  store.conclusions.add(id, { agendaItemId: report.id, content: 'Thống nhất báo cáo.', voteFor: 45, voteAgainst: 0, voteOther: 2 });
  store.conclusions.add(id, { content: 'Tiếp tục đẩy mạnh thực hiện Nghị quyết Trung ương 4.' });
  store.actionItems.add(id, { task: 'Hoàn thiện báo cáo', responsible: 'Vụ V', dueDate: '2021-10-15' });
  store.recipients.add(id, { text: 'Các đồng chí Ủy viên Ban Thường vụ' });
  store.recipients.add(id, { text: 'Lưu Văn phòng' });
  return id;
}

const withoutExportTime = (text: string) => text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": ""');

describe('meeting file', () => {
  it('round-trips: export → import → export gives the same file except the export time', () => {
    const store = memoryStore();
    const dir = tempDir();
    const id = recordSample(store);
    exportMeetingFile(store, id, join(dir, 'first.json'), { confirmed: true });
    const copyId = importMeetingFile(store, join(dir, 'first.json'));
    expect(copyId).not.toBe(id);
    exportMeetingFile(store, copyId, join(dir, 'second.json'), { confirmed: true });
    const first = readFileSync(join(dir, 'first.json'), 'utf8');
    expect(withoutExportTime(readFileSync(join(dir, 'second.json'), 'utf8'))).toBe(withoutExportTime(first));
    expect(first).toContain('"speakerKey": "a2"');
    expect(first).toContain('"attendeeCount": 412');
  });

  it('re-creates the references between records of the imported meeting', () => {
    const store = memoryStore();
    const copyId = importMeeting(store, toMeetingFile(getMeetingRecord(store, recordSample(store))));
    const record = getMeetingRecord(store, copyId);
    const thong = record.attendees.find((a) => a.fullName === 'Nguyễn Văn Thông');
    const ngheAn = record.sites.find((s) => s.name === 'Tỉnh ủy Nghệ An');
    expect(thong?.siteId).toBe(ngheAn?.id);
    expect(record.speeches[1]?.attendeeId).toBe(thong?.id);
    expect(record.speeches[0]?.agendaItemId).toBe(record.agenda[0]?.id);
    expect(record.conclusions.map((c) => c.agendaItemId)).toEqual([record.agenda[0]?.id, null]);
    expect(record.sites.filter((s) => s.isMain).map((s) => s.name)).toEqual(['Trụ sở Ban Tổ chức Trung ương']);
  });

  it('adds the people of an imported meeting to the directory once', () => {
    const store = memoryStore();
    const file = toMeetingFile(getMeetingRecord(store, recordSample(store)));
    importMeeting(store, file);
    importMeeting(store, file);
    expect(
      store.people
        .list()
        .map((p) => p.fullName)
        .sort(),
    ).toEqual(['Lê Đức Cường', 'Nguyễn Văn Thông', 'Trương Thị Mai']);
    const imported = store.attendees.list(store.meetings.list()[0]?.id ?? 0);
    expect(imported.every((a) => a.personId !== null)).toBe(true);
  });

  it('round-trips the national-scale meeting', () => {
    const store = memoryStore();
    const at = new Date('2026-07-01T17:00:00Z');
    const first = toMeetingFile(getMeetingRecord(store, importMeeting(store, parseMeetingFile(nationalMeetingFile()))), at);
    const second = toMeetingFile(getMeetingRecord(store, importMeeting(store, first)), at);
    expect(serializeMeetingFile(second)).toBe(serializeMeetingFile(first));
    expect(first.sites).toHaveLength(3356);
    expect(first.sites.flatMap((s) => s.attendees)).toHaveLength(600);
    expect(first.speeches.filter((s) => s.speakerKey !== null)).toHaveLength(150);
  });

  it('normalises text arriving in a file (NFD, control characters)', () => {
    const store = memoryStore();
    const file = toMeetingFile(getMeetingRecord(store, recordSample(store))) as unknown as { meeting: { title: string } };
    file.meeting.title = 'Ho\u0323\u0302i nghi\u0323\u0007 giao ban';
    const id = importMeeting(store, parseMeetingFile(file));
    expect(store.meetings.get(id).title).toBe('Hội nghị giao ban');
  });
});

describe('meeting file rejections write nothing', () => {
  function attempt(content: string | Buffer, message: RegExp | string) {
    const store = memoryStore();
    recordSample(store);
    const before = snapshot(store);
    const path = join(tempDir(), 'in.json');
    writeFileSync(path, content);
    expect(() => importMeetingFile(store, path)).toThrow(message);
    expect(snapshot(store)).toEqual(before);
  }
  const valid = () => {
    const store = memoryStore();
    return JSON.parse(serializeMeetingFile(toMeetingFile(getMeetingRecord(store, recordSample(store))))) as Record<string, unknown> & {
      meeting: Record<string, unknown>;
      sites: { attendees: Record<string, unknown>[] }[];
      speeches: Record<string, unknown>[];
    };
  };

  it('malformed JSON', () => attempt('{"kind": "bien-ban/meeting", "version": 1, "meeting": {', 'Tệp bị hỏng hoặc không đúng định dạng JSON.'));
  it('a truncated file', () => {
    const text = JSON.stringify(valid());
    attempt(text.slice(0, text.length / 2), 'không đúng định dạng JSON');
  });
  it('invalid UTF-8', () => attempt(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'không phải văn bản UTF-8'));
  it('an empty file', () => attempt('', 'không đúng định dạng JSON'));
  it('another kind of JSON', () => attempt('[1, 2, 3]', 'không phải là tệp hội nghị của Biên Bản'));
  it('a file from a newer version', () =>
    attempt(JSON.stringify({ ...valid(), version: 3 }), /phiên bản Biên Bản mới hơn \(định dạng 3, ứng dụng này đọc được đến 2/));
  it('an oversized file', () =>
    attempt(
      `{"kind":"bien-ban/meeting","pad":"${'x'.repeat(MEETING_FILE_MAX_BYTES)}"}`,
      /^Không đọc được tệp hội nghị in\.json: tệp lớn hơn giới hạn 50 MB \(50 MB\)\.$/,
    ));
  it('a field of the wrong type, named in Vietnamese', () => {
    const file = valid();
    file.meeting.date = 20210930;
    attempt(JSON.stringify(file), 'Tệp hội nghị không hợp lệ: Hội nghị › ngày: sai kiểu dữ liệu.');
  });
  it('an impossible date', () => {
    const file = valid();
    file.meeting.date = '2021-09-31';
    attempt(JSON.stringify(file), 'Hội nghị › ngày: không phải là ngày có thật.');
  });
  it('an attendee with an unknown presence, with its position in the file', () => {
    const file = valid();
    const attendee = file.sites[1]?.attendees[1];
    if (attendee) attendee.presence = 'maybe';
    attempt(JSON.stringify(file), 'Điểm cầu thứ 2 › đại biểu thứ 2 › tình trạng có mặt: có giá trị không hợp lệ.');
  });
  it('a speech pointing at nobody', () => {
    const file = valid();
    const speech = file.speeches[0];
    if (speech) speech.speakerKey = 'a99';
    attempt(JSON.stringify(file), 'Phát biểu thứ 1 › người phát biểu: không có trong danh sách đại biểu.');
  });
  it('a million-character name', () => {
    const file = valid();
    const attendee = file.sites[0]?.attendees[0];
    if (attendee) attendee.fullName = 'A'.repeat(1_000_000);
    attempt(JSON.stringify(file), 'họ và tên: quá dài (tối đa 200 ký tự)');
  });
  it('two main sites', () => {
    const file = valid() as unknown as { sites: { isMain: boolean }[] };
    for (const site of file.sites) site.isMain = true;
    attempt(JSON.stringify(file), 'Điểm cầu: chỉ được có một điểm cầu chính.');
  });
  it('deeply nested JSON, refused before it is parsed', () =>
    attempt(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'Tệp hội nghị không hợp lệ: dữ liệu lồng nhau quá sâu (hơn 32 tầng).'));
  it('a folder instead of a file', () => {
    const store = memoryStore();
    expect(() => importMeetingFile(store, tempDir())).toThrow('Không đọc được tệp');
  });
  it('a missing file', () => {
    const store = memoryStore();
    expect(() => importMeetingFile(store, join(tempDir(), 'không-có.json'))).toThrow(/Không đọc được tệp .*: tệp hoặc thư mục không tồn tại/);
  });
});

describe('writing a meeting file', () => {
  it('leaves an existing file whole when the export fails', () => {
    const store = memoryStore();
    const dir = tempDir();
    const target = join(dir, 'out.json');
    writeFileSync(target, 'bản cũ');
    expect(() => exportMeetingFile(store, 999, target)).toThrow('Không tìm thấy hội nghị');
    expect(readFileSync(target, 'utf8')).toBe('bản cũ');
  });

  it('reports a folder that does not exist', () => {
    const store = memoryStore();
    const id = recordSample(store);
    expect(() => exportMeetingFile(store, id, join(tempDir(), 'no', 'such', 'out.json'), { confirmed: true })).toThrow('tệp hoặc thư mục không tồn tại');
  });

  it('round-trips a file read back from disk', () => {
    const store = memoryStore();
    const path = join(tempDir(), 'm.json');
    exportMeetingFile(store, recordSample(store), path, { confirmed: true });
    expect(readMeetingFile(path).sites).toHaveLength(3);
  });
});

describe('documentation', () => {
  it('docs/meeting-file.schema.json is the schema the app validates with (npm run docs:schema)', () => {
    expect(readFileSync(new URL('../docs/meeting-file.schema.json', import.meta.url), 'utf8')).toBe(meetingFileJsonSchema());
  });
});
