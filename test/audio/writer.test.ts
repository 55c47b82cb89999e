// The main-process writer of recordings: chunks on disk as they arrive, a torn or damaged tail dropped on
// reopen, several parts per meeting, files beside the database behind the file guard, explicit deletion,
// and an encrypted meeting's sound never on disk in plain bytes.
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as fs from 'node:fs';
import { createAudioStore, SYNC_EVERY_MS } from '../../electron/audio/store.ts';
import { FRAME_HEADER_SIZE, HEADER_SIZE } from '../../electron/audio/format.ts';
import { aesGcmSealer, plainSealer } from '../../electron/audio/sealer.ts';
import { AppFiles } from '../../electron/store/files.ts';
import { tempDir } from '../support/store.ts';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  return { ...real, fsyncSync: vi.fn(real.fsyncSync) };
});

function setup(options: Parameters<typeof createAudioStore>[2] = {}) {
  const dir = tempDir();
  const database = join(dir, 'bien-ban.sqlite');
  writeFileSync(database, '');
  const files = new AppFiles(database);
  const root = join(dir, 'audio');
  let clock = Date.UTC(2026, 11, 1, 1, 30);
  const audio = createAudioStore(root, files, { now: () => clock, ...options });
  return { dir, root, files, audio, tick: (ms: number) => (clock += ms) };
}

/** A recognisable chunk, as MediaRecorder would hand over a second of Opus. */
const chunk = (n: number, size = 2_000) => Buffer.alloc(size, `chunk ${n} OpusHead EBML `);
const partFile = (root: string, meetingId: number, part: number) => join(root, String(meetingId), `part-${String(part).padStart(3, '0')}.bba`);

