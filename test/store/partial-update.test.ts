// An update parses only the fields its patch gives and writes only the columns whose value changed; what it
// answers is what a read gives afterwards, and every rule of the editing layer still holds.
import { describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import type { Store } from '../../electron/store/index.ts';
import { memoryStore, snapshot } from '../support/store.ts';

function meeting(store: Store) {
  const meetingId = createMeeting(store, { title: 'Hội nghị Ban Thường vụ Tỉnh ủy' });
  const site = store.sites.add(meetingId, { name: 'Hội trường Tỉnh ủy', level: 'province' });
  const other = store.sites.add(meetingId, { name: 'Điểm cầu huyện Đô Lương', level: 'district' });
  const attendee = store.attendees.add(meetingId, { siteId: site.id, fullName: 'Nguyễn Văn An', positions: 'Bí thư Tỉnh ủy' });
  const item = store.agenda.add(meetingId, { title: 'Công tác cán bộ' });
  const speech = store.speeches.add(meetingId, { speakerName: 'Trần Thị Bình', content: 'Đoạn một.\nĐoạn hai.' });
  return { meetingId, site, other, attendee, item, speech };
}

/** Records the columns an UPDATE of the speeches table named, as a trigger on them sees it. */
function columnsWritten(store: Store): () => string[] {
  store.db.exec(`CREATE TEMP TABLE written (col TEXT);
    CREATE TEMP TRIGGER written_content AFTER UPDATE OF content ON speeches BEGIN INSERT INTO written VALUES ('content'); END;
    CREATE TEMP TRIGGER written_duration AFTER UPDATE OF duration_minutes ON speeches BEGIN INSERT INTO written VALUES ('duration_minutes'); END;
    CREATE TEMP TRIGGER written_speaker AFTER UPDATE OF speaker_name ON speeches BEGIN INSERT INTO written VALUES ('speaker_name'); END;`);
  return () => {
    const cols = store.db.prepare('SELECT col FROM written').pluck().all() as string[];
    store.db.exec('DELETE FROM written');
    return cols;
  };
}

describe('updates of a list record', () => {
  it('write only the columns whose value changed', () => {
    const store = memoryStore();
    const { speech } = meeting(store);
    const written = columnsWritten(store);
    store.speeches.update(speech.id, { durationMinutes: 12 });
    expect(written()).toEqual(['duration_minutes']);
    store.speeches.update(speech.id, { content: 'Đoạn một.\nĐoạn hai, sửa lại.' });
    expect(written()).toEqual(['content']);
    // The same text again, after normalising: nothing to write, nothing for the index to redo.
    store.speeches.update(speech.id, { content: '  Đoạn một.\r\nĐoạn hai, sửa lại.\u200B ', durationMinutes: 12 });
    expect(written()).toEqual([]);
    expect(store.speeches.get(speech.id)).toMatchObject({ content: 'Đoạn một.\nĐoạn hai, sửa lại.', durationMinutes: 12 });
  });

  it('answer with the record as a read gives it afterwards, for every kind of field', () => {
    const store = memoryStore();
    const { site, other, attendee, item, speech } = meeting(store);
    const cases: [keyof Store & ('sites' | 'attendees' | 'speeches' | 'agenda'), number, Record<string, unknown>][] = [
      ['speeches', speech.id, { content: 'Nguye\u0302\u0303n Văn An phát biểu.\t \nHết.' }],
      ['speeches', speech.id, { attendeeId: attendee.id, agendaItemId: item.id, kind: 'direction' }],
      ['speeches', speech.id, { startTime: '08:05', endTime: '08:40' }],
      ['speeches', speech.id, { attendeeId: null, speakerName: '  Lê   Văn Cường ', unknown: 'bỏ qua' }],
      ['attendees', attendee.id, { presence: 'absent_excused', absenceReason: 'Đi công tác' }],
      ['attendees', attendee.id, { siteId: other.id, isMember: true }],
      ['sites', site.id, { attendeeCount: 45, location: 'Thành phố Vinh' }],
      ['agenda', item.id, { presenter: 'Đồng chí Trưởng ban Tổ chức' }],
    ];
    for (const [list, id, patch] of cases) {
      const answered = store[list].update(id, patch);
      expect(answered, `${list} ${JSON.stringify(patch)}`).toEqual(store[list].get(id));
    }
    expect(store.speeches.get(speech.id)).toMatchObject({ speakerName: 'Lê Văn Cường', durationMinutes: 35, kind: 'direction' });
    expect(store.attendees.get(attendee.id)).toMatchObject({ siteId: other.id, ord: 0, isMember: true, absenceReason: 'Đi công tác' });
  });

  it('refuse a wrong value in the patch, naming the field, and leave the data as it was', () => {
    const store = memoryStore();
    const { meetingId, speech } = meeting(store);
    const other = createMeeting(store, { title: 'Hội nghị khác' });
    const foreign = store.agenda.add(other, { title: 'Mục của hội nghị khác' });
    const before = snapshot(store);
    expect(() => store.speeches.update(speech.id, { startTime: '25:00' })).toThrow('phải là giờ hợp lệ');
    expect(() => store.speeches.update(speech.id, { kind: 'hát' })).toThrow('có giá trị không hợp lệ');
    expect(() => store.speeches.update(speech.id, { durationMinutes: -1, content: 'Đoạn mới.' })).toThrow();
    expect(() => store.speeches.update(speech.id, { agendaItemId: foreign.id })).toThrow();
    expect(() => store.speeches.update(speech.id, { content: 'x'.repeat(200_001) })).toThrow('quá dài');
    expect(snapshot(store)).toEqual(before);
    expect(store.speeches.list(meetingId)).toHaveLength(1);
  });

  it('keep the rules spanning fields: the duration follows the times, the end of the speech before', () => {
    const store = memoryStore();
    const { meetingId, speech } = meeting(store);
    store.speeches.update(speech.id, { startTime: '09:00' });
    const next = store.speeches.add(meetingId, { speakerName: 'Phạm Văn Dũng' });
    store.speeches.update(next.id, { startTime: '09:25' });
    expect(store.speeches.get(speech.id)).toMatchObject({ startTime: '09:00', endTime: '09:25', durationMinutes: 25 });
    store.speeches.update(speech.id, { endTime: '09:20' });
    expect(store.speeches.get(speech.id).durationMinutes).toBe(20);
  });
});
