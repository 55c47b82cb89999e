// The page's own state, without a screen: what a write answers with replaces what the page holds, by
// revision; a draft row is created once with everything typed, updated in order, and removed when emptied.
import { describe, expect, it } from 'vitest';
import type { Change, ListName } from '../../shared/api.ts';
import type { MeetingRecord } from '../../shared/model/meeting.ts';
import { speechFields } from '../../shared/model/meeting.ts';
import { timesProblem } from '../../shared/model/clock.ts';
import { ApiError } from '../../renderer/api.ts';
import { DraftRow } from '../../renderer/screens/editor/draft-row.ts';
import { applyChange, holdRecord, type MeetingWrites } from '../../renderer/screens/editor/meeting-state.tsx';
import { dateFromText, timeFromText } from '../../renderer/lib/date-time.ts';

const meeting = { id: 1, revision: 4, title: 'Giao ban' } as MeetingRecord['meeting'];
const site = (id: number, name: string, isMain = false) => ({
  id,
  meetingId: 1,
  ord: id - 1,
  uuid: `site-${id}`,
  name,
  location: '',
  level: 'other' as const,
  isMain,
  attendeeCount: null,
});
const record: MeetingRecord = {
  meeting,
  sites: [site(1, 'Trung ương', true)],
  attendees: [],
  agenda: [],
  speeches: [],
  conclusions: [],
  actionItems: [],
  recipients: [],
  queue: [],
};
const change = (revision: number, lists: Change['lists'], withMeeting?: Partial<MeetingRecord['meeting']>): Change => ({
  meetingId: 1,
  revision,
  lists,
  ...(withMeeting ? { meeting: { ...meeting, ...withMeeting, revision } } : {}),
});

describe('applyChange', () => {
  it('replaces each list a change carries, and the meeting, when the change is newer', () => {
    const held = applyChange(holdRecord(record), change(5, { sites: [site(2, 'Nghệ An', true), site(1, 'Trung ương')] }, { title: 'Hội nghị' }));
    expect(held.record.sites.map((s) => [s.name, s.isMain])).toEqual([
      ['Nghệ An', true],
      ['Trung ương', false],
    ]);
    expect(held.record.meeting.title).toBe('Hội nghị');
    expect(held.revisions).toMatchObject({ sites: 5, meeting: 5, attendees: 4 });
  });

  it('keeps what was read later when an older answer arrives after a newer one', () => {
    const newer = applyChange(holdRecord(record), change(7, { sites: [site(1, 'Trung ương mới', true)] }));
    const older = applyChange(
      newer,
      change(6, { sites: [site(1, 'Trung ương cũ', true)], agenda: [{ id: 9, meetingId: 1, ord: 0, uuid: 'agenda-9', title: 'Báo cáo', presenter: '' }] }),
    );
    expect(older.record.sites[0]?.name).toBe('Trung ương mới');
    // A list the newer answer did not carry is still taken from the older one.
    expect(older.record.agenda.map((a) => a.title)).toEqual(['Báo cáo']);
  });

  it('keeps the records that did not change as the objects it held, and a list with no change as it was', () => {
    const held = applyChange(holdRecord(record), change(5, { sites: [site(1, 'Trung ương', true), site(2, 'Nghệ An'), site(3, 'Huế')] }));
    const [central, ngheAn, hue] = held.record.sites;
    const renamed = applyChange(held, change(6, { sites: [site(1, 'Trung ương', true), site(2, 'Tỉnh ủy Nghệ An'), site(3, 'Huế')] }));
    expect(renamed.record.sites.map((s) => s.name)).toEqual(['Trung ương', 'Tỉnh ủy Nghệ An', 'Huế']);
    expect(renamed.record.sites[0]).toBe(central);
    expect(renamed.record.sites[1]).not.toBe(ngheAn);
    expect(renamed.record.sites[2]).toBe(hue);
    // Reordered: the same objects in the store's new order, in a new list.
    const moved = applyChange(renamed, change(7, { sites: [site(3, 'Huế'), site(1, 'Trung ương', true), site(2, 'Tỉnh ủy Nghệ An')] }));
    expect(moved.record.sites.map((s) => s.id)).toEqual([3, 1, 2]);
    expect(moved.record.sites[0]).toBe(hue);
    // Nothing changed: the list and the whole record stay as they were, at the newer revision.
    const again = applyChange(moved, change(8, { sites: moved.record.sites.map((s) => ({ ...s })) }));
    expect(again.record).toBe(moved.record);
    expect(again.revisions.sites).toBe(8);
    // A list that lost an item is a new, shorter list.
    expect(applyChange(again, change(9, { sites: [site(3, 'Huế'), site(1, 'Trung ương', true)] })).record.sites.map((s) => s.id)).toEqual([3, 1]);
  });

  it('returns what it held when nothing is newer', () => {
    const held = holdRecord(record);
    expect(applyChange(held, change(4, { sites: [] }))).toBe(held);
  });
});

