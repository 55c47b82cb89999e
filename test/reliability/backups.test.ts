import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  backupMeetings,
  backupName,
  backupPath,
  backupToFolder,
  backupsDirFor,
  createBackup,
  listBackups,
  pruneBackups,
  restoreFromBackup,
} from '../../electron/services/backups.ts';
import { AutoBackups } from '../../electron/services/auto-backups.ts';
import { openWithRecovery } from '../../electron/services/recovery.ts';
import { backupsToDelete, type Dated } from '../../electron/services/retention.ts';
import { createStore, type Store } from '../../electron/store/index.ts';
import { tempDir } from '../support/store.ts';
import { openTestDatabase, rawTestDatabase, testKey } from '../support/test-key.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-21T10:00:00Z');

function fileStore(dir: string, name = 'bien-ban.sqlite'): Store {
  return createStore(openTestDatabase(join(dir, name)));
}

function fill(store: Store, title: string): number {
  const id = store.meetings.create({ title }).id;
  const site = store.sites.add(id, { name: 'Điểm cầu Trung ương' }).id;
  store.attendees.add(id, { siteId: site, fullName: 'Nguyễn Văn A' });
  store.speeches.add(id, { speakerName: 'Nguyễn Văn A', content: `Phát biểu trong ${title}` });
  return id;
}