describe('audio writer', () => {
  it('appends each chunk to the part file as it arrives, and reads the sound back byte for byte', () => {
    const { root, audio } = setup();
    const started = audio.start(7);
    expect(started).toMatchObject({ meetingId: 7, part: 1, durationMs: 0, sealed: false });
    const sent: Buffer[] = [];
    for (let i = 1; i <= 5; i++) {
      const bytes = chunk(i);
      sent.push(bytes);
      audio.append(7, 1, bytes, i * 1_000);
      // On disk already, before the part ends: header, then one frame per chunk.
      expect(statSync(partFile(root, 7, 1)).size).toBe(HEADER_SIZE + i * (FRAME_HEADER_SIZE + 2_000));
    }
    expect(audio.read(7, 1)).toEqual(Buffer.concat(sent));
    const stopped = audio.stop(7, 1);
    expect(stopped).toMatchObject({ part: 1, durationMs: 5_000, bytes: HEADER_SIZE + 5 * (FRAME_HEADER_SIZE + 2_000), startedAt: started.startedAt });
    expect(audio.read(7, 1)).toEqual(Buffer.concat(sent));
  });

  it(`syncs to disk at least every ${SYNC_EVERY_MS} ms of recording, and when a part stops`, () => {
    const { audio } = setup();
    const fsync = vi.mocked(fs.fsyncSync);
    audio.start(1);
    fsync.mockClear();
    const syncedAt: number[] = [];
    for (let ms = 500; ms <= 10_000; ms += 500) {
      const before = fsync.mock.calls.length;
      audio.append(1, 1, chunk(ms), ms);
      if (fsync.mock.calls.length > before) syncedAt.push(ms);
    }
    expect(syncedAt).toEqual([2_000, 4_000, 6_000, 8_000, 10_000]);
    fsync.mockClear();
    audio.stop(1, 1);
    expect(fsync).toHaveBeenCalledOnce();
  });

  it('drops a torn last chunk on reopen and keeps everything before it', () => {
    const { root, files, audio } = setup();
    audio.start(3);
    for (let i = 1; i <= 4; i++) audio.append(3, 1, chunk(i), i * 1_000);
    audio.close();
    const path = partFile(root, 3, 1);
    const whole = statSync(path).size;
    // A power cut in the middle of the fourth frame.
    truncateSync(path, whole - 700);
    const reopened = createAudioStore(root, files);
    expect(reopened.list(3)).toEqual([expect.objectContaining({ part: 1, durationMs: 3_000, bytes: whole - FRAME_HEADER_SIZE - 2_000 })]);
    expect(reopened.read(3, 1)).toEqual(Buffer.concat([chunk(1), chunk(2), chunk(3)]));
    // A tail of garbage (a frame header of zeros, or bytes that do not match their CRC) ends the part the same way.
    truncateSync(path, whole - FRAME_HEADER_SIZE - 2_000);
    appendFileSync(path, Buffer.alloc(FRAME_HEADER_SIZE + 50));
    expect(reopened.read(3, 1)).toEqual(Buffer.concat([chunk(1), chunk(2), chunk(3)]));
    truncateSync(path, whole - FRAME_HEADER_SIZE - 2_000);
    const forged = readFileSync(path).subarray(HEADER_SIZE, HEADER_SIZE + FRAME_HEADER_SIZE + 2_000);
    forged.writeUInt8(forged.readUInt8(FRAME_HEADER_SIZE + 10) ^ 0xff, FRAME_HEADER_SIZE + 10);
    appendFileSync(path, forged);
    expect(reopened.list(3)[0]?.durationMs).toBe(3_000);
    // A new recording of the meeting is a new part; the damaged one is left as it is.
    expect(reopened.start(3).part).toBe(2);
  });

  it('records a meeting in several parts, each with its own start, listed in order with size and duration', () => {
    const { audio, tick } = setup();
    const first = audio.start(5);
    audio.append(5, 1, chunk(1), 1_000);
    audio.stop(5, 1);
    tick(15 * 60_000);
    const second = audio.start(5);
    audio.append(5, 2, chunk(2, 3_000), 1_500);
    audio.append(5, 2, chunk(3, 3_000), 2_500);
    audio.stop(5, 2);
    expect(second.startedAt - first.startedAt).toBe(15 * 60_000);
    expect(audio.list(5)).toEqual([
      { meetingId: 5, part: 1, startedAt: first.startedAt, durationMs: 1_000, bytes: HEADER_SIZE + FRAME_HEADER_SIZE + 2_000, sealed: false },
      { meetingId: 5, part: 2, startedAt: second.startedAt, durationMs: 2_500, bytes: HEADER_SIZE + 2 * (FRAME_HEADER_SIZE + 3_000), sealed: false },
    ]);
    expect(audio.list(6)).toEqual([]);
  });

  it('refuses a chunk for a part that is not recording, or going back in time', () => {
    const { audio } = setup();
    expect(() => audio.append(1, 1, chunk(1), 1_000)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    audio.start(1);
    audio.append(1, 1, chunk(1), 2_000);
    expect(() => audio.append(1, 1, chunk(2), 1_000)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    audio.stop(1, 1);
    expect(() => audio.append(1, 1, chunk(3), 3_000)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(audio.read(1, 1)).toEqual(chunk(1));
  });

  it('keeps the files beside the database, behind the file guard: no export may be written over them', () => {
    const { dir, root, files, audio } = setup();
    audio.start(2);
    audio.append(2, 1, chunk(1), 1_000);
    expect(root).toBe(join(dir, 'audio'));
    expect(() => files.writeTarget(partFile(root, 2, 1), 'Không ghi được tệp')).toThrow(expect.objectContaining({ code: 'FILE_PROTECTED' }));
    expect(() => files.writeTarget(join(root, 'new.docx'), 'Không ghi được tệp')).toThrow(/thư mục ghi âm/);
    expect(() => files.writeTarget(join(dir, 'bien-ban.docx'), 'Không ghi được tệp')).not.toThrow();
  });

  it('refuses a meeting folder replaced by a link, writing nothing through it', () => {
    const { dir, root, audio } = setup();
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    mkdirSync(root, { recursive: true });
    symlinkSync(elsewhere, join(root, '9'));
    expect(() => audio.start(9)).toThrow(expect.objectContaining({ code: 'FILE_NOT_REGULAR' }));
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    expect(audio.isRecording()).toBe(false);
  });

  it("deletes a meeting's recording only when asked, never while it records", () => {
    const { root, audio } = setup();
    audio.start(4);
    audio.append(4, 1, chunk(1), 1_000);
    expect(() => audio.remove(4)).toThrow(/dừng ghi âm/);
    expect(existsSync(partFile(root, 4, 1))).toBe(true);
    audio.stop(4, 1);
    audio.start(8);
    audio.stop(8, 1);
    expect(audio.remove(4)).toBe(1);
    expect(existsSync(join(root, '4'))).toBe(false);
    expect(audio.list(4)).toEqual([]);
    expect(audio.list(8)).toHaveLength(1);
  });

  it('says when a part is recording, for the microphone permission', () => {
    const { audio } = setup();
    expect(audio.isRecording()).toBe(false);
    audio.start(1);
    expect(audio.isRecording()).toBe(true);
    audio.stop(1, 1);
    expect(audio.isRecording()).toBe(false);
  });
});

describe("an encrypted meeting's audio", () => {
  const key = randomBytes(32);
  const sealer = aesGcmSealer(key);

  function recordSealed() {
    const context = setup({ sealerFor: (id) => (id === 2 ? sealer : plainSealer), sealers: [sealer] });
    const { audio } = context;
    expect(audio.start(2).sealed).toBe(true);
    const sent = [1, 2, 3].map((n) => chunk(n));
    sent.forEach((bytes, i) => audio.append(2, 1, bytes, (i + 1) * 1_000));
    audio.stop(2, 1);
    return { ...context, sent };
  }

  it('is not readable in plain bytes on disk, and reads back whole with the key', () => {
    const { root, audio, sent } = recordSealed();
    const disk = readFileSync(partFile(root, 2, 1));
    for (const bytes of sent) expect(disk.includes(bytes.subarray(0, 32))).toBe(false);
    expect(disk.includes(Buffer.from('OpusHead'))).toBe(false);
    expect(disk.includes(Buffer.from('EBML'))).toBe(false);
    expect(audio.list(2)[0]).toMatchObject({ sealed: true, durationMs: 3_000 });
    expect(audio.read(2, 1)).toEqual(Buffer.concat(sent));
  });

  it('drops a torn last sealed frame, and refuses a tampered or reordered one', () => {
    const { root, files, audio, sent } = recordSealed();
    const path = partFile(root, 2, 1);
    const whole = readFileSync(path);
    truncateSync(path, whole.length - 5);
    expect(audio.read(2, 1)).toEqual(Buffer.concat(sent.slice(0, 2)));
    // A frame moved to another place fails authentication (its index is bound to it), even with a right CRC.
    const frame = (n: number) => whole.subarray(HEADER_SIZE + n * (FRAME_HEADER_SIZE + 2_028), HEADER_SIZE + (n + 1) * (FRAME_HEADER_SIZE + 2_028));
    writeFileSync(path, Buffer.concat([whole.subarray(0, HEADER_SIZE), frame(1)]));
    expect(() => audio.read(2, 1)).toThrow(expect.objectContaining({ code: 'FILE_MALFORMED' }));
    // Without the key it cannot be read at all.
    rmSync(path);
    writeFileSync(path, whole);
    expect(() => createAudioStore(root, files).read(2, 1)).toThrow(/chưa có khóa/);
  });
});
