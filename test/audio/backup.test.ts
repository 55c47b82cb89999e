// Recordings in backups only when the secretary chooses: off by default (a backup holds no sound); chosen, a
// backup holds each part's file byte for byte as on disk (a confidential meeting's still sealed, an encrypted
// store's backup encrypted whole), a restore gives the parts to the restored meetings (readable, sealed again
// under the restoring store's key), and deleting a meeting for good takes its sound out of the backups too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/api/session.ts';
import { openBackup } from '../../electron/services/backups.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import type { StoreKey } from '../../electron/store/keys.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { tempDir } from '../support/store.ts';
import { testSession } from '../support/session.ts';

const PASSPHRASE = 'Sông Thạch Hãn chảy qua thành cổ';
const OTHER = 'Đèo Hải Vân mây phủ trắng đỉnh núi';
const chunk = (n: number) => Buffer.alloc(2_500, `giây ${n} OpusHead EBML `);
const SOUND = Buffer.from('OpusHead');

async function setUp() {
  const dir = tempDir();
  const usb = tempDir();
  const plain = createStore(openDatabase(join(dir, 'bien-ban.sqlite')));
  const secret = createMeeting(plain, { title: 'Hội nghị Ban Thường vụ Tỉnh ủy', confidentiality: 'mat' });
  const open = createMeeting(plain, { title: 'Hội nghị triển khai nhiệm vụ năm 2027', confidentiality: 'none' });
  plain.db.close();
  const session = testSession(dir, {
    audioDir: join(dir, 'audio'),
    dialogs: { saveFile: async () => null, openFile: async () => pick.file, chooseFolder: async () => usb },
  });
  const pick = { file: null as string | null };
  await session.start();
  return { session, secret, open, usb, pick, audioDir: join(dir, 'audio'), backupsDir: join(dir, 'backups') };
}

async function record(session: Session, meetingId: number, chunks: Buffer[]) {
  const handlers = session.handlers();
  const { part } = await handlers.startRecording({ meetingId });
  for (const [i, bytes] of chunks.entries()) await handlers.appendAudio({ meetingId, part, chunk: new Uint8Array(bytes), endMs: (i + 1) * 1_000 });
  return handlers.stopRecording({ meetingId, part });
}

const partFile = (audioDir: string, meetingId: number, part = 1) =>
  readFileSync(join(audioDir, String(meetingId), `part-${String(part).padStart(3, '0')}.bba`));

/** What a backup file holds of the recordings, by meeting and part. */
function soundIn(path: string, key: StoreKey | null) {
  const backup = openBackup(path, key);
  try {
    return backup.db.prepare('SELECT meeting_id AS meetingId, part, bytes FROM backup_audio ORDER BY meeting_id, part').all() as {
      meetingId: number;
      part: number;
      bytes: Buffer;
    }[];
  } finally {
    backup.db.close();
  }
}

const keyOf = (session: Session) => session.current()?.key ?? null;
const played = async (session: Session, meetingId: number, part = 1) => Buffer.from(await session.handlers().readAudio({ meetingId, part }));

