// The live conference in the store: a speech's times kept in step (start, end, duration), the speech still
// running ended when the next starts, the speaker queue (đăng ký phát biểu) and its order, a registered
// speaker's speech started in one write, the meeting's start and end stamped; the same timing rule on the
// bulk path; and the migration that turned recorded durations into end times.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import { createHandlers } from '../../electron/api/handlers.ts';
import { startQueued, stampMeeting } from '../../electron/services/live.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import type { Store } from '../../electron/store/index.ts';
import { MIGRATIONS } from '../../electron/store/migrations.ts';
import { speechTiming } from '../../electron/store/rules.ts';
import type { Added } from '../../shared/api.ts';
import { memoryStore, snapshot } from '../support/store.ts';

function meeting(store: Store) {
  const meetingId = createMeeting(store, { title: 'Hội nghị Ban Thường vụ', date: '2026-03-05' });
  const site = store.sites.add(meetingId, { name: 'Trụ sở Tỉnh ủy' });
  const add = (fullName: string) => store.attendees.add(meetingId, { siteId: site.id, fullName }).id;
  const people = { thong: add('Nguyễn Văn Thông'), mai: add('Trần Thị Mai'), cuong: add('Lê Đức Cường') };
  const items = [store.agenda.add(meetingId, { title: 'Khai mạc' }).id, store.agenda.add(meetingId, { title: 'Thảo luận' }).id];
  return { meetingId, site, people, items };
}

describe("a speech's times", () => {
  it('derives the duration from the start and the end, and the end from a duration typed afterwards', () => {
    const store = memoryStore();
    const { meetingId } = meeting(store);
    const speech = store.speeches.add(meetingId, { speakerName: 'Khách mời', startTime: '09:05', endTime: '09:17' });
    expect(speech).toMatchObject({ startTime: '09:05', endTime: '09:17', durationMinutes: 12 });
    expect(store.speeches.update(speech.id, { durationMinutes: 20 })).toMatchObject({ endTime: '09:25', durationMinutes: 20 });
    expect(store.speeches.update(speech.id, { startTime: '09:10' })).toMatchObject({ endTime: '09:25', durationMinutes: 15 });
    expect(store.speeches.update(speech.id, { endTime: null })).toMatchObject({ endTime: null, durationMinutes: null });
    // Without a start, a duration stands alone.
    expect(store.speeches.add(meetingId, { speakerName: 'B', durationMinutes: 7 })).toMatchObject({ startTime: null, endTime: null, durationMinutes: 7 });
  });

  it('takes an end before the start as past midnight, the duration counted across it', () => {
    const store = memoryStore();
    const { meetingId } = meeting(store);
    const speech = store.speeches.add(meetingId, { speakerName: 'A', startTime: '23:50', endTime: '00:10' });
    expect(speech).toMatchObject({ startTime: '23:50', endTime: '00:10', durationMinutes: 20 });
    expect(store.speeches.update(speech.id, { durationMinutes: 45 })).toMatchObject({ endTime: '00:35', durationMinutes: 45 });
    expect(store.speeches.update(speech.id, { startTime: '23:00' })).toMatchObject({ endTime: '00:35', durationMinutes: 95 });
  });

  it('refuses an end earlier than the start by more than past midnight allows, and keeps the speech as it was', () => {
    const store = memoryStore();
    const { meetingId } = meeting(store);
    const speech = store.speeches.add(meetingId, { speakerName: 'A', startTime: '10:00', endTime: '10:30' });
    const before = snapshot(store);
    expect(() => store.speeches.update(speech.id, { endTime: '09:59' })).toThrow(
      'Không lưu được phát biểu: giờ kết thúc phải sau giờ bắt đầu (qua nửa đêm, không quá 12 giờ).',
    );
    expect(() => store.speeches.add(meetingId, { startTime: '13:00', endTime: '01:01' })).toThrow('giờ kết thúc phải sau giờ bắt đầu');
    expect(snapshot(store)).toEqual(before);
    // A duration that would end it more than 12 hours past midnight leaves the end open.
    expect(speechTiming({ startTime: '08:00', endTime: null, durationMinutes: 20 * 60 })).toEqual({
      startTime: '08:00',
      endTime: null,
      durationMinutes: 20 * 60,
    });
    expect(store.speeches.add(meetingId, { startTime: '13:00', endTime: '01:00' })).toMatchObject({ durationMinutes: 12 * 60 });
  });

  it('refuses an impossible time, in Vietnamese, and keeps the speech as it was', () => {
    const store = memoryStore();
    const { meetingId } = meeting(store);
    const speech = store.speeches.add(meetingId, { speakerName: 'A', startTime: '10:00', endTime: '10:30' });
    const before = snapshot(store);
    for (const endTime of ['25:00', '10:75', '24:00']) {
      expect(() => store.speeches.update(speech.id, { endTime })).toThrow(
        'Không lưu được phát biểu: Giờ kết thúc: phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59.',
      );
    }
    expect(() => store.speeches.add(meetingId, { startTime: '23:00', endTime: '1:00' })).toThrow('phải là giờ hợp lệ');
    expect(snapshot(store)).toEqual(before);
  });

  it('moves the end past midnight when a duration passes it, and leaves it open for a whole day', () => {
    expect(speechTiming({ startTime: '23:50', endTime: null, durationMinutes: 20 })).toEqual({ startTime: '23:50', endTime: '00:10', durationMinutes: 20 });
    expect(speechTiming({ startTime: '23:30', endTime: null, durationMinutes: 29 })).toEqual({ startTime: '23:30', endTime: '23:59', durationMinutes: 29 });
    expect(speechTiming({ startTime: '23:30', endTime: null, durationMinutes: 24 * 60 })).toEqual({
      startTime: '23:30',
      endTime: null,
      durationMinutes: 24 * 60,
    });
  });

  it('ends the speech still running when the next one starts, and only that one', () => {
    const store = memoryStore();
    const { meetingId, people } = meeting(store);
    const first = store.speeches.add(meetingId, { attendeeId: people.thong, startTime: '09:00' });
    const second = store.speeches.add(meetingId, { attendeeId: people.mai });
    expect(store.speeches.get(first.id).endTime).toBeNull();
    // The second starts when its start is stamped: the first ends then.
    store.speeches.update(second.id, { startTime: '09:12' });
    expect(store.speeches.get(first.id)).toMatchObject({ endTime: '09:12', durationMinutes: 12 });
    // An earlier speech given a start afterwards ends nothing; a speech already ended keeps its end.
    const third = store.speeches.add(meetingId, { attendeeId: people.cuong, startTime: '09:30' });
    expect(store.speeches.get(second.id)).toMatchObject({ endTime: '09:30', durationMinutes: 18 });
    store.speeches.update(first.id, { endTime: '09:10' });
    store.speeches.add(meetingId, { speakerName: 'Khách', startTime: '09:40' });
    expect(store.speeches.get(third.id).endTime).toBe('09:40');
    expect(store.speeches.get(first.id).endTime).toBe('09:10');
  });

  it('ends the speech running since before midnight when the next one starts after it', () => {
    const store = memoryStore();
    const { meetingId, people } = meeting(store);
    const late = store.speeches.add(meetingId, { attendeeId: people.thong, startTime: '23:50' });
    store.speeches.add(meetingId, { attendeeId: people.mai, startTime: '00:05' });
    expect(store.speeches.get(late.id)).toMatchObject({ endTime: '00:05', durationMinutes: 15 });
    // A start too early to follow it past midnight is an earlier speech taken down afterwards: it ends nothing.
    const running = store.speeches.add(meetingId, { attendeeId: people.cuong, startTime: '09:00' });
    store.speeches.add(meetingId, { speakerName: 'Khách', startTime: '08:30' });
    expect(store.speeches.get(running.id).endTime).toBeNull();
  });
});

