// A meeting's recording follows it into the trash and back: deleted, its parts wait under audio/deleted/<token>
// (a new meeting that takes its id finds none); restored, the same bytes are the restored meeting's, sealed ones
// still sealed and readable; "Xóa hẳn" and the 30-day purge remove them; a recording left behind by a deletion
// made before this rule is given to its trash entry on opening.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/api/session.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import { deleteMeeting } from '../../electron/services/trash.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { tempDir } from '../support/store.ts';
import { testSession } from '../support/session.ts';

const PASSPHRASE = 'Sông Thạch Hãn chảy qua thành cổ';
const DAY = 24 * 60 * 60 * 1000;
const chunk = (n: number) => Buffer.alloc(3_000, `giây ${n} OpusHead EBML `);

async function open(dir: string) {
  const session = testSession(dir, { audioDir: join(dir, 'audio') });
  await session.start();
  return session;
}

async function setUp(confidentiality: 'none' | 'mat' = 'none') {
  const dir = tempDir();
  const plain = createStore(openDatabase(join(dir, 'bien-ban.sqlite')));
  const meetingId = createMeeting(plain, { title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', confidentiality });
  plain.db.close();
  const session = await open(dir);
  return { dir, session, meetingId, audioDir: join(dir, 'audio') };
}

async function record(session: Session, meetingId: number, chunks: Buffer[]) {
  const handlers = session.handlers();
  const { part } = await handlers.startRecording({ meetingId });
  for (const [i, bytes] of chunks.entries()) await handlers.appendAudio({ meetingId, part, chunk: new Uint8Array(bytes), endMs: (i + 1) * 1_000 });
  return handlers.stopRecording({ meetingId, part });
}

/** Every part file of a folder, by name, as bytes on disk. */
const filesIn = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name))]),
  );
const deletedDir = (audioDir: string, token: string) => join(audioDir, 'deleted', token);
const tokenOf = (session: Session, trashId: number) => session.current()?.trash.origin(trashId).token as string;

