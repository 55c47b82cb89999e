// A WebM/Opus stream shaped as Chromium's MediaRecorder writes it (EBML header, a Segment and a Cluster of
// unknown size, each Cluster's Timecode first, then SimpleBlocks), with a cluster every clusterMs and one block
// of payload per second, cut into chunks that do not line up with its elements (as MediaRecorder hands them).
import { randomBytes } from 'node:crypto';

const UNKNOWN_SIZE = Buffer.from([0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
const HEADER = Buffer.concat([
  Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x88]),
  Buffer.from('webmopus'),
  Buffer.from([0x18, 0x53, 0x80, 0x67]),
  UNKNOWN_SIZE,
  Buffer.from([0x16, 0x54, 0xae, 0x6b, 0x8c]),
  Buffer.from('OpusHead\x01\x01\x38\x01'),
]);

const cluster = (ms: number) => {
  const time = Buffer.alloc(4);
  time.writeUInt32BE(ms, 0);
  return Buffer.concat([Buffer.from([0x1f, 0x43, 0xb6, 0x75]), UNKNOWN_SIZE, Buffer.from([0xe7, 0x84]), time]);
};

const block = (payload: Buffer) => {
  const size = Buffer.alloc(4);
  size.writeUInt32BE((payload.length + 4) | 0x10_00_00_00, 0);
  return Buffer.concat([Buffer.from([0xa3]), size, Buffer.from([0x81, 0x00, 0x00, 0x80]), payload]);
};

export interface WebmStream {
  /** The whole stream, and where each cluster starts in it (with its time). */
  bytes: Buffer;
  header: Buffer;
  clusters: { at: number; ms: number }[];
  /** Where the block of each second ends in bytes. */
  blockEnds: number[];
  /** The chunks, each with the recording time at its end. */
  chunks: { bytes: Buffer; endMs: number }[];
}

export function webmStream(seconds: number, { bytesPerSecond = 500, clusterMs = 10_000, shift = 7 } = {}): WebmStream {
  const parts: Buffer[] = [HEADER];
  const clusters: { at: number; ms: number }[] = [];
  const ends: number[] = [];
  let length = HEADER.length;
  for (let s = 0; s < seconds; s++) {
    if ((s * 1_000) % clusterMs === 0) {
      clusters.push({ at: length, ms: s * 1_000 });
      parts.push(cluster(s * 1_000));
      length += parts.at(-1)?.length ?? 0;
    }
    // Random sound, with the cluster ID's bytes never in it by chance.
    parts.push(block(Buffer.from(randomBytes(bytesPerSecond).map((b) => (b === 0x1f ? 0x20 : b)))));
    length += parts.at(-1)?.length ?? 0;
    ends.push(length);
  }
  const bytes = Buffer.concat(parts);
  // Chunk s ends shift bytes into second s + 1's sound: chunks never line up with elements.
  const chunks = ends
    .map((end, s) => ({
      start: s === 0 ? 0 : Math.min(bytes.length, (ends[s - 1] ?? 0) + shift),
      end: s === ends.length - 1 ? bytes.length : Math.min(bytes.length, end + shift),
      endMs: (s + 1) * 1_000,
    }))
    .map(({ start, end, endMs }) => ({ bytes: bytes.subarray(start, end), endMs }));
  return { bytes, header: HEADER, clusters, blockEnds: ends, chunks };
}
