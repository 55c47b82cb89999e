// Stable identities: every meeting and every record of its lists has a UUID, given by the migration to rows
// that existed, by the store to new rows (editing and bulk paths alike), kept by meeting files of version 2.
import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importMeeting, importMeetingFile, parseMeetingFile, serializeMeetingFile, toMeetingFile } from '../../electron/services/meeting-file.ts';
import { createMeeting, getMeetingRecord } from '../../electron/services/meetings.ts';
import { MIGRATIONS } from '../../electron/store/migrations.ts';
import type { Store } from '../../electron/store/index.ts';
import { FIXTURE } from '../minutes/support.ts';
import { memoryStore, snapshot, tempDir } from '../support/store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const LISTS = ['sites', 'attendees', 'agenda_items', 'speeches', 'conclusions', 'action_items', 'recipients'] as const;
const fixture = () => JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown>;

/** Every identity in the database, by table. */
function identities(db: Database.Database): Record<string, string[]> {
  return Object.fromEntries(['meetings', ...LISTS].map((t) => [t, db.prepare(`SELECT uuid FROM ${t} ORDER BY id`).pluck().all() as string[]]));
}
const all = (ids: Record<string, string[]>) => Object.values(ids).flat();

function expectFreshIdentities(store: Store) {
  const ids = all(identities(store.db));
  expect(ids.length).toBeGreaterThan(1);
  for (const id of ids) expect(id).toMatch(UUID);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('the stable-identity migration', () => {
  const identity = MIGRATIONS.findIndex((m) => m.name.startsWith('stable identities'));
  function beforeIdentity() {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    for (const migration of MIGRATIONS.slice(0, identity)) migration.up(db);
    return db;
  }

  it('gives every existing meeting and record its own version-4 UUID', () => {
    const db = beforeIdentity();
    const now = '2021-09-30T10:00:00.000Z';
    db.prepare(
      `INSERT INTO meetings (id, title, format, mode, confidentiality, status, created_at, updated_at)
      VALUES (1, 'Giao ban', 'party', 'online', 'none', 'draft', ?, ?), (2, 'Sơ kết', 'party', 'online', 'none', 'draft', ?, ?)`,
    ).run(now, now, now, now);
    db.exec(`
      INSERT INTO sites (id, meeting_id, ord, level, is_main) VALUES (1, 1, 0, 'central', 1), (2, 1, 1, 'province', 0), (3, 2, 0, 'central', 1);
      INSERT INTO attendees (meeting_id, site_id, ord, full_name, category, presence, role) VALUES (1, 1, 0, 'An', 'delegate', 'present', 'chair'),
        (1, 2, 0, 'Bình', 'delegate', 'present', 'member');
      INSERT INTO agenda_items (meeting_id, ord, title) VALUES (1, 0, 'Khai mạc');
      INSERT INTO speeches (meeting_id, ord, kind, content) VALUES (1, 0, 'speech', 'Phát biểu');
      INSERT INTO conclusions (meeting_id, ord, content) VALUES (1, 0, 'Kết luận');
      INSERT INTO action_items (meeting_id, ord, task) VALUES (1, 0, 'Việc');
      INSERT INTO recipients (meeting_id, ord, text) VALUES (1, 0, 'Lưu');
    `);
    MIGRATIONS[identity]?.up(db);
    const ids = identities(db);
    expect(ids.meetings).toHaveLength(2);
    expect(ids.sites).toHaveLength(3);
    for (const id of all(ids)) expect(id).toMatch(UUID);
    expect(new Set(all(ids)).size).toBe(all(ids).length);
    db.close();
  });

  it('gives a row written without one (the sqlite3 tool) an identity, and lets no row lose its own', () => {
    const store = memoryStore();
    const meeting = store.meetings.create({ title: 'Giao ban' });
    store.db.prepare("INSERT INTO sites (meeting_id, ord, name, level) VALUES (?, 0, 'Viết tay', 'commune')").run(meeting.id);
    const [site] = store.sites.list(meeting.id);
    expect(site?.uuid).toMatch(UUID);
    expect(() => store.db.prepare('UPDATE sites SET uuid = NULL WHERE id = ?').run(site?.id)).toThrow(/uuid is required/);
    expect(() => store.db.prepare('UPDATE meetings SET uuid = NULL WHERE id = ?').run(meeting.id)).toThrow(/uuid is required/);
    expect(store.sites.list(meeting.id)[0]?.uuid).toBe(site?.uuid);
  });

  it('refuses two records of one meeting with the same identity', () => {
    const store = memoryStore();
    const meeting = store.meetings.create({ title: 'Giao ban' });
    const a = store.agenda.add(meeting.id, { title: 'Một' });
    const b = store.agenda.add(meeting.id, { title: 'Hai' });
    expect(() => store.db.prepare('UPDATE agenda_items SET uuid = ? WHERE id = ?').run(a.uuid, b.id)).toThrow(/UNIQUE/);
  });
});

describe('new records get an identity, kept by every later write', () => {
  it('on the editing path', () => {
    const store = memoryStore();
    const meeting = store.meetings.create({ title: 'Giao ban' });
    const site = store.sites.add(meeting.id, { name: 'Trụ sở' });
    const attendee = store.attendees.add(meeting.id, { siteId: site.id, fullName: 'Trương Thị Mai' });
    const item = store.agenda.add(meeting.id, { title: 'Khai mạc' });
    store.speeches.add(meeting.id, { attendeeId: attendee.id, agendaItemId: item.id, content: 'Phát biểu' });
    store.conclusions.add(meeting.id, { content: 'Kết luận' });
    store.actionItems.add(meeting.id, { task: 'Việc' });
    store.recipients.add(meeting.id, { text: 'Lưu' });
    expectFreshIdentities(store);
    const before = identities(store.db);
    store.meetings.update(meeting.id, { title: 'Giao ban quý III' });
    store.attendees.update(attendee.id, { presence: 'late', presenceTime: '08:10' });
    store.sites.move(site.id, 0);
    store.sites.add(meeting.id, { name: 'Điểm cầu Hà Giang', isMain: true }, 0);
    const after = identities(store.db);
    expect(after.meetings).toEqual(before.meetings);
    expect(after.attendees).toEqual(before.attendees);
    expect(after.sites?.slice(0, 1)).toEqual(before.sites);
  });

  it('on the bulk path: a version-1 meeting file gets new ones, different on each import', () => {
    const store = memoryStore();
    const file = parseMeetingFile(fixture());
    const first = importMeeting(store, file);
    const second = importMeeting(store, file);
    expectFreshIdentities(store);
    expect(store.meetings.get(first).uuid).not.toBe(store.meetings.get(second).uuid);
  });

  it('and a copy from an earlier meeting is new records with new identities', () => {
    const store = memoryStore();
    const from = importMeeting(store, parseMeetingFile(fixture()));
    createMeeting(store, { title: 'Bản sao' }, { copyFrom: from });
    expectFreshIdentities(store);
  });
});

describe('meeting file version 2 keeps the identities', () => {
  it('exported, imported on another machine: the same meeting, the same records, the same references', () => {
    const here = memoryStore();
    const id = importMeeting(here, parseMeetingFile(fixture()));
    const file = toMeetingFile(getMeetingRecord(here, id));
    expect(file.version).toBe(2);
    expect(file.meeting.uuid).toBe(here.meetings.get(id).uuid);
    const path = join(tempDir(), 'hoi-nghi.json');
    writeFileSync(path, serializeMeetingFile(file));

    const there = memoryStore();
    const copy = importMeetingFile(there, path);
    const [a, b] = [getMeetingRecord(here, id), getMeetingRecord(there, copy)];
    expect(b.meeting.uuid).toBe(a.meeting.uuid);
    for (const list of ['sites', 'attendees', 'agenda', 'speeches', 'conclusions', 'actionItems', 'recipients'] as const) {
      expect(
        b[list].map((row) => row.uuid),
        list,
      ).toEqual(a[list].map((row) => row.uuid));
    }
    // A speech names the same speaker and agenda item by identity on both machines.
    const speaker = (record: typeof a) =>
      record.speeches.map((s) => [
        record.attendees.find((x) => x.id === s.attendeeId)?.uuid ?? null,
        record.agenda.find((x) => x.id === s.agendaItemId)?.uuid ?? null,
      ]);
    expect(speaker(b)).toEqual(speaker(a));
    expect(speaker(a).flat().filter(Boolean).length).toBeGreaterThan(0);
  });

  it('reads identities in capitals as the same identity, in lower case', () => {
    const store = memoryStore();
    const file = fixture() as { meeting: Record<string, unknown> };
    file.meeting.uuid = '6F1D2C3B-4A59-4E6F-8A7B-9C0D1E2F3A4B';
    const id = importMeeting(store, parseMeetingFile({ ...file, version: 2 }));
    expect(store.meetings.get(id).uuid).toBe('6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b');
  });

  it.each([
    [
      'an identity that is not a UUID',
      (f: Record<string, unknown[]>) => Object.assign(f.sites?.[0] as object, { uuid: 'điểm-cầu-1' }),
      /Điểm cầu thứ 1 › mã định danh: không hợp lệ/,
    ],
    [
      'two sites with one identity',
      (f: Record<string, unknown[]>) => {
        for (const site of f.sites?.slice(0, 2) ?? []) Object.assign(site as object, { uuid: '0b7f4a1e-2c3d-4e5f-9a6b-7c8d9e0f1a2b' });
      },
      /Điểm cầu thứ 2 › mã định danh: bị trùng với một mục khác/,
    ],
    [
      'two attendees of different sites with one identity',
      (f: Record<string, unknown[]>) => {
        for (const site of f.sites?.slice(0, 2) ?? []) {
          Object.assign((site as { attendees: object[] }).attendees[0] ?? {}, { uuid: '0b7f4a1e-2c3d-4e5f-9a6b-7c8d9e0f1a2b' });
        }
      },
      /Điểm cầu thứ 2 › đại biểu thứ 1 › mã định danh: bị trùng/,
    ],
  ])('refuses %s and writes nothing', (_name, spoil, message) => {
    const store = memoryStore();
    const file = { ...fixture(), version: 2 } as unknown as Record<string, unknown[]>;
    spoil(file);
    const before = snapshot(store);
    expect(() => importMeeting(store, parseMeetingFile(file))).toThrow(message);
    expect(snapshot(store)).toEqual(before);
  });
});
