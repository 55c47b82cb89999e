// The app's writes are synced off the main thread (electron/store/durability.ts): a call that wrote is answered once
// the log is on disk, writes nobody waits for are synced within a tick, checkpoints run when writes pause, and a disk
// that fails to sync is told and hands syncing back to SQLite.
import { fstatSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/api/dispatch.ts';
import { keepDurable, type DurabilityOptions } from '../../electron/store/durability.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { testSession } from '../support/session.ts';
import { openTestDatabase, tempDir } from '../support/store.ts';

interface SyncCall {
  ino: number;
  folder: boolean;
  release(error?: Error): void;
}

/** A sync that waits to be released (the log's); a folder's is released at once. */
function heldSync(): { sync: NonNullable<DurabilityOptions['sync']>; calls: SyncCall[]; logs: () => SyncCall[] } {
  const calls: SyncCall[] = [];
  const sync: NonNullable<DurabilityOptions['sync']> = (fd, done) => {
    const stat = fstatSync(fd);
    const call = { ino: stat.ino, folder: stat.isDirectory(), release: (error?: Error) => setImmediate(() => done(error ?? null)) };
    calls.push(call);
    if (call.folder) call.release();
  };
  return { sync, calls, logs: () => calls.filter((c) => !c.folder) };
}

/** Whether a promise has settled, after the event loop has turned. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

function fileStore() {
  const dir = tempDir();
  const store = createStore(openTestDatabase(join(dir, 'bien-ban.sqlite')));
  return { store, wal: `${store.db.name}-wal` };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the app keeping its writes durable', () => {
  it('takes over syncing from SQLite only while it runs', () => {
    const { store } = fileStore();
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    const durability = keepDurable(store.db);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    durability.stop();
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    store.db.close();
  });

  it('answers a flush once the log is synced, and syncs the new log’s folder once', async () => {
    const { store, wal } = fileStore();
    const held = heldSync();
    const durability = keepDurable(store.db, { sync: held.sync });
    store.meetings.create({ title: 'Hội nghị Ban Chấp hành' });
    const first = durability.flush();
    expect(held.logs()).toHaveLength(1);
    expect(held.logs()[0]?.ino).toBe(statSync(wal).ino);
    expect(await settled(first)).toBe(false);
    held.logs()[0]?.release();
    await first;
    expect(held.calls.filter((c) => c.folder)).toHaveLength(1);

    store.meetings.create({ title: 'Hội nghị thứ hai' });
    const second = durability.flush();
    held.logs()[1]?.release();
    await second;
    expect(held.logs()).toHaveLength(2);
    expect(held.calls.filter((c) => c.folder)).toHaveLength(1);
    durability.stop();
    store.db.close();
  });

  it('does not sync when nothing was written', async () => {
    const { store } = fileStore();
    const held = heldSync();
    const durability = keepDurable(store.db, { sync: held.sync });
    store.meetings.list();
    await durability.flush();
    expect(held.calls).toHaveLength(0);
    durability.stop();
    store.db.close();
  });

  it('makes a write that came during a sync wait for the next one', async () => {
    const { store } = fileStore();
    const held = heldSync();
    const durability = keepDurable(store.db, { sync: held.sync });
    const id = store.meetings.create({ title: 'Một' }).id;
    const first = durability.flush();
    store.meetings.update(id, { title: 'Hai' });
    const second = durability.flush();
    const again = durability.flush();
    expect(held.logs()).toHaveLength(1);
    held.logs()[0]?.release();
    await first;
    expect(await settled(second)).toBe(false);
    expect(held.logs()).toHaveLength(2);
    held.logs()[1]?.release();
    await Promise.all([second, again]);
    expect(held.logs()).toHaveLength(2);
    durability.stop();
    store.db.close();
  });

  it('syncs writes nobody waits for within a tick, and checkpoints once writes pause', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { store } = fileStore();
    store.db.exec('CREATE TABLE scratch (x BLOB)');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const held = heldSync();
    const durability = keepDurable(store.db, { sync: held.sync, everyMs: 200, idleMs: 1000 });
    const size = () => statSync(store.db.name).size;
    const before = size();
    store.db.prepare('INSERT INTO scratch VALUES (randomblob(400000))').run();
    // Committed to the log only: no checkpoint inside the commit.
    expect(size()).toBe(before);
    vi.advanceTimersByTime(200);
    expect(held.logs()).toHaveLength(1);
    held.logs()[0]?.release();
    await durability.flush();
    vi.advanceTimersByTime(400);
    expect(size()).toBe(before);
    vi.advanceTimersByTime(800);
    expect(size()).toBeGreaterThan(before + 350_000);
    durability.stop();
    store.db.close();
  });

  it('tells the caller of a failed sync in Vietnamese and gives syncing back to SQLite', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { store } = fileStore();
    const held = heldSync();
    const durability = keepDurable(store.db, { sync: held.sync });
    store.meetings.create({ title: 'Hội nghị' });
    const flushed = durability.flush();
    held.logs()[0]?.release(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    await expect(flushed).rejects.toMatchObject({
      code: 'FILE_WRITE_FAILED',
      message: expect.stringMatching(/^Không lưu được xuống ổ đĩa: lỗi đọc ghi ổ đĩa/),
    });
    expect(error).toHaveBeenCalled();
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    durability.stop();
    store.db.close();
  });

  it('does nothing for a database in memory', async () => {
    const db = openDatabase(':memory:');
    const durability = keepDurable(db);
    createStore(db).meetings.create({ title: 'Hội nghị' });
    await durability.flush();
    durability.stop();
    db.close();
  });
});

describe('the app’s channels', () => {
  it('answer a write once it is on disk, and a failed sync as a save that failed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const dir = tempDir();
    const held = heldSync();
    const session = testSession(dir, { durability: { sync: held.sync } });
    expect((await session.start()).kind).toBe('opened');
    const handlers = session.handlers();
    const created = dispatch(handlers, 'createMeeting', { fields: { title: 'Hội nghị trực tuyến toàn quốc' } });
    await new Promise((resolve) => setImmediate(resolve));
    expect(held.logs()).toHaveLength(1);
    expect(await settled(created)).toBe(false);
    held.logs()[0]?.release();
    const answer = await created;
    expect(answer.ok).toBe(true);
    const id = answer.ok ? (answer.value as number) : 0;

    // A read waits for nothing.
    expect((await dispatch(handlers, 'listMeetings', {})).ok).toBe(true);
    expect(held.logs()).toHaveLength(1);

    const renamed = dispatch(handlers, 'updateMeeting', { id, patch: { title: 'Hội nghị sơ kết' } });
    await new Promise((resolve) => setImmediate(resolve));
    held.logs()[1]?.release(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    expect(await renamed).toEqual({
      ok: false,
      error: {
        code: 'FILE_WRITE_FAILED',
        message:
          'Không lưu được xuống ổ đĩa: lỗi đọc ghi ổ đĩa (ổ đĩa hoặc USB có thể bị hỏng hoặc đã bị rút ra). Những gì đã lưu trước đó không bị ảnh hưởng.',
      },
    });
    const store = session.current();
    expect(store?.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(store?.meetings.get(id).title).toBe('Hội nghị sơ kết');
  });
});