describe('the speaker queue', () => {
  it('keeps speakers in order per agenda item; moves and skips keep the order contiguous', () => {
    const store = memoryStore();
    const { meetingId, people, items } = meeting(store);
    const [opening = 0, debate = 0] = items;
    const thong = store.queue.add(meetingId, { agendaItemId: debate, attendeeId: people.thong });
    const mai = store.queue.add(meetingId, { agendaItemId: debate, attendeeId: people.mai });
    store.queue.add(meetingId, { agendaItemId: opening, attendeeId: people.thong });
    const guest = store.queue.add(meetingId, { agendaItemId: debate, speakerName: 'Đại diện Bộ Nội vụ' });
    store.queue.move(guest.id, 0);
    expect(store.queue.list(meetingId).map((e) => [e.agendaItemId, e.attendeeId ?? e.speakerName, e.ord])).toEqual([
      [debate, 'Đại diện Bộ Nội vụ', 0],
      [debate, people.thong, 1],
      [debate, people.mai, 2],
      [opening, people.thong, 3],
    ]);
    store.queue.remove(thong.id);
    expect(store.queue.list(meetingId).map((e) => e.ord)).toEqual([0, 1, 2]);
    expect(store.queue.get(mai.id).ord).toBe(1);
  });

  it('refuses an entry without a speaker, and the same speaker twice on one item', () => {
    const store = memoryStore();
    const { meetingId, people, items } = meeting(store);
    store.queue.add(meetingId, { agendaItemId: items[1] ?? null, attendeeId: people.thong });
    const before = snapshot(store);
    expect(() => store.queue.add(meetingId, { agendaItemId: items[1] ?? null })).toThrow('chưa có tên người phát biểu');
    expect(() => store.queue.add(meetingId, { agendaItemId: items[1] ?? null, attendeeId: people.thong })).toThrow('đã có trong danh sách đăng ký phát biểu');
    expect(snapshot(store)).toEqual(before);
    // On another item, or outside any item, the same speaker may register.
    expect(store.queue.add(meetingId, { agendaItemId: items[0] ?? null, attendeeId: people.thong }).ord).toBe(1);
    expect(store.queue.add(meetingId, { attendeeId: people.thong }).ord).toBe(2);
  });

  it('refuses a speaker or an agenda item of another meeting', () => {
    const store = memoryStore();
    const { meetingId } = meeting(store);
    const other = meeting(store);
    expect(() => store.queue.add(meetingId, { attendeeId: other.people.thong })).toThrow('không thuộc hội nghị này');
    expect(() => store.queue.add(meetingId, { agendaItemId: other.items[0] ?? null, speakerName: 'A' })).toThrow('không thuộc hội nghị này');
  });

  it('loses the entries of a removed speaker, agenda item or site, and keeps the others in order', () => {
    const store = memoryStore();
    const { meetingId, site, people, items } = meeting(store);
    const debate = items[1] ?? null;
    store.queue.add(meetingId, { agendaItemId: debate, attendeeId: people.thong });
    store.queue.add(meetingId, { agendaItemId: items[0] ?? null, speakerName: 'Khách' });
    store.queue.add(meetingId, { agendaItemId: debate, attendeeId: people.mai });
    store.queue.add(meetingId, { agendaItemId: debate, speakerName: 'Khách mời' });
    store.attendees.remove(people.thong);
    expect(store.queue.list(meetingId).map((e) => [e.attendeeId ?? e.speakerName, e.ord])).toEqual([
      ['Khách', 0],
      [people.mai, 1],
      ['Khách mời', 2],
    ]);
    store.agenda.remove(items[0] ?? 0);
    expect(store.queue.list(meetingId).map((e) => [e.attendeeId ?? e.speakerName, e.ord])).toEqual([
      [people.mai, 0],
      ['Khách mời', 1],
    ]);
    store.sites.add(meetingId, { name: 'Khác' });
    store.sites.remove(site.id);
    expect(store.queue.list(meetingId).map((e) => [e.speakerName, e.ord])).toEqual([['Khách mời', 0]]);
    expect(store.queue.add(meetingId, { speakerName: 'Mới' }).ord).toBe(1);
  });

  it("starts a registered speaker's speech in one write: stamped, under the item, gone from the queue, the previous speech ended", () => {
    const store = memoryStore();
    const { meetingId, people, items } = meeting(store);
    const debate = items[1] ?? null;
    const running = store.speeches.add(meetingId, { attendeeId: people.cuong, agendaItemId: debate, startTime: '14:00' });
    const entry = store.queue.add(meetingId, { agendaItemId: debate, attendeeId: people.mai });
    store.queue.add(meetingId, { agendaItemId: debate, speakerName: 'Đại diện Bộ Nội vụ' });
    const { id } = startQueued(store, entry.id, '14:07');
    expect(store.speeches.get(id)).toMatchObject({ attendeeId: people.mai, agendaItemId: debate, startTime: '14:07', endTime: null, kind: 'contribution' });
    expect(store.speeches.get(running.id)).toMatchObject({ endTime: '14:07', durationMinutes: 7 });
    expect(store.queue.list(meetingId).map((e) => [e.speakerName, e.ord])).toEqual([['Đại diện Bộ Nội vụ', 0]]);
    const guest = startQueued(store, store.queue.list(meetingId)[0]?.id ?? 0, '14:20');
    expect(store.speeches.get(guest.id)).toMatchObject({ attendeeId: null, speakerName: 'Đại diện Bộ Nội vụ', startTime: '14:20' });
    expect(store.queue.list(meetingId)).toEqual([]);
  });

  it('answers through the channels with the speeches and the queue; an entry gone is refused, writing nothing', async () => {
    const store = memoryStore();
    const { meetingId, people } = meeting(store);
    const handlers = createHandlers(
      store,
      { saveFile: async () => null, openFile: async () => null, chooseFolder: async () => null },
      {
        preview: () => ({ html: '', css: '', missing: [], advice: [] }),
        write: async () => ({ missing: [] }),
        print: async () => {
          throw new Error('not printed here');
        },
      },
    );
    const entry = store.queue.add(meetingId, { attendeeId: people.thong });
    const started = await dispatch(handlers, 'startQueued', { queueId: entry.id, at: '08:30' });
    if (!started.ok) throw new Error(started.error.message);
    const added = started.value as Added;
    expect(added.lists.queue).toEqual([]);
    expect(added.lists.speeches?.map((s) => [s.id, s.attendeeId, s.startTime])).toEqual([[added.id, people.thong, '08:30']]);
    const before = snapshot(store);
    expect(await dispatch(handlers, 'startQueued', { queueId: entry.id, at: '08:31' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatch(handlers, 'startQueued', { queueId: entry.id, at: '25:00' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(snapshot(store)).toEqual(before);
  });
});

describe("the meeting's start and end", () => {
  it('are stamped; the end ends a speech still running', () => {
    const store = memoryStore();
    const { meetingId, people } = meeting(store);
    stampMeeting(store, meetingId, 'start', '08:02');
    const last = store.speeches.add(meetingId, { attendeeId: people.thong, startTime: '10:40' });
    stampMeeting(store, meetingId, 'end', '11:05');
    expect(store.meetings.get(meetingId)).toMatchObject({ startTime: '08:02', endTime: '11:05' });
    expect(store.speeches.get(last.id)).toMatchObject({ endTime: '11:05', durationMinutes: 25 });
  });

  it('stamps the end of a meeting past midnight as the next day, and refuses an impossible time changing nothing', () => {
    const store = memoryStore();
    const { meetingId, people } = meeting(store);
    stampMeeting(store, meetingId, 'start', '22:30');
    const last = store.speeches.add(meetingId, { attendeeId: people.thong, startTime: '23:50' });
    stampMeeting(store, meetingId, 'end', '00:40');
    expect(store.meetings.get(meetingId)).toMatchObject({ date: '2026-03-05', startTime: '22:30', endTime: '00:40' });
    // The speech still running ends with the meeting, across midnight.
    expect(store.speeches.get(last.id)).toMatchObject({ startTime: '23:50', endTime: '00:40', durationMinutes: 50 });
    const before = snapshot(store);
    expect(() => stampMeeting(store, meetingId, 'end', '22:00')).toThrow('giờ kết thúc phải sau giờ bắt đầu');
    for (const at of ['25:00', '10:75']) {
      expect(() => stampMeeting(store, meetingId, 'end', at)).toThrow(
        'Không lưu được thông tin hội nghị: Giờ kết thúc: phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59.',
      );
    }
    expect(snapshot(store)).toEqual(before);
  });
});

describe('the bulk path', () => {
  it("keeps a speech's times in step as the editing path does", () => {
    const store = memoryStore();
    const meetingId = store.bulk.create(store.meetings.create({ title: 'Nhập' }), {
      speeches: [
        {
          agendaKey: null,
          speakerKey: null,
          speakerName: 'A',
          speakerPosition: '',
          speakerSite: '',
          kind: 'report',
          startTime: '08:00',
          endTime: null,
          durationMinutes: 25,
          content: '',
        },
        {
          agendaKey: null,
          speakerKey: null,
          speakerName: 'B',
          speakerPosition: '',
          speakerSite: '',
          kind: 'speech',
          startTime: '08:30',
          endTime: '08:41',
          durationMinutes: 3,
          content: '',
        },
      ],
    });
    expect(store.speeches.list(meetingId).map((s) => [s.endTime, s.durationMinutes])).toEqual([
      ['08:25', 25],
      ['08:41', 11],
    ]);
  });
});

describe('migration of recorded durations', () => {
  it('turns a start and a duration into an end time, within the day; nothing else changes', () => {
    const version = MIGRATIONS.findIndex((m) => m.name === 'speech end time');
    const db = new Database(':memory:');
    for (const migration of MIGRATIONS.slice(0, version)) migration.up(db);
    db.exec(`INSERT INTO meetings (id, format, mode, confidentiality, status, created_at, updated_at) VALUES (1, 'party', 'online', 'none', 'draft', '', '')`);
    const insert = db.prepare(`INSERT INTO speeches (meeting_id, ord, kind, start_time, duration_minutes) VALUES (1, ?, 'contribution', ?, ?)`);
    [
      ['08:05', 12],
      ['09:50', 75],
      [null, 10],
      ['10:00', null],
      ['23:50', 20],
      ['00:00', 0],
    ].forEach(([start, minutes], i) => insert.run(i, start, minutes));
    MIGRATIONS[version]?.up(db);
    expect(db.prepare('SELECT start_time, duration_minutes, end_time FROM speeches ORDER BY ord').raw().all()).toEqual([
      ['08:05', 12, '08:17'],
      ['09:50', 75, '11:05'],
      [null, 10, null],
      ['10:00', null, null],
      ['23:50', 20, null],
      ['00:00', 0, '00:00'],
    ]);
    db.close();
  });
});
