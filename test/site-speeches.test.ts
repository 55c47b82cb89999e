// Two secretaries, one meeting: the meeting file goes from the first machine to the second; each records speeches
// on its own database (shifts); each merges the other's meeting file. Both end with one log ordered by start time,
// the speeches they shared recognised by identity, a speaker the other machine added kept by name.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportMeetingFile, importMeetingFile } from '../electron/services/meeting-file.ts';
import { createMeeting } from '../electron/services/meetings.ts';
import { mergeReports, readReports } from '../electron/services/site-merge.ts';
import type { Store } from '../electron/store/index.ts';
import { memoryStore, snapshot, tempDir } from './support/store.ts';

const log = (store: Store, id: number) =>
  store.speeches.list(id).map((s) => [s.startTime, s.speakerName || store.attendees.get(s.attendeeId ?? 0).fullName, s.content]);

function twoMachines() {
  const dir = tempDir();
  const a = memoryStore();
  const aId = createMeeting(a, { title: 'Hội nghị tổng kết năm', date: '2021-12-20', startTime: '14:00' });
  const hall = a.sites.add(aId, { name: 'Hội trường A' });
  const chair = a.attendees.add(aId, { siteId: hall.id, fullName: 'Nguyễn Văn An', role: 'chair' });
  const binh = a.attendees.add(aId, { siteId: hall.id, fullName: 'Lê Thị Bình' });
  const agenda = a.agenda.add(aId, { title: 'Thảo luận' });
  a.speeches.add(aId, { attendeeId: chair.id, startTime: '14:00', endTime: '14:10', content: 'Khai mạc.' });

  // The second secretary takes the meeting as it is now, the opening over: each then records one of two sessions.
  const file = join(dir, 'hoi-nghi.json');
  exportMeetingFile(a, aId, file);
  const b = memoryStore();
  const bId = importMeetingFile(b, file);
  const bAttendee = (name: string) => b.attendees.list(bId).find((x) => x.fullName === name)?.id ?? null;

  // Shifts: A records at 14:40 and 15:30; B at 14:20 and 15:10, a late delegate B added at 14:30, and a note without time.
  a.speeches.add(aId, { attendeeId: binh.id, agendaItemId: agenda.id, startTime: '14:40', content: 'Ý kiến của đồng chí Bình.' });
  a.speeches.add(aId, { attendeeId: chair.id, startTime: '15:30', content: 'Kết luận.' });
  const late = b.attendees.add(bId, { siteId: b.sites.list(bId)[0]?.id ?? 0, fullName: 'Trần Quốc Cường', positions: 'Giám đốc Sở' });
  b.speeches.add(bId, { attendeeId: bAttendee('Lê Thị Bình'), startTime: '14:20', content: 'Báo cáo tham luận.' });
  b.speeches.add(bId, { attendeeId: late.id, startTime: '14:30', content: 'Ý kiến của Sở.' });
  b.speeches.add(bId, { attendeeId: bAttendee('Nguyễn Văn An'), startTime: '15:10', content: 'Điều hành thảo luận.' });
  b.speeches.add(bId, { speakerName: 'Thư ký', content: 'Ghi chú không có giờ.' });

  const fileOf = (store: Store, id: number, name: string) => {
    const path = join(dir, name);
    exportMeetingFile(store, id, path);
    return path;
  };
  return { a, aId, b, bId, fileOf };
}

