// Opening a clip reads only its stretch of the part: the sound handed over is the recording's WebM header and
// then the stream itself from a cluster that starts before the clip (within the reach of one cluster) through
// the clip's end, the same plain or sealed; only the frames around the clip are opened (a sealed part's cost
// follows the clip, not the part); a damaged frame in the stretch is refused in Vietnamese.
import { randomBytes } from 'node:crypto';
import { openSync, readSync, closeSync, writeSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { CLUSTER_REACH_MS, findCluster } from '../../electron/audio/clip.ts';
import { scanPart } from '../../electron/audio/format.ts';
import { aesGcmSealer, type ChunkSealer } from '../../electron/audio/sealer.ts';
import { createAudioStore } from '../../electron/audio/store.ts';
import { AppFiles } from '../../electron/store/files.ts';
import { tempDir } from '../support/store.ts';
import { webmStream, type WebmStream } from '../support/webm.ts';

const SECONDS = 1_200;

/** A sealer that counts the frames it opens. */
function counting(inner: ChunkSealer) {
  const counter = { opened: 0 };
  const sealer: ChunkSealer = { id: inner.id, seal: (c, x) => inner.seal(c, x), open: (f, x) => (counter.opened++, inner.open(f, x)) };
  return { sealer, counter };
}

function recorded(stream: WebmStream) {
  const dir = tempDir();
  const database = join(dir, 'bien-ban.sqlite');
  writeFileSync(database, '');
  const { sealer, counter } = counting(aesGcmSealer(randomBytes(32)));
  const audio = createAudioStore(join(dir, 'audio'), new AppFiles(database), {
    sealerFor: (id) => (id === 2 ? sealer : { id: 0, seal: (c) => c, open: (f) => f }),
    sealers: [sealer],
  });
  onTestFinished(() => audio.close());
  for (const meetingId of [1, 2]) {
    audio.start(meetingId);
    for (const { bytes, endMs } of stream.chunks) audio.append(meetingId, 1, bytes, endMs);
    audio.stop(meetingId, 1);
  }
  return { audio, counter, dir };
}

/** Checks a clip's sound: the header, then a slice of the stream from a cluster start; returns that cluster's time and the slice's end. */
function shape(sound: Buffer, stream: WebmStream) {
  expect(sound.subarray(0, stream.header.length)).toEqual(stream.header);
  const body = sound.subarray(stream.header.length);
  const cluster = stream.clusters.find((c) => stream.bytes.subarray(c.at, c.at + body.length).equals(body));
  if (!cluster) throw new Error('the clip is not the stream from one of its clusters');
  return { clusterMs: cluster.ms, endsAt: cluster.at + body.length };
}

/** Where the sound up to ms ends in the stream (the block of the second before it). */
const soundTo = (stream: WebmStream, ms: number) => stream.blockEnds[ms / 1_000 - 1] as number;

describe('opening a clip in a long recording', () => {
  const stream = webmStream(SECONDS, { clusterMs: 10_000 });

  it('hands over the header and the stream from a cluster just before the clip through its end, plain and sealed alike', () => {
    const { audio, counter } = recorded(stream);
    const from = 600_000;
    const to = 630_000;
    const plain = Buffer.from(audio.readRange(1, 1, from, to));
    const { clusterMs, endsAt } = shape(plain, stream);
    expect(clusterMs).toBeLessThanOrEqual(from);
    expect(clusterMs).toBeGreaterThanOrEqual(from - CLUSTER_REACH_MS - 10_000);
    expect(endsAt).toBeGreaterThanOrEqual(soundTo(stream, to));
    expect(plain.length).toBeLessThan(stream.bytes.length / 10);

    counter.opened = 0;
    expect(Buffer.from(audio.readRange(2, 1, from, to))).toEqual(plain);
    // The header's frame and the ~70 s around the clip, of 1,200.
    expect(counter.opened).toBeGreaterThan(30);
    expect(counter.opened).toBeLessThan(100);
  });

  it('reads from the start for a clip at the start, and the last stretch for one past the end', () => {
    const { audio } = recorded(stream);
    const first = Buffer.from(audio.readRange(2, 1, 0, 5_000));
    expect(first).toEqual(stream.bytes.subarray(0, first.length));
    expect(first.length).toBeGreaterThanOrEqual(soundTo(stream, 5_000));
    const late = Buffer.from(audio.readRange(2, 1, (SECONDS + 60) * 1_000, (SECONDS + 90) * 1_000));
    const { endsAt } = shape(late, stream);
    expect(endsAt).toBe(stream.bytes.length);
  });

  it('refuses a clip whose stretch holds a damaged frame, and still opens the others', () => {
    const { audio, dir } = recorded(stream);
    // Flip a byte inside the payload of the frame of second 600.
    const path = join(dir, 'audio', '1', 'part-001.bba');
    const at = (scanPart(path)?.frames[599]?.offset ?? 0) + 20;
    const fd = openSync(path, 'r+');
    const byte = Buffer.alloc(1);
    readSync(fd, byte, 0, 1, at);
    writeSync(fd, Buffer.from([(byte[0] as number) ^ 0xff]), 0, 1, at);
    closeSync(fd);
    expect(() => audio.readRange(1, 1, 595_000, 605_000)).toThrow(/Tệp ghi âm bị hỏng/);
    expect(shape(Buffer.from(audio.readRange(1, 1, 200_000, 220_000)), stream).clusterMs).toBeLessThanOrEqual(200_000);
  });
});

describe('findCluster', () => {
  it('finds a cluster by its ID, size and timecode, not by the ID alone', () => {
    const id = [0x1f, 0x43, 0xb6, 0x75];
    const bytes = Buffer.from([0x00, ...id, 0x00, 0xe7, ...id, 0x81, 0x55, ...id, 0x81, 0xe7, 0x81, 0x00]);
    expect(findCluster(bytes)).toBe(13);
    expect(findCluster(Buffer.from(id))).toBe(-1);
    expect(findCluster(Buffer.alloc(0))).toBe(-1);
  });
});