describe('recordings in backups', () => {
  it('are left out unless the secretary chooses them', async () => {
    const { session, secret } = await setUp();
    await record(session, secret, [chunk(1)]);
    expect(await session.handlers().audioInBackups({})).toBe(false);
    const backup = await session.handlers().backupNow({});
    expect(soundIn(backup?.path as string, null)).toEqual([]);
    expect(readFileSync(backup?.path as string).includes(SOUND)).toBe(false);
  });

  it('chosen, are carried byte for byte, sealed ones sealed and the encrypted backup encrypted; a restore brings them back', async () => {
    const { session, secret, open, usb, pick, audioDir, backupsDir } = await setUp();
    await session.encrypt(PASSPHRASE);
    const words = [1, 2, 3].map(chunk);
    await record(session, secret, words);
    await record(session, open, [chunk(7)]);
    await record(session, open, [chunk(8), chunk(9)]);
    expect(await session.handlers().setAudioInBackups({ include: true })).toBe(true);
    expect(session.current()?.db.prepare('SELECT in_backups FROM audio_settings').pluck().get()).toBe(1);

    const { path } = (await session.handlers().backupNow({})) as { path: string };
    expect(readdirSync(usb)).toHaveLength(1);
    const held = soundIn(path, keyOf(session));
    expect(held.map(({ meetingId, part }) => [meetingId, part])).toEqual(
      [
        [secret, 1],
        [open, 1],
        [open, 2],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(held.find((h) => h.meetingId === secret)?.bytes).toEqual(partFile(audioDir, secret));
    expect(held.find((h) => h.meetingId === open && h.part === 2)?.bytes).toEqual(partFile(audioDir, open, 2));
    expect(partFile(audioDir, secret).includes(SOUND)).toBe(false);
    // Plain on disk (an ordinary meeting) but not in the backup, which is encrypted whole.
    expect(partFile(audioDir, open).includes(SOUND)).toBe(true);
    expect(readFileSync(path).includes(SOUND)).toBe(false);

    // Brought from the USB stick into the list, then one meeting restored as a new meeting, with its recording.
    pick.file = path;
    const added = await session.handlers().addBackupFile({});
    const name = (added as { name: string }).name;
    expect(soundIn(join(backupsDir, name), keyOf(session))).toHaveLength(3);
    const {
      meetingIds: [restored],
    } = await session.handlers().restoreBackup({ name, meetingId: secret });
    const { parts } = await session.handlers().listAudio({ meetingId: restored as number });
    expect(parts.map((p) => [p.part, p.durationMs, p.sealed])).toEqual([[1, 3_000, true]]);
    expect(await played(session, restored as number)).toEqual(Buffer.concat(words));
    expect(partFile(audioDir, restored as number).includes(SOUND)).toBe(false);
    // The original's recording is untouched.
    expect(await played(session, secret)).toEqual(Buffer.concat(words));

    // Restoring all: the current meetings are replaced; their recordings are set aside, never deleted, and
    // the restored meetings get the backup's.
    const before = readdirSync(audioDir).filter((n) => /^\d+$/.test(n)).length;
    const all = await session.handlers().restoreBackup({ name });
    expect(all.meetingIds).toHaveLength(2);
    const sounds = await Promise.all(all.meetingIds.map(async (id) => (await session.handlers().listAudio({ meetingId: id })).parts.length));
    expect(sounds.sort()).toEqual([1, 2]);
    expect(readdirSync(join(audioDir, 'unclaimed'))).toHaveLength(before);
  });

  it('restored into another encrypted store are sealed again under its key', async () => {
    const a = await setUp();
    await a.session.encrypt(PASSPHRASE);
    const words = [4, 5].map(chunk);
    await record(a.session, a.secret, words);
    await a.session.handlers().setAudioInBackups({ include: true });
    const { path } = (await a.session.handlers().backupNow({})) as { path: string };

    const b = await setUp();
    await b.session.encrypt(OTHER);
    b.pick.file = path;
    const asked = await b.session.handlers().addBackupFile({});
    expect(asked).toMatchObject({ needsPassphrase: true });
    const added = await b.session.handlers().addBackupFile({ token: (asked as { token: string }).token, passphrase: PASSPHRASE });
    const {
      meetingIds: [restored],
    } = await b.session.handlers().restoreBackup({ name: (added as { name: string }).name, meetingId: a.secret });
    expect(await played(b.session, restored as number)).toEqual(Buffer.concat(words));
    const file = partFile(b.audioDir, restored as number);
    expect(file.includes(SOUND)).toBe(false);
    // Not the same sealed bytes: store b has its own key for the recordings.
    expect(file).not.toEqual(partFile(a.audioDir, a.secret));
  });

  it('leave the automatic backups with the meeting deleted for good', async () => {
    const { session, secret, pick, backupsDir } = await setUp();
    await session.encrypt(PASSPHRASE);
    await record(session, secret, [chunk(1)]);
    const handlers = session.handlers();
    await handlers.setAudioInBackups({ include: true });
    const { path } = (await handlers.backupNow({})) as { path: string };
    // A backup in the app's folder holding the recording: the USB copy brought into it.
    pick.file = path;
    const { name } = (await handlers.addBackupFile({})) as { name: string };
    expect(soundIn(join(backupsDir, name), keyOf(session))).toHaveLength(1);

    const { purged } = await handlers.deleteMeeting({ id: secret, forGood: true });
    expect(purged).toBeGreaterThan(0);
    for (const file of readdirSync(backupsDir)) expect(soundIn(join(backupsDir, file), keyOf(session))).toEqual([]);
  });
});
