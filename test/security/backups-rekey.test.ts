// The automatic backups when the passphrase changes: every one is written anew with the new key (the old
// passphrase opens none of them, the new one restores from them). Those the change could not rewrite (it was
// interrupted after the store itself had moved) are left whole in the old key: listed after the next start,
// still opened by the old passphrase with their meetings, never deleted or altered by the app, and moved to the
// store's key when the secretary types that old passphrase in Cài đặt › Bảo mật.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/api/session.ts';
import { backupKeyFor, backupMeetings, createBackup, listBackups, openBackup, restoreFromBackup, writeBackup } from '../../electron/services/backups.ts';
import { moveStore } from '../../electron/services/encryption.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import { createStore, openDatabase, type Store } from '../../electron/store/index.ts';
import { createKey, deriveKey, readHeader } from '../../electron/store/keys.ts';
import { AppError } from '../../shared/errors.ts';
import { tempDir } from '../support/store.ts';
import { testSession } from '../support/session.ts';

const OLD = 'Sông Thạch Hãn chảy qua thành cổ';
const NEW = 'Cầu Hiền Lương bắc qua sông Bến Hải';
const TITLES = ['Hội nghị Ban Thường vụ Tỉnh ủy tháng 3', 'Hội nghị Ban Chấp hành Đảng bộ tỉnh quý I', 'Họp Ban Tổ chức Tỉnh ủy về quy hoạch cán bộ'];

function newSession(dir: string): Session {
  const session = testSession(dir);
  return session;
}

function opened(session: Session): Store {
  const store = session.current();
  if (!store) throw new Error('the store is locked');
  return store;
}

/** An encrypted store with three automatic backups, one more meeting in each. */
async function withBackups(dir: string): Promise<{ session: Session; backups: string[] }> {
  const plain = createStore(openDatabase(join(dir, 'bien-ban.sqlite')));
  plain.db.close();
  const session = newSession(dir);
  await session.start();
  await session.encrypt(OLD);
  const store = opened(session);
  const backups: string[] = [];
  for (const [n, title] of TITLES.entries()) {
    createMeeting(store, { title, date: `2025-0${n + 1}-10`, confidentiality: 'mat' });
    backups.push(await createBackup(store.db, join(dir, 'backups'), 'periodic', new Date(Date.UTC(2025, n, 10, 8))));
  }
  return { session, backups };
}

const titlesIn = (meetings: { title: string }[]) => meetings.map((m) => m.title).sort();

describe('automatic backups and a change of passphrase', () => {
  it('are all written anew with the new key: the old passphrase opens none, the new one restores from them', async () => {
    const dir = tempDir();
    const { session, backups } = await withBackups(dir);
    const oldHeader = readHeader(backups[0] ?? '').header;
    await session.changePassphrase(OLD, NEW);
    const store = opened(session);
    expect(session.status().backupsLeft).toEqual([]);
    for (const [n, path] of backups.entries()) {
      const { kind, header } = readHeader(path);
      expect(kind).toBe('encrypted');
      expect(header.equals(store.key?.header ?? Buffer.alloc(0))).toBe(true);
      expect(await deriveKey(OLD, header)).toBeNull();
      expect(titlesIn(backupMeetings(path, store.key))).toEqual(TITLES.slice(0, n + 1).sort());
    }
    expect(await deriveKey(OLD, oldHeader)).not.toBeNull();
    expect(listBackups(join(dir, 'backups'), store.key).map((info) => info.meetings)).toEqual([3, 2, 1]);

    // Restoring everything from the oldest gives back what it held.
    const [oldest = ''] = backups;
    await restoreFromBackup(store, join(dir, 'backups'), oldest);
    expect(titlesIn(store.meetings.list())).toEqual([TITLES[0]]);
  });

  it('those an interrupted change left in the old key are listed at the next start and still open, unaltered, with the old passphrase', async () => {
    const dir = tempDir();
    const { session, backups } = await withBackups(dir);
    const store = opened(session);
    const oldKey = store.key;
    session.close();
    // What a change cut short leaves (the power cut once the store had moved and the newest backup with it,
    // listBackups's order): the store in the new key, the newest backup too, the two older ones in the old key.
    const file = join(dir, 'bien-ban.sqlite');
    const next = await createKey(NEW);
    const moved = await moveStore(openDatabase(file, { key: oldKey }), file, join(dir, 'no-backups'), next);
    moved.db.close();
    const newest = backups[2] ?? '';
    const backup = openBackup(newest, oldKey);
    await writeBackup(backup.db, newest, next);
    backup.db.close();
    const left = backups.slice(0, 2);
    const bytes = left.map((path) => readFileSync(path));

    const restarted = newSession(dir);
    expect(await restarted.start()).toEqual({ kind: 'locked' });
    await expect(restarted.unlock(OLD)).rejects.toMatchObject({ code: 'KEY_WRONG' });
    await restarted.unlock(NEW);
    const names = left.map((path) => basename(path)).sort();
    expect([...restarted.status().backupsLeft].sort()).toEqual(names);
    // The app does not open them with the new key, and says a passphrase is needed rather than that they are damaged.
    const handlers = restarted.handlers();
    const [name = ''] = names;
    const refused = await Promise.resolve()
      .then(() => handlers.restoreBackup({ name }))
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('PASSPHRASE_NEEDED');
    expect(titlesIn(opened(restarted).meetings.list())).toEqual([...TITLES].sort());

    for (const [n, path] of left.entries()) {
      expect(readFileSync(path).equals(bytes[n] ?? Buffer.alloc(0))).toBe(true);
      const key = await backupKeyFor(path, OLD);
      expect(key?.key.equals(oldKey?.key ?? Buffer.alloc(0))).toBe(true);
      expect(backupMeetings(path, key).length).toBeGreaterThan(0);
    }

    // Cài đặt › Bảo mật offers to move them with the old passphrase: a wrong one changes nothing; the old one
    // rewrites them with the store's key, and they restore like the others.
    await expect(handlers.rekeyBackups({ old: 'Sông Thạch Hãn chảy qua thành cũ' })).rejects.toMatchObject({ code: 'KEY_WRONG' });
    left.forEach((path, n) => expect(readFileSync(path).equals(bytes[n] ?? Buffer.alloc(0))).toBe(true));
    expect(await handlers.rekeyBackups({ old: OLD })).toMatchObject({ backupsLeft: [] });
    const current = opened(restarted).key;
    for (const [n, path] of left.entries()) {
      expect(readHeader(path).header.equals(current?.header ?? Buffer.alloc(0))).toBe(true);
      expect(titlesIn(backupMeetings(path, current))).toEqual(TITLES.slice(0, n + 1).sort());
    }
    await handlers.restoreBackup({ name });
    expect(titlesIn(opened(restarted).meetings.list())).toEqual([TITLES[0]]);
  });
});