describe('two secretaries, one meeting', () => {
  it("merges the other machine's speeches into one log by start time, the shared speech once, on both machines", () => {
    const { a, aId, b, bId, fileOf } = twoMachines();
    const fromB = fileOf(b, bId, 'may-b.json');
    const fromA = fileOf(a, aId, 'may-a.json');
    const result = mergeReports(a, aId, readReports([fromB]));
    expect(result.summary).toBe('1 báo cáo: 1 nhập, 0 có khác biệt cần chọn, 0 bị từ chối. 4 mục mới, 0 mục cập nhật.');
    expect(result.reports[0]?.siteName).toBe('Phát biểu ghi ở máy khác');
    const wanted = [
      ['14:00', 'Nguyễn Văn An', 'Khai mạc.'],
      ['14:20', 'Lê Thị Bình', 'Báo cáo tham luận.'],
      ['14:30', 'Trần Quốc Cường', 'Ý kiến của Sở.'],
      ['14:40', 'Lê Thị Bình', 'Ý kiến của đồng chí Bình.'],
      ['15:10', 'Nguyễn Văn An', 'Điều hành thảo luận.'],
      ['15:30', 'Nguyễn Văn An', 'Kết luận.'],
      [null, 'Thư ký', 'Ghi chú không có giờ.'],
    ];
    expect(log(a, aId)).toEqual(wanted);
    const speeches = a.speeches.list(aId);
    expect(speeches.map((s) => s.ord)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // A speaker on the list of both machines is the same attendee; the one only B listed is kept by name and position.
    expect(speeches[1]?.attendeeId).toBe(a.attendees.list(aId).find((x) => x.fullName === 'Lê Thị Bình')?.id);
    expect([speeches[2]?.attendeeId, speeches[2]?.speakerName, speeches[2]?.speakerPosition, speeches[2]?.speakerSite]).toEqual([
      null,
      'Trần Quốc Cường',
      'Giám đốc Sở',
      'Hội trường A',
    ]);

    // The other way round, B gets the same log (A's two speeches placed among its own).
    mergeReports(b, bId, readReports([fromA]));
    expect(log(b, bId)).toEqual(wanted);
    expect(b.speeches.list(bId).map((s) => s.uuid)).toEqual(speeches.map((s) => s.uuid));

    // B's file again, now holding A's speeches too: nothing new; replayed, nothing changes at all.
    const again = [fromB, fileOf(b, bId, 'may-b-2.json')];
    expect(mergeReports(a, aId, readReports(again)).totals).toMatchObject({ added: 0, updated: 0, conflict: 0 });
    const once = snapshot(a);
    mergeReports(a, aId, readReports(again));
    expect(snapshot(a)).toEqual(once);
    expect(log(a, aId)).toEqual(wanted);
  });

  it('undoes the merge, the log back in its order', () => {
    const { a, aId, b, bId, fileOf } = twoMachines();
    const before = log(a, aId);
    const ords = a.speeches.list(aId).map((s) => [s.id, s.ord]);
    const result = mergeReports(a, aId, readReports([fileOf(b, bId, 'may-b.json')]));
    a.bulk.unmerge(result.undo ?? expect.fail('the merge wrote something'));
    expect(log(a, aId)).toEqual(before);
    expect(a.speeches.list(aId).map((s) => [s.id, s.ord])).toEqual(ords);
  });

  it('a speech both changed differently is a conflict; one changed only on the other machine is an update after a first merge', () => {
    const { a, aId, b, bId, fileOf } = twoMachines();
    mergeReports(a, aId, readReports([fileOf(b, bId, 'may-b.json')]));
    const opening = (store: Store, id: number) => store.speeches.list(id).find((s) => s.content === 'Khai mạc.')?.id ?? 0;
    const aOpening = opening(a, aId);
    b.speeches.update(opening(b, bId), { content: 'Khai mạc hội nghị.' });
    a.speeches.update(aOpening, { content: 'Phát biểu khai mạc.' });
    const note = (store: Store, id: number) => store.speeches.list(id).find((s) => s.content === 'Ghi chú không có giờ.')?.id ?? 0;
    b.speeches.update(note(b, bId), { startTime: '16:00' });
    const result = mergeReports(a, aId, readReports([fileOf(b, bId, 'may-b-2.json')]));
    expect(result.reports[0]?.records.filter((r) => r.outcome !== 'unchanged').map((r) => [r.outcome, r.label])).toEqual([
      ['conflict', 'Phát biểu của Nguyễn Văn An lúc 14:00'],
      // B's note now starts at 16:00, which ended B's 15:10 speech there: both are updates.
      ['updated', 'Phát biểu của Nguyễn Văn An lúc 15:10'],
      ['updated', 'Phát biểu của Thư ký lúc 16:00'],
    ]);
    expect(a.speeches.list(aId).find((s) => s.startTime === '15:10')?.endTime).toBe('16:00');
    expect(a.speeches.get(aOpening).content).toBe('Phát biểu khai mạc.');
  });

  it('refuses a version-1 meeting file, which has no identities', async () => {
    const { a, aId, fileOf } = twoMachines();
    const { readFileSync, writeFileSync } = await import('node:fs');
    const path = fileOf(a, aId, 'cu.json');
    const json = JSON.parse(readFileSync(path, 'utf8')) as { version: number };
    json.version = 1;
    writeFileSync(path, JSON.stringify(json));
    expect(mergeReports(a, aId, readReports([path])).reports[0]?.refused).toMatch(/phiên bản cũ không có mã định danh/);
  });
});
