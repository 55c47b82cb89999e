// A confidential meeting's recording in an encrypted store is sealed on disk with a key kept inside the store:
// no plain sound bytes in its part file, readable back whole, still readable after the passphrase changes and
// after the store is decrypted; an ordinary meeting's recording, and any recording in a plain store, stays plain.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../electron/api/session.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { tempDir } from '../support/store.ts';
import { testSession } from '../support/session.ts';

const PASSPHRASE = 'Sông Thạch Hãn chảy qua thành cổ';
const NEXT = 'Cửa Việt sóng vỗ bên bờ cát trắng';
/** A recognisable chunk, as MediaRecorder would hand over a second of Opus in WebM. */
const chunk = (n: number) => Buffer.alloc(4_000, `giây ${n} OpusHead EBML `);

async function startSession(dir: string) {
  const file = join(dir, 'bien-ban.sqlite');
  const plain = createStore(openDatabase(file));
  const secret = createMeeting(plain, { title: 'Hội nghị Ban Thường vụ', confidentiality: 'mat' });
  const open = createMeeting(plain, { title: 'Hội nghị triển khai nhiệm vụ', confidentiality: 'none' });
  plain.db.close();
  const session = testSession(dir, { audioDir: join(dir, 'audio') });
  await session.start();
  return { session, secret, open, audioDir: join(dir, 'audio') };
}

async function record(session: Session, meetingId: number, chunks: Buffer[]) {
  const handlers = session.handlers();
  const { part } = await handlers.startRecording({ meetingId });
  for (const [i, bytes] of chunks.entries()) await handlers.appendAudio({ meetingId, part, chunk: new Uint8Array(bytes), endMs: (i + 1) * 1_000 });
  return handlers.stopRecording({ meetingId, part });
}
const played = async (session: Session, meetingId: number, part: number) => Buffer.from(await session.handlers().readAudio({ meetingId, part }));

const partBytes = (audioDir: string, meetingId: number) => {
  const dir = join(audioDir, String(meetingId));
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => readFileSync(join(dir, name)));
};
const holdsPlainSound = (bytes: Buffer) => bytes.includes(Buffer.from('OpusHead')) || bytes.includes(Buffer.from('giây 1'));

describe('recordings of confidential meetings', () => {
  it('are sealed in an encrypted store, read back whole, and outlive a new passphrase and a decryption', async () => {
    const { session, secret, open, audioDir } = await startSession(tempDir());
    await session.encrypt(PASSPHRASE);
    const sent = [1, 2, 3].map(chunk);
    expect(await record(session, secret, sent)).toMatchObject({ sealed: true, durationMs: 3_000 });
    expect(await record(session, open, sent)).toMatchObject({ sealed: false });

    const [sealedPart] = partBytes(audioDir, secret);
    expect(holdsPlainSound(sealedPart as Buffer)).toBe(false);
    expect(holdsPlainSound(partBytes(audioDir, open)[0] as Buffer)).toBe(true);
    expect(await played(session, secret, 1)).toEqual(Buffer.concat(sent));

    // A new passphrase re-keys the database; the recordings' key lives inside it and comes along.
    await session.changePassphrase(PASSPHRASE, NEXT);
    expect(await played(session, secret, 1)).toEqual(Buffer.concat(sent));
    expect(partBytes(audioDir, secret)[0]).toEqual(sealedPart);

    // Decrypted, the store still reads what was sealed, and seals nothing new.
    await session.handlers().decryptStore({ current: NEXT });
    expect(await played(session, secret, 1)).toEqual(Buffer.concat(sent));
    expect(await record(session, secret, sent)).toMatchObject({ part: 2, sealed: false });
  });

  it('stay plain in a plain store, which holds no key for them', async () => {
    const { session, secret, audioDir } = await startSession(tempDir());
    expect(await record(session, secret, [chunk(1)])).toMatchObject({ sealed: false });
    expect(holdsPlainSound(partBytes(audioDir, secret)[0] as Buffer)).toBe(true);
    expect(session.current()?.db.prepare('SELECT count(*) FROM audio_key').pluck().get()).toBe(0);
  });
});