function fakeWrites() {
  const calls: string[] = [];
  let next = 10;
  let failAdds = 0;
  let refuseUpdates = 0;
  const pending: (() => void)[] = [];
  const later = <T>(value: T) => new Promise<T>((resolve) => pending.push(() => resolve(value)));
  const writes = {
    add: (list: ListName, values: Record<string, unknown>) => {
      calls.push(`add ${list} ${JSON.stringify(values)}`);
      if (failAdds > 0) {
        failAdds--;
        return Promise.reject(new Error('Không lưu được'));
      }
      return later(next++);
    },
    update: (list: ListName, id: number, patch: Record<string, unknown>) => {
      calls.push(`update ${list} ${id} ${JSON.stringify(patch)}`);
      if (refuseUpdates > 0) {
        refuseUpdates--;
        return Promise.reject(new ApiError('INVALID_INPUT', 'Không lưu được phát biểu: giờ kết thúc phải sau giờ bắt đầu.'));
      }
      return Promise.resolve();
    },
    remove: (list: ListName, id: number) => {
      calls.push(`remove ${list} ${id}`);
      return Promise.resolve(null);
    },
  } as unknown as MeetingWrites;
  return {
    calls,
    writes: () => writes,
    failNextAdd: () => {
      failAdds = 1;
    },
    refuseNextUpdate: () => {
      refuseUpdates = 1;
    },
    answer: async () => {
      while (pending.length > 0) pending.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

const empty = (typed: Record<string, unknown>) => !String(typed.title ?? '').trim();

describe('DraftRow', () => {
  it('is created once, with everything typed so far; saves made meanwhile follow in order', async () => {
    const fake = fakeWrites();
    const created: number[] = [];
    const row = new DraftRow({
      list: 'agenda',
      writes: fake.writes,
      initial: () => ({ presenter: 'Vụ V' }),
      isEmpty: empty,
      onCreated: (id) => created.push(id),
    });
    const first = row.save({ title: 'Báo c' });
    const second = row.save({ title: 'Báo cáo quý III' });
    expect(fake.calls).toEqual(['add agenda {"presenter":"Vụ V","title":"Báo c"}']);
    await fake.answer();
    await Promise.all([first, second]);
    expect(fake.calls).toEqual(['add agenda {"presenter":"Vụ V","title":"Báo c"}', 'update agenda 10 {"title":"Báo cáo quý III"}']);
    expect(created).toEqual([10]);
    expect(await row.settled()).toBe(10);
  });

  it('is removed when emptied, and created anew when typed again', async () => {
    const fake = fakeWrites();
    const row = new DraftRow({ list: 'agenda', writes: fake.writes, isEmpty: empty });
    void row.save({ title: 'Nhầm' });
    void row.save({ title: '' });
    await fake.answer();
    expect(fake.calls).toEqual(['add agenda {"title":"Nhầm"}', 'remove agenda 10']);
    expect(await row.settled()).toBeNull();
    void row.save({ title: 'Thảo luận' });
    await fake.answer();
    expect(fake.calls.at(-1)).toBe('add agenda {"title":"Thảo luận"}');
    expect(await row.settled()).toBe(11);
  });

  it('sends nothing while what is typed is empty, and keeps choices for the creation', async () => {
    const fake = fakeWrites();
    const row = new DraftRow({ list: 'agenda', writes: fake.writes, isEmpty: empty });
    await row.save({ presenter: 'Vụ V' });
    expect(fake.calls).toEqual([]);
    void row.save({ title: 'Báo cáo' });
    expect(fake.calls).toEqual(['add agenda {"presenter":"Vụ V","title":"Báo cáo"}']);
  });

  it('tries the creation again, with everything typed, after a failure', async () => {
    const fake = fakeWrites();
    fake.failNextAdd();
    const row = new DraftRow({ list: 'agenda', writes: fake.writes });
    await expect(row.save({ title: 'A' })).rejects.toThrow('Không lưu được');
    void row.save({ presenter: 'B' });
    expect(fake.calls).toEqual(['add agenda {"title":"A"}', 'add agenda {"title":"A","presenter":"B"}']);
  });

  it("refuses at once, in the store's words, a value kept for a row not yet stored, and leaves it out of the creation", async () => {
    const fake = fakeWrites();
    const speechEmpty = (typed: Record<string, unknown>) => !String(typed.content ?? '').trim();
    const row = new DraftRow({ list: 'speeches', writes: fake.writes, isEmpty: speechEmpty, schema: { fields: speechFields, label: 'phát biểu' } });
    for (const startTime of ['25:00', '10:75']) {
      const refusal = row.save({ startTime });
      await expect(refusal).rejects.toBeInstanceOf(ApiError);
      await expect(refusal).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: 'Không lưu được phát biểu: Giờ bắt đầu: phải là giờ hợp lệ dạng giờ:phút, từ 00:00 đến 23:59.',
      });
    }
    await row.save({ endTime: '09:30' });
    void row.save({ content: 'Báo cáo.' });
    expect(fake.calls).toEqual(['add speeches {"endTime":"09:30","content":"Báo cáo."}']);
  });

  it("refuses at once, by the store's rule across fields, an end before the start typed before the row is stored", async () => {
    const fake = fakeWrites();
    const speechEmpty = (typed: Record<string, unknown>) => !String(typed.content ?? '').trim();
    const schema = { fields: speechFields, label: 'phát biểu', check: timesProblem };
    const row = new DraftRow({ list: 'speeches', writes: fake.writes, isEmpty: speechEmpty, schema });
    await row.save({ startTime: '10:00' });
    await expect(row.save({ endTime: '09:00' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Không lưu được phát biểu: giờ kết thúc phải sau giờ bắt đầu (qua nửa đêm, không quá 12 giờ).',
    });
    await row.save({ endTime: '10:20' });
    void row.save({ content: 'Báo cáo.' });
    expect(fake.calls).toEqual(['add speeches {"startTime":"10:00","endTime":"10:20","content":"Báo cáo."}']);
  });

  it('forgets a value the store refused for the stored row, so that a creation anew leaves it out', async () => {
    const fake = fakeWrites();
    const speechEmpty = (typed: Record<string, unknown>) => !String(typed.content ?? '').trim();
    const row = new DraftRow({ list: 'speeches', writes: fake.writes, isEmpty: speechEmpty });
    void row.save({ content: 'Nhầm', startTime: '10:00' });
    await fake.answer();
    fake.refuseNextUpdate();
    await expect(row.save({ endTime: '09:00' })).rejects.toThrow('giờ kết thúc phải sau giờ bắt đầu');
    await row.save({ content: '' });
    void row.save({ content: 'Thảo luận' });
    expect(fake.calls).toEqual([
      'add speeches {"content":"Nhầm","startTime":"10:00"}',
      'update speeches 10 {"endTime":"09:00"}',
      'remove speeches 10',
      'add speeches {"content":"Thảo luận","startTime":"10:00"}',
    ]);
  });

  it('updates a row that is already stored', async () => {
    const fake = fakeWrites();
    const row = new DraftRow({ list: 'speeches', writes: fake.writes }, 42);
    await row.save({ content: 'Thêm một câu.' });
    expect(fake.calls).toEqual(['update speeches 42 {"content":"Thêm một câu."}']);
  });
});

describe('dates and times as typed', () => {
  it.each([
    ['25/07/2023', '2023-07-25'],
    ['25/7/2023', '2023-07-25'],
    ['5-7-2023', '2023-07-05'],
    ['25.07.2023', '2023-07-25'],
    ['25072023', '2023-07-25'],
    [' 31/02/2023 ', '2023-02-31'],
    ['', null],
    ['  ', null],
    ['2023-07-25', undefined],
    ['25/07/23', undefined],
    ['25 tháng 7', undefined],
    ['abc', undefined],
    ['07/25', undefined],
  ])('date %j → %j', (typed, expected) => {
    expect(dateFromText(typed)).toBe(expected);
  });

  it.each([
    ['08:30', '08:30'],
    ['8:30', '08:30'],
    ['8.30', '08:30'],
    ['8h30', '08:30'],
    ['8 giờ 30', '08:30'],
    ['0830', '08:30'],
    ['14h', '14:00'],
    ['14 giờ', '14:00'],
    ['8h30 phút', '08:30'],
    ['25:00', '25:00'],
    ['', null],
    ['8:3', undefined],
    ['830', undefined],
    ['8:30 AM', undefined],
    ['tám giờ', undefined],
  ])('time %j → %j', (typed, expected) => {
    expect(timeFromText(typed)).toBe(expected);
  });
});
