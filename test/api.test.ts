import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../electron/api/dispatch.ts';
import { createHandlers, type Dialogs, type Documents } from '../electron/api/handlers.ts';
import { safeFileName } from '../electron/services/files.ts';
import { CHANNELS } from '../shared/api.ts';
import { memoryStore, tempDir } from './support/store.ts';

const documents: Documents = {
  preview: () => ({ html: '<p>Biên bản</p>', css: '', missing: [], advice: [] }),
  print: async () => null,
  write: async (_store, _options, target) => {
    writeFileSync(target, 'docx');
    return { missing: ['Ngày họp'] };
  },
};

function setup(dialogs: Partial<Dialogs> = {}) {
  const store = memoryStore();
  const dir = tempDir();
  const handlers = createHandlers(
    store,
    {
      saveFile: async ({ defaultName }) => join(dir, defaultName),
      openFile: async () => null,
      chooseFolder: async () => null,
      ...dialogs,
    },
    documents,
    { backupsDir: join(dir, 'backups') },
  );
  const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);
  return { store, dir, call };
}

describe('dispatch', () => {
  it.each(CHANNELS)('%s refuses input of the wrong shape with a Vietnamese message', async (channel) => {
    const { call, store } = setup();
    const before = store.meetings.list();
    const result = await call(channel, {
      id: 'one',
      list: 'nothing',
      meetingId: -1,
      patch: 5,
      values: [],
      rows: 'x',
      text: 42,
      undoToken: '',
      siteId: 0,
      position: -1,
      kind: 'x',
      person: null,
      fields: 3,
      copyFrom: 'x',
    });
    // Channels that take no input ignore unknown keys; every other channel must refuse.
    if (
      [
        'listMeetings',
        'getProfile',
        'importMeetingFile',
        'addBackupFile',
        'backupNow',
        'listBackups',
        'readAttendeeFile',
        'listDeleted',
        'backupStatus',
        'readSitePackage',
        'audioInBackups',
      ].includes(channel)
    ) {
      expect(result.ok).toBe(true);
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^Yêu cầu không hợp lệ: /) } });
    }
    expect(store.meetings.list()).toEqual(before);
    expect(await call(channel, 'not an object')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses an unknown channel, including inherited property names', async () => {
    const { call } = setup();
    expect(await call('dropDatabase', {})).toMatchObject({ ok: false, error: { message: 'Yêu cầu không hợp lệ: không có chức năng này.' } });
    expect(await call('toString', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('passes Vietnamese errors of the services through and hides unexpected ones', async () => {
    const { call } = setup();
    expect(await call('getMeeting', { id: 9 })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị (mã 9).' } });
    const broken = createHandlers(
      memoryStore(),
      { saveFile: async () => null, openFile: async () => null, chooseFolder: async () => null },
      {
        preview: () => {
          throw new Error('secret internals');
        },
        write: async () => ({ missing: [] }),
        print: async () => null,
      },
    );
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const result = await dispatch(broken, 'previewDocument', { meetingId: 1, kind: 'minutes' });
    spy.mockRestore();
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi không mong đợi; dữ liệu đã lưu không bị ảnh hưởng.' } });
  });
});

describe('handlers', () => {
  it('deletes a meeting and brings it back with undo', async () => {
    const { call, store } = setup();
    const created = await call('createMeeting', { fields: { title: 'Giao ban quý III' } });
    const id = created.ok ? (created.value as number) : 0;
    await call('addItem', { list: 'sites', meetingId: id, values: { name: 'Trụ sở Ban Tổ chức Trung ương' } });
    const deleted = await call('deleteMeeting', { id });
    expect(store.meetings.list()).toEqual([]);
    const token = deleted.ok ? (deleted.value as { undoToken: string }).undoToken : '';
    const restored = await call('undoDelete', { undoToken: token });
    expect(restored.ok).toBe(true);
    expect(store.meetings.list().map((m) => [m.title, m.siteCount])).toEqual([['Giao ban quý III', 1]]);
    expect(await call('undoDelete', { undoToken: token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('adds pasted rows all or nothing', async () => {
    const { call, store } = setup();
    const id = store.meetings.create({}).id;
    const site = store.sites.add(id, { name: 'Nghệ An' });
    const rows = [
      { siteId: site.id, fullName: 'Nguyễn Văn Thông' },
      { siteId: site.id, fullName: 'Lê Đức Cường', presence: 'nowhere' },
    ];
    expect(await call('addItems', { list: 'attendees', meetingId: id, rows })).toMatchObject({ ok: false });
    expect(store.attendees.list(id)).toEqual([]);
    rows[1] = { siteId: site.id, fullName: 'Lê Đức Cường' };
    expect(await call('addItems', { list: 'attendees', meetingId: id, rows })).toMatchObject({ ok: true });
    expect(store.attendees.list(id).map((a) => a.fullName)).toEqual(['Nguyễn Văn Thông', 'Lê Đức Cường']);
  });

  it('marks everyone at a site present', async () => {
    const { call, store } = setup();
    const id = store.meetings.create({}).id;
    const site = store.sites.add(id, { name: 'Nghệ An' });
    const other = store.sites.add(id, { name: 'Hà Tĩnh' });
    store.attendees.add(id, { siteId: site.id, fullName: 'A', presence: 'absent_excused', absenceReason: 'ốm' });
    store.attendees.add(id, { siteId: other.id, fullName: 'B', presence: 'absent_unexcused' });
    await call('markAllPresent', { siteId: site.id });
    expect(store.attendees.list(id).map((a) => [a.fullName, a.presence, a.absenceReason])).toEqual([
      ['A', 'present', ''],
      ['B', 'absent_unexcused', ''],
    ]);
  });

  it("stores a site's attendees in Vietnamese name order, leaving other sites alone", async () => {
    const { call, store } = setup();
    const id = store.meetings.create({}).id;
    const site = store.sites.add(id, { name: 'Trung ương' });
    const other = store.sites.add(id, { name: 'Nghệ An' });
    for (const fullName of ['Nguyễn Văn Thông', 'Đỗ Văn Anh', 'Đinh Thị Hòa', 'Dương Văn Bình']) store.attendees.add(id, { siteId: site.id, fullName });
    store.attendees.add(id, { siteId: other.id, fullName: 'Bùi Văn Zung' });
    store.attendees.add(id, { siteId: other.id, fullName: 'An Văn Bình' });
    expect(await call('sortAttendees', { siteId: site.id, order: 'full' })).toMatchObject({ ok: true });
    const names = (siteId: number) =>
      store.attendees
        .list(id)
        .filter((a) => a.siteId === siteId)
        .map((a) => [a.ord, a.fullName]);
    // d before đ; within đ, "Đinh" before "Đỗ".
    expect(names(site.id)).toEqual([
      [0, 'Dương Văn Bình'],
      [1, 'Đinh Thị Hòa'],
      [2, 'Đỗ Văn Anh'],
      [3, 'Nguyễn Văn Thông'],
    ]);
    expect(names(other.id)).toEqual([
      [0, 'Bùi Văn Zung'],
      [1, 'An Văn Bình'],
    ]);
    await call('sortAttendees', { siteId: site.id, order: 'given' });
    expect(names(site.id).map(([, name]) => name)).toEqual(['Đỗ Văn Anh', 'Dương Văn Bình', 'Đinh Thị Hòa', 'Nguyễn Văn Thông']);
  });

  it('suggests the next minutes number by term', async () => {
    const { call, store } = setup();
    store.meetings.create({ format: 'party', term: '2025-2030', number: 7 });
    const id = store.meetings.create({ format: 'party', term: '2025-2030' }).id;
    expect(await call('suggestNumber', { meetingId: id, kind: 'minutes' })).toEqual({ ok: true, value: 8 });
    expect(await call('suggestNumber', { meetingId: id, kind: 'notice' })).toEqual({ ok: true, value: 1 });
  });

  it('writes exports only where the save dialog pointed, with a safe default name', async () => {
    const names: string[] = [];
    const { call, store, dir } = setup({
      saveFile: async ({ defaultName }) => {
        names.push(defaultName);
        return join(dir, 'chosen.docx');
      },
    });
    const id = store.meetings.create({ title: 'Họp: quý III/2021 <khẩn>', date: '2021-09-30' }).id;
    // What prints as "…" comes back with the file, for the page to say so.
    expect(await call('exportDocument', { meetingId: id, kind: 'minutes' })).toEqual({
      ok: true,
      value: { path: join(dir, 'chosen.docx'), missing: ['Ngày họp'] },
    });
    expect(names).toEqual(['Biên bản 2021-09-30 Họp quý III 2021 khẩn.docx']);
    expect(readFileSync(join(dir, 'chosen.docx'), 'utf8')).toBe('docx');
  });

  it('does nothing when a dialog is cancelled', async () => {
    const { call, store } = setup({ saveFile: async () => null, openFile: async () => null });
    const id = store.meetings.create({}).id;
    expect(await call('exportDocument', { meetingId: id, kind: 'notice' })).toEqual({ ok: true, value: null });
    expect(await call('exportMeetingFile', { id })).toEqual({ ok: true, value: null });
    expect(await call('importMeetingFile', {})).toEqual({ ok: true, value: null });
    expect(store.meetings.list()).toHaveLength(1);
  });

  it('exports and imports a meeting file through the dialogs', async () => {
    let saved = '';
    const { call, store, dir } = setup({
      saveFile: async ({ defaultName }) => {
        saved = join(dir, defaultName);
        return saved;
      },
      openFile: async () => saved,
    });
    const id = store.meetings.create({ title: 'Giao ban' }).id;
    expect(await call('exportMeetingFile', { id })).toMatchObject({ ok: true });
    expect(await call('importMeetingFile', {})).toEqual({ ok: true, value: { meetingId: id + 1 } });
    expect(store.meetings.list().map((m) => m.title)).toEqual(['Giao ban', 'Giao ban']);
  });
});

describe('file names from user data', () => {
  it.each([
    ['Biên bản: 05/BB-UBND', 'Biên bản 05 BB-UBND.docx'],
    ['../../etc/passwd', 'etc passwd.docx'],
    ['CON', 'Biên bản.docx'],
    ['   ', 'Biên bản.docx'],
    ['a\u0000b\u001fc', 'a b c.docx'],
    ['x'.repeat(300), `${'x'.repeat(120)}.docx`],
    [`Hội nghị ${'giao ban '.repeat(20)}`, `Hội nghị ${'giao ban '.repeat(12).trim()}.docx`],
    ['Hội nghị giao ban, quý III;', 'Hội nghị giao ban, quý III.docx'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input, 'docx')).toBe(expected);
  });

  it('hands the handler the parsed input (unknown keys dropped, defaults applied), never the raw payload', async () => {
    const seen: unknown[] = [];
    const handlers = new Proxy({}, { get: () => (input: unknown) => (seen.push(input), null) }) as Parameters<typeof dispatch>[0];
    const raw = { id: 7, patch: { title: 'x' }, __proto__: { polluted: true }, extra: 'dropped' };
    expect(await dispatch(handlers, 'updateMeeting', raw)).toEqual({ ok: true, value: null });
    expect(seen[0]).toEqual({ id: 7, patch: { title: 'x' } });
    expect(seen[0]).not.toBe(raw);
    expect(Object.keys(seen[0] as object)).toEqual(['id', 'patch']);
  });
});