describe('a meeting’s recording in the trash', () => {
  it('goes with the meeting into the trash and comes back, byte for byte, with the restored meeting', async () => {
    const { session, meetingId, audioDir } = await setUp();
    const first = [1, 2, 3].map(chunk);
    const second = [4, 5].map(chunk);
    await record(session, meetingId, first);
    await record(session, meetingId, second);
    const before = filesIn(join(audioDir, String(meetingId)));
    expect(Object.keys(before)).toEqual(['part-001.bba', 'part-002.bba']);

    const { undoToken } = await session.handlers().deleteMeeting({ id: meetingId });
    const [entry] = await session.handlers().listDeleted({});
    expect(existsSync(join(audioDir, String(meetingId)))).toBe(false);
    expect(filesIn(deletedDir(audioDir, undoToken as string))).toEqual(before);

    // A new meeting that takes the freed id starts with no recording.
    const next = await session.handlers().createMeeting({ fields: { title: 'Hội nghị mới' } });
    expect((await session.handlers().listAudio({ meetingId: next })).parts).toEqual([]);

    const restored = await session.handlers().restoreDeleted({ id: entry?.id as number });
    expect(restored).not.toBe(next);
    expect(filesIn(join(audioDir, String(restored)))).toEqual(before);
    expect(existsSync(deletedDir(audioDir, undoToken as string))).toBe(false);
    const { parts } = await session.handlers().listAudio({ meetingId: restored });
    expect(parts.map((p) => [p.meetingId, p.part, p.durationMs])).toEqual([
      [restored, 1, 3_000],
      [restored, 2, 2_000],
    ]);
    expect(Buffer.from(await session.handlers().readAudio({ meetingId: restored, part: 2 }))).toEqual(Buffer.concat(second));
    expect(session.current()?.trash.tokens()).toEqual([]);
  });

  it('keeps a confidential meeting’s parts sealed through the trash and readable after the restore (undo)', async () => {
    const { session, meetingId, audioDir } = await setUp('mat');
    await session.encrypt(PASSPHRASE);
    await record(session, meetingId, [1, 2].map(chunk));
    const [sealed] = Object.values(filesIn(join(audioDir, String(meetingId))));
    expect((sealed as Buffer).includes(Buffer.from('OpusHead'))).toBe(false);

    const { undoToken } = await session.handlers().deleteMeeting({ id: meetingId });
    expect(Object.values(filesIn(deletedDir(audioDir, undoToken as string)))).toEqual([sealed]);
    const restored = await session.handlers().undoDelete({ undoToken: undoToken as string });
    expect(Object.values(filesIn(join(audioDir, String(restored))))).toEqual([sealed]);
    expect(Buffer.from(await session.handlers().readAudio({ meetingId: restored, part: 1 }))).toEqual(Buffer.concat([1, 2].map(chunk)));
  });

  it('is removed with the entry: “Xóa hẳn”, and the purge after 30 days', async () => {
    const { dir, session, meetingId, audioDir } = await setUp();
    const other = await session.handlers().createMeeting({ fields: { title: 'Hội nghị sơ kết' } });
    await record(session, meetingId, [chunk(1)]);
    await record(session, other, [chunk(2)]);

    const { undoToken } = await session.handlers().deleteMeeting({ id: meetingId });
    const [entry] = await session.handlers().listDeleted({});
    await session.handlers().eraseDeleted({ id: entry?.id as number });
    expect(existsSync(deletedDir(audioDir, undoToken as string))).toBe(false);
    expect(readdirSync(join(audioDir, 'deleted'))).toEqual([]);

    // Deleted 31 days ago: the next opening purges the entry and its recording.
    const store = session.current();
    if (!store) throw new Error('store closed');
    const audio = (session as unknown as { audio: Parameters<typeof deleteMeeting>[4] }).audio;
    const oldEntry = deleteMeeting(store, other, 'b9a1f7a2-7d0e-4e1f-9b43-1f0c2d3e4a5b', new Date(Date.now() - 31 * DAY), audio);
    expect(existsSync(deletedDir(audioDir, tokenOf(session, oldEntry)))).toBe(true);
    session.close();
    const reopened = await open(dir);
    expect(reopened.current()?.trash.tokens()).toEqual([]);
    expect(readdirSync(join(audioDir, 'deleted'))).toEqual([]);
    expect(readdirSync(audioDir).sort()).toEqual(['deleted']);
  });

  it('left behind by a deletion made before the rule, is given to its trash entry on opening and restored with it', async () => {
    const { dir, session, meetingId, audioDir } = await setUp();
    await record(session, meetingId, [1, 2].map(chunk));
    const before = filesIn(join(audioDir, String(meetingId)));
    // As the app did before: the meeting to the trash, its folder left where it was.
    const store = session.current();
    if (!store) throw new Error('store closed');
    const trashId = deleteMeeting(store, meetingId, 'a3c2e1d0-1111-4222-8333-944455556666');
    expect(filesIn(join(audioDir, String(meetingId)))).toEqual(before);
    session.close();

    const reopened = await open(dir);
    expect(existsSync(join(audioDir, String(meetingId)))).toBe(false);
    expect(filesIn(deletedDir(audioDir, 'a3c2e1d0-1111-4222-8333-944455556666'))).toEqual(before);
    const restored = await reopened.handlers().restoreDeleted({ id: trashId });
    expect(filesIn(join(audioDir, String(restored)))).toEqual(before);
  });

  it('refuses to go to the trash while the meeting is being recorded, and changes nothing', async () => {
    const { session, meetingId, audioDir } = await setUp();
    const { part } = await session.handlers().startRecording({ meetingId });
    await session.handlers().appendAudio({ meetingId, part, chunk: new Uint8Array(chunk(1)), endMs: 1_000 });
    await expect(session.handlers().deleteMeeting({ id: meetingId })).rejects.toThrow(/Đang ghi âm hội nghị này/);
    expect((await session.handlers().listMeetings({})).map((m) => m.id)).toContain(meetingId);
    expect(await session.handlers().listDeleted({})).toEqual([]);
    await session.handlers().stopRecording({ meetingId, part });
    expect(Object.keys(filesIn(join(audioDir, String(meetingId))))).toEqual(['part-001.bba']);
  });
});
