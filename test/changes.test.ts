// Every write inside a meeting answers with what it changed, read back from the store: the lists it
// touched, whole and in store order, and the meeting's revision, which rises with every write.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../electron/api/dispatch.ts';
import { createHandlers } from '../electron/api/handlers.ts';
import type { AddedMany, Change, Removed } from '../shared/api.ts';
import { memoryStore } from './support/store.ts';

function setup() {
  const store = memoryStore();
  const handlers = createHandlers(
    store,
    { saveFile: async () => null, openFile: async () => null, chooseFolder: async () => null },
    {
      preview: () => ({ html: '', css: '', missing: [], advice: [] }),
      write: async () => ({ missing: [] }),
      print: async () => null,
    },
  );
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await dispatch(handlers, channel, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
  const meetingId = store.meetings.create({ title: 'Hội nghị giao ban' }).id;
  return { store, call, meetingId };
}

describe('what a write answers with', () => {
  it('gives the touched list whole and in store order, and a revision that rises with every write', async () => {
    const { store, call, meetingId } = setup();
    const revisions: number[] = [];
    const first = await call<Change & { id: number }>('addItem', { list: 'sites', meetingId, values: { name: 'Trung ương' } });
    revisions.push(first.revision);
    const second = await call<Change & { id: number }>('addItem', { list: 'sites', meetingId, values: { name: 'Nghệ An' }, position: 0 });
    revisions.push(second.revision);
    // Added in front, and made the main site: the answer says so, the page works nothing out.
    const main = await call<Change>('updateItem', { list: 'sites', id: second.id, patch: { isMain: true } });
    revisions.push(main.revision);
    expect(main.lists.sites).toEqual(store.sites.list(meetingId));
    expect(main.lists.sites?.map((s) => [s.name, s.ord, s.isMain])).toEqual([
      ['Nghệ An', 0, true],
      ['Trung ương', 1, false],
    ]);
    expect(Object.keys(main.lists)).toEqual(['sites']);

    const moved = await call<Change>('moveItem', { list: 'sites', id: second.id, position: 1 });
    revisions.push(moved.revision);
    expect(moved.lists.sites?.map((s) => s.name)).toEqual(['Trung ương', 'Nghệ An']);
    const meeting = await call<Change>('updateMeeting', { id: meetingId, patch: { venue: 'Hội trường' } });
    revisions.push(meeting.revision);
    expect(meeting.meeting).toMatchObject({ venue: 'Hội trường', revision: meeting.revision });
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    expect(new Set(revisions).size).toBe(revisions.length);
    expect(store.meetings.get(meetingId).revision).toBe(meeting.revision);
  });

  it('gives every list a removal changes: a site takes its attendees, whose speeches keep their names', async () => {
    const { store, call, meetingId } = setup();
    const central = store.sites.add(meetingId, { name: 'Trung ương' });
    const ngheAn = store.sites.add(meetingId, { name: 'Nghệ An' });
    const thong = store.attendees.add(meetingId, { siteId: ngheAn.id, fullName: 'Nguyễn Văn Thông', positions: 'Phó Bí thư' });
    store.speeches.add(meetingId, { attendeeId: thong.id, content: 'Ý kiến.' });
    const removed = await call<Removed>('removeItem', { list: 'sites', id: ngheAn.id });
    expect(removed.undoToken).toBeNull();
    expect(removed.lists.sites?.map((s) => s.id)).toEqual([central.id]);
    expect(removed.lists.attendees).toEqual([]);
    expect(removed.lists.speeches?.map((s) => [s.attendeeId, s.speakerName, s.speakerSite])).toEqual([[null, 'Nguyễn Văn Thông', 'Nghệ An']]);
  });

  it('removes an agenda item with its own conclusions, and says so', async () => {
    const { store, call, meetingId } = setup();
    const item = store.agenda.add(meetingId, { title: 'Nhân sự' });
    store.conclusions.add(meetingId, { agendaItemId: item.id, content: 'Thống nhất.' });
    store.conclusions.add(meetingId, { content: 'Kết luận chung.' });
    store.speeches.add(meetingId, { agendaItemId: item.id, content: 'Báo cáo.' });
    const removed = await call<Removed>('removeItem', { list: 'agenda', id: item.id });
    expect(removed.lists.agenda).toEqual([]);
    expect(removed.lists.conclusions?.map((c) => [c.content, c.ord])).toEqual([['Kết luận chung.', 0]]);
    expect(removed.lists.speeches?.map((s) => s.agendaItemId)).toEqual([null]);
    // Hoàn tác brings back the item, its conclusion and its speech's link.
    const back = await call<Change & { id: number }>('undoRemove', { undoToken: removed.undoToken });
    expect(back.lists.agenda?.map((a) => a.title)).toEqual(['Nhân sự']);
    expect(store.conclusions.list(meetingId).map((c) => [c.agendaItemId, c.content])).toEqual([
      [back.id, 'Thống nhất.'],
      [null, 'Kết luận chung.'],
    ]);
    expect(store.speeches.list(meetingId).map((s) => s.agendaItemId)).toEqual([back.id]);
  });

  it('brings a removed attendee back where they were, with the speeches that named them', async () => {
    const { store, call, meetingId } = setup();
    const site = store.sites.add(meetingId, { name: 'Nghệ An' });
    store.attendees.add(meetingId, { siteId: site.id, fullName: 'Nguyễn Văn Thông' });
    const cuong = store.attendees.add(meetingId, {
      siteId: site.id,
      fullName: 'Lê Đức Cường',
      positions: 'Trưởng ban Tổ chức',
      presence: 'absent_excused',
      absenceReason: 'ốm',
      role: 'site_chair',
    });
    store.attendees.add(meetingId, { siteId: site.id, fullName: 'Trần Thị Mai' });
    const speech = store.speeches.add(meetingId, { attendeeId: cuong.id, content: 'Ý kiến.' });
    const removed = await call<Removed>('removeItem', { list: 'attendees', id: cuong.id });
    expect(removed.lists.attendees?.map((a) => a.fullName)).toEqual(['Nguyễn Văn Thông', 'Trần Thị Mai']);
    expect(removed.lists.speeches?.[0]).toMatchObject({ attendeeId: null, speakerName: 'Lê Đức Cường', speakerPosition: 'Trưởng ban Tổ chức' });

    const back = await call<Change & { id: number }>('undoRemove', { undoToken: removed.undoToken });
    expect(back.lists.attendees?.map((a) => [a.fullName, a.ord])).toEqual([
      ['Nguyễn Văn Thông', 0],
      ['Lê Đức Cường', 1],
      ['Trần Thị Mai', 2],
    ]);
    expect(store.attendees.get(back.id)).toMatchObject({
      presence: 'absent_excused',
      absenceReason: 'ốm',
      role: 'site_chair',
      positions: 'Trưởng ban Tổ chức',
    });
    expect(store.speeches.get(speech.id)).toMatchObject({ attendeeId: back.id, speakerName: '', speakerPosition: '', speakerSite: '' });
    // Once only.
    await expect(call('undoRemove', { undoToken: removed.undoToken })).rejects.toThrow('Không còn bản sao để khôi phục dòng đã xóa.');
  });

  it('refuses to bring back an attendee whose site is gone, changing nothing', async () => {
    const { store, call, meetingId } = setup();
    store.sites.add(meetingId, { name: 'Trung ương' });
    const site = store.sites.add(meetingId, { name: 'Nghệ An' });
    const thong = store.attendees.add(meetingId, { siteId: site.id, fullName: 'Nguyễn Văn Thông' });
    const removed = await call<Removed>('removeItem', { list: 'attendees', id: thong.id });
    await call('removeItem', { list: 'sites', id: site.id });
    await expect(call('undoRemove', { undoToken: removed.undoToken })).rejects.toThrow('Không khôi phục được đại biểu: điểm cầu của đại biểu đã bị xóa.');
    expect(store.attendees.list(meetingId)).toEqual([]);
  });

  it("gives a pasted block's ids and the list, and the attendees for site-wide writes", async () => {
    const { store, call, meetingId } = setup();
    const site = store.sites.add(meetingId, { name: 'Nghệ An' });
    const block = await call<AddedMany>('addItems', {
      list: 'attendees',
      meetingId,
      rows: [
        { siteId: site.id, fullName: 'B', presence: 'absent_unexcused' },
        { siteId: site.id, fullName: 'A' },
      ],
    });
    expect(block.ids).toEqual(store.attendees.list(meetingId).map((a) => a.id));
    const sorted = await call<Change>('sortAttendees', { siteId: site.id, order: 'full' });
    expect(sorted.lists.attendees?.map((a) => a.fullName)).toEqual(['A', 'B']);
    const present = await call<Change>('markAllPresent', { siteId: site.id });
    expect(present.lists.attendees?.map((a) => a.presence)).toEqual(['present', 'present']);
    expect(present.revision).toBeGreaterThan(sorted.revision);
  });

  it('refuses a copy from a meeting that has nothing to copy, creating nothing', async () => {
    const { store, call, meetingId } = setup();
    await expect(call('createMeeting', { fields: { title: 'Mới' }, copyFrom: meetingId })).rejects.toThrow(
      'Không sao chép được: hội nghị “Hội nghị giao ban” chưa có điểm cầu và thành phần nào.',
    );
    await expect(call('createMeeting', { fields: { title: 'Mới' }, copyFrom: 999 })).rejects.toThrow('Không tìm thấy hội nghị (mã 999).');
    expect(store.meetings.list().map((m) => m.title)).toEqual(['Hội nghị giao ban']);
  });
});
