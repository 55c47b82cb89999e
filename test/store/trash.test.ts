// The trash of deleted meetings: kept whole for 30 days, restorable, then removed for good.
import { describe, expect, it } from 'vitest';
import { importMeetingFile } from '../../electron/services/meeting-file.ts';
import { getMeetingRecord } from '../../electron/services/meetings.ts';
import { deleteMeeting, restoreDeleted } from '../../electron/services/trash.ts';
import { FIXTURE } from '../support/hostile.ts';
import { memoryStore, snapshot } from '../support/store.ts';

const DAY = 86_400_000;
const strip = (record: ReturnType<typeof getMeetingRecord>) =>
  JSON.parse(
    JSON.stringify(record, (key, value: unknown) =>
      ['id', 'meetingId', 'siteId', 'attendeeId', 'agendaItemId', 'personId', 'createdAt', 'updatedAt'].includes(key) ? undefined : value,
    ),
  ) as unknown;

describe('trash', () => {
  it('keeps a deleted meeting whole and brings it back as it was', () => {
    const store = memoryStore();
    const id = importMeetingFile(store, FIXTURE);
    const before = strip(getMeetingRecord(store, id));
    const now = new Date('2026-11-21T10:00:00Z');
    const entry = deleteMeeting(store, id, 'token-1', now);
    expect(store.meetings.list()).toEqual([]);
    expect(store.trash.list(now)).toEqual([
      {
        id: entry,
        title: expect.any(String),
        date: '2021-09-30',
        confidentiality: 'none',
        deletedAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + 30 * DAY).toISOString(),
      },
    ]);
    const restored = restoreDeleted(store, store.trash.idOfToken('token-1'), new Date(now.getTime() + 29 * DAY));
    expect(strip(getMeetingRecord(store, restored))).toEqual(before);
    expect(store.trash.list(now)).toEqual([]);
    expect(() => store.trash.idOfToken('token-1')).toThrow('Không còn bản sao để khôi phục hội nghị đã xóa.');
  });

  it('removes entries older than 30 days, and refuses to restore one past its time', () => {
    const store = memoryStore();
    const now = new Date('2026-11-21T10:00:00Z');
    const old = deleteMeeting(store, importMeetingFile(store, FIXTURE), 'old', new Date(now.getTime() - 31 * DAY));
    const recent = deleteMeeting(store, importMeetingFile(store, FIXTURE), 'recent', new Date(now.getTime() - 29 * DAY));
    expect(store.trash.list(now).map((e) => e.id)).toEqual([recent]);
    const rows = snapshot(store);
    expect(() => restoreDeleted(store, old, now)).toThrow(/chỉ giữ 30 ngày/);
    expect(snapshot(store)).toEqual(rows);
    expect(store.trash.purge(now)).toBe(1);
    expect(store.trash.purge(now)).toBe(0);
    expect(store.trash.list(now).map((e) => e.id)).toEqual([recent]);
  });

  it('a damaged entry is refused with a message and left in the trash', () => {
    const store = memoryStore();
    const entry = deleteMeeting(store, importMeetingFile(store, FIXTURE), 't');
    store.db.prepare('UPDATE deleted_meetings SET file = \'{"kind":"x"}\' WHERE id = ?').run(entry);
    expect(() => restoreDeleted(store, entry)).toThrow('Bản lưu của hội nghị đã xóa bị hỏng nên không khôi phục được.');
    expect(store.trash.list()).toHaveLength(1);
    expect(store.meetings.list()).toEqual([]);
  });
});