describe('retention rule', () => {
  const every = (count: number, step: number): Dated[] =>
    Array.from({ length: count }, (_, i) => ({ name: `b${String(i).padStart(4, '0')}`, time: NOW - i * step }));

  it('keeps everything while there are few backups', () => {
    expect(backupsToDelete(every(10, 60_000), NOW)).toEqual([]);
  });
  it('keeps the 10 newest, then one per day for 14 days, then one per month for 12 months', () => {
    const hourly = every(24 * 400, 3_600_000);
    const kept = new Set(hourly.map((b) => b.name));
    for (const name of backupsToDelete(hourly, NOW)) kept.delete(name);
    const keptTimes = hourly.filter((b) => kept.has(b.name)).map((b) => b.time);
    expect(keptTimes.slice(0, 10)).toEqual(hourly.slice(0, 10).map((b) => b.time));
    const days = new Set(keptTimes.filter((t) => t > NOW - 14 * DAY).map((t) => new Date(t).toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(14);
    const months = new Set(keptTimes.map((t) => new Date(t).toISOString().slice(0, 7)));
    expect(months.size).toBe(12);
    expect(kept.size).toBeLessThan(10 + 15 + 12);
  });
  it('keeps backups dated in the future and never deletes the newest', () => {
    const backups = [{ name: 'future', time: NOW + 10 * DAY }, ...every(100, 30 * DAY)];
    const doomed = backupsToDelete(backups, NOW, { recent: 1, days: 0, months: 0 });
    expect(doomed).not.toContain('future');
    expect(doomed).toHaveLength(100);
    expect(backupsToDelete([{ name: 'only', time: 0 }], NOW, { recent: 1, days: 0, months: 0 })).toEqual([]);
  });
});

describe('backups', () => {
  it('backs up the live database with VACUUM INTO into a self-contained file and lists it', async () => {
    const dir = tempDir();
    const store = fileStore(dir);
    fill(store, 'Hội nghị A');
    fill(store, 'Hội nghị B');
    const backups = backupsDirFor(join(dir, 'bien-ban.sqlite'));
    const path = await createBackup(store.db, backups, 'start', new Date(NOW));
    expect(path).toBe(join(dir, 'backups', backupName('start', new Date(NOW))));
    expect(existsSync(`${path}-wal`)).toBe(false);
    const copy = rawTestDatabase(path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(listBackups(backups, testKey())).toEqual([
      expect.objectContaining({ name: backupName('start', new Date(NOW)), meetings: 2, reason: 'start', createdAt: new Date(NOW).toISOString() }),
    ]);
    expect(
      backupMeetings(path, testKey())
        .map((m) => m.title)
        .sort(),
    ).toEqual(['Hội nghị A', 'Hội nghị B']);
    expect(readdirSync(backups).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    store.db.close();
  });

  it('backs up to a chosen folder under a new name each time', async () => {
    const dir = tempDir();
    const store = fileStore(dir);
    fill(store, 'Hội nghị A');
    const usb = join(dir, 'usb');
    const first = await backupToFolder(store.db, usb, store.files, new Date(NOW));
    const second = await backupToFolder(store.db, usb, store.files, new Date(NOW));
    expect(first).not.toBe(second);
    expect(readdirSync(usb).sort()).toEqual(
      ['Sao lưu Biên Bản 2026-11-21 17-00 (2).sqlite', 'Sao lưu Biên Bản 2026-11-21 17-00.sqlite']
        .map((n) => n.replace('17-00', first.match(/(\d\d-\d\d)\.sqlite$/)?.[1] ?? ''))
        .sort(),
    );
    await expect(backupToFolder(store.db, join(dir, 'bien-ban.sqlite'), store.files, new Date(NOW))).rejects.toMatchObject({ code: 'BACKUP_FAILED' });
    store.db.close();
  });

  it('only names of the listing are accepted as backups', () => {
    const dir = tempDir();
    expect(() => backupPath(dir, '../bien-ban.sqlite')).toThrow(/Không tìm thấy bản sao lưu/);
    expect(() => backupPath(dir, backupName('start', new Date(NOW)))).toThrow(/Không tìm thấy/);
  });

  it('automatic backups run at start, then only when something changed, and are pruned', async () => {
    const dir = tempDir();
    const store = fileStore(dir);
    const backups = join(dir, 'backups');
    const auto = new AutoBackups(store.db, backups);
    expect(await auto.tick('start', new Date(NOW))).not.toBeNull();
    expect(await auto.tick('periodic', new Date(NOW + 60_000))).toBeNull();
    fill(store, 'Hội nghị A');
    expect(await auto.tick('periodic', new Date(NOW + 120_000))).not.toBeNull();
    for (let i = 0; i < 30; i++) {
      store.meetings.create({ title: `M${i}` });
      await auto.tick('periodic', new Date(NOW + (i + 3) * 600_000));
    }
    // All on one day: the 10 newest hold the day's and the month's newest too.
    expect(listBackups(backups, testKey())).toHaveLength(10);
    expect(pruneBackups(backups, NOW + DAY)).toEqual([]);
    store.db.close();
  });

  it('restores one meeting as a new meeting and everything by replacing, backing up the current state first', async () => {
    const dir = tempDir();
    const store = fileStore(dir);
    const backups = join(dir, 'backups');
    const a = fill(store, 'Hội nghị A');
    fill(store, 'Hội nghị B');
    store.profile.update({ issuingBody: 'BAN THƯỜNG VỤ TỈNH ỦY' });
    const path = await createBackup(store.db, backups, 'periodic', new Date(NOW));
    store.speeches.add(a, { content: 'Sau sao lưu' });
    store.meetings.remove(store.meetings.list().find((m) => m.title === 'Hội nghị B')?.id ?? 0);
    store.meetings.create({ title: 'Hội nghị C' });
    store.profile.update({ issuingBody: 'KHÁC' });

    const bId = backupMeetings(path, testKey()).find((m) => m.title === 'Hội nghị B')?.id ?? 0;
    const one = await restoreFromBackup(store, backups, path, bId);
    expect(one.meetingIds).toHaveLength(1);
    // One meeting restored: the organisation profile stays the current one, not the backup's.
    expect(store.profile.get().issuingBody).toBe('KHÁC');
    expect(
      store.meetings
        .list()
        .map((m) => m.title)
        .sort(),
    ).toEqual(['Hội nghị A', 'Hội nghị B', 'Hội nghị C']);
    expect(
      backupMeetings(one.safetyBackup, testKey())
        .map((m) => m.title)
        .sort(),
    ).toEqual(['Hội nghị A', 'Hội nghị C']);

    const all = await restoreFromBackup(store, backups, path);
    expect(
      store.meetings
        .list()
        .map((m) => m.title)
        .sort(),
    ).toEqual(['Hội nghị A', 'Hội nghị B']);
    expect(store.profile.get().issuingBody).toBe('BAN THƯỜNG VỤ TỈNH ỦY');
    const restoredA = store.meetings.list().find((m) => m.title === 'Hội nghị A');
    expect(restoredA?.speechCount).toBe(1);
    expect(
      backupMeetings(all.safetyBackup, testKey())
        .map((m) => m.title)
        .sort(),
    ).toEqual(['Hội nghị A', 'Hội nghị B', 'Hội nghị C']);
    await expect(restoreFromBackup(store, backups, path, 999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    store.db.close();
  });
});

describe('damaged database at start', () => {
  async function damaged(withBackup: boolean) {
    const dir = tempDir();
    const file = join(dir, 'bien-ban.sqlite');
    const store = fileStore(dir);
    for (let i = 0; i < 40; i++) fill(store, `Hội nghị ${i}`);
    if (withBackup) await createBackup(store.db, join(dir, 'backups'), 'start', new Date(NOW));
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.close();
    const bytes = readFileSync(file);
    // Garbage over the pages after the first: a torn disk write, as after a failing disk.
    bytes.fill(0x5a, 4096 * 2, 4096 * 6);
    writeFileSync(file, bytes);
    return { dir, file, bytes };
  }

  it('offers the latest good backup, keeps the damaged file aside and opens the restored one', async () => {
    const { dir, file, bytes } = await damaged(true);
    const asked: string[] = [];
    const outcome = await openWithRecovery(file, { confirmRestore: async (message) => (asked.push(message), true) }, undefined, undefined, testKey());
    expect(asked[0]).toMatch(/bị hỏng/);
    expect(outcome.kind).toBe('restored');
    if (outcome.kind !== 'restored') return;
    expect(readFileSync(outcome.aside)).toEqual(bytes);
    expect(createStore(outcome.db).meetings.list()).toHaveLength(40);
    expect(outcome.db.pragma('integrity_check', { simple: true })).toBe('ok');
    outcome.db.close();
    expect(readdirSync(dir).some((n) => n.includes('.hong-'))).toBe(true);
  });

  it('leaves the damaged file untouched when the user declines or there is no backup', async () => {
    const { file, bytes } = await damaged(true);
    const declined = await openWithRecovery(file, { confirmRestore: async () => false }, undefined, undefined, testKey());
    expect(declined.kind).toBe('refused');
    expect(readFileSync(file)).toEqual(bytes);
    const none = await damaged(false);
    const outcome = await openWithRecovery(none.file, { confirmRestore: async () => true }, undefined, undefined, testKey());
    expect(outcome).toMatchObject({ kind: 'refused', error: { code: expect.stringMatching(/DB_DAMAGED|DB_OPEN_FAILED/) } });
    expect(readFileSync(none.file)).toEqual(none.bytes);
  });
});

describe('backup channels', () => {
  it('list, back up to a chosen folder, show a backup and restore through the contract; only listed names', async () => {
    const { dispatch } = await import('../../electron/api/dispatch.ts');
    const { createHandlers } = await import('../../electron/api/handlers.ts');
    const dir = tempDir();
    const store = fileStore(dir);
    const backups = join(dir, 'backups');
    let folder: string | null = join(dir, 'usb');
    const handlers = createHandlers(
      store,
      { saveFile: async () => null, openFile: async () => null, chooseFolder: async () => folder },
      {
        preview: () => ({ html: '', css: '', missing: [], advice: [] }),
        write: async () => ({ missing: [] }),
        print: async () => null,
      },
      { backupsDir: backups },
    );
    const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);
    fill(store, 'Hội nghị A');
    expect(await call('listBackups', {})).toEqual({ ok: true, value: [] });
    await createBackup(store.db, backups, 'start', new Date(NOW));
    const listed = await call('listBackups', {});
    expect(listed).toMatchObject({ ok: true, value: [{ meetings: 1 }] });
    const name = backupName('start', new Date(NOW));
    expect(await call('backupContents', { name })).toMatchObject({ ok: true, value: [{ title: 'Hội nghị A' }] });
    const manual = await call('backupNow', {});
    expect(manual).toMatchObject({ ok: true, value: { path: expect.stringContaining(join(dir, 'usb')) } });
    folder = null;
    expect(await call('backupNow', {})).toEqual({ ok: true, value: null });
    for (const bad of ['../bien-ban.sqlite', '/etc/passwd', 'bien-ban.sqlite', `../backups/${name}`]) {
      expect(await call('backupContents', { name: bad })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      expect(await call('restoreBackup', { name: bad })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    const restored = await call('restoreBackup', { name });
    expect(restored).toMatchObject({ ok: true, value: { meetingIds: [expect.any(Number)] } });
    expect(store.meetings.list()).toHaveLength(1);
    store.db.close();
  });
});

describe('a backup brought from a file (a USB stick)', () => {
  it('is checked, written into the backups folder through the backup API, listed and restorable', async () => {
    const { dispatch } = await import('../../electron/api/dispatch.ts');
    const { createHandlers } = await import('../../electron/api/handlers.ts');
    const dir = tempDir();
    // Another machine's database, backed up to its USB stick.
    const other = fileStore(dir, 'other.sqlite');
    fill(other, 'Hội nghị trên máy khác');
    const usb = await backupToFolder(other.db, join(dir, 'usb'), other.files, new Date(NOW));
    other.db.close();
    const garbage = join(dir, 'usb', 'not-a-backup.sqlite');
    writeFileSync(garbage, 'đây không phải bản sao lưu');

    const store = fileStore(dir);
    fill(store, 'Hội nghị trên máy này');
    const backups = join(dir, 'backups');
    let picked: string | null = garbage;
    const handlers = createHandlers(
      store,
      { saveFile: async () => null, openFile: async () => picked, chooseFolder: async () => null },
      {
        preview: () => ({ html: '', css: '', missing: [], advice: [] }),
        write: async () => ({ missing: [] }),
        print: async () => null,
      },
      { backupsDir: backups },
    );
    const call = (channel: string, input: unknown) => dispatch(handlers, channel, input);

    expect(await call('addBackupFile', {})).toMatchObject({
      ok: false,
      error: { code: 'DB_OPEN_FAILED', message: expect.stringMatching(/không phải cơ sở dữ liệu của Biên Bản/) },
    });
    expect(listBackups(backups, testKey())).toEqual([]);
    picked = null;
    expect(await call('addBackupFile', {})).toEqual({ ok: true, value: null });

    picked = usb;
    const added = await call('addBackupFile', {});
    expect(added).toMatchObject({ ok: true, value: { reason: 'imported', meetings: 1 } });
    const name = added.ok ? (added.value as { name: string }).name : '';
    expect(readFileSync(usb).length).toBeGreaterThan(0);
    expect(await call('backupContents', { name })).toMatchObject({ ok: true, value: [{ title: 'Hội nghị trên máy khác' }] });
    const backupOnUsb = (await call('backupContents', { name })) as { ok: true; value: { id: number }[] };
    expect(await call('restoreBackup', { name, meetingId: backupOnUsb.value[0]?.id })).toMatchObject({ ok: true });
    expect(
      store.meetings
        .list()
        .map((m) => m.title)
        .sort(),
    ).toEqual(['Hội nghị trên máy khác', 'Hội nghị trên máy này']);
    store.db.close();
  });
});
