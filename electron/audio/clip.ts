// Opening a clip without reading its whole part: the frames covering [fromMs, toMs) (and the first frames, for
// the WebM header) are read and opened, their CRC checked; the sound handed over is the recording's WebM header
// followed by its clusters from the last one that starts before fromMs, which a MediaSource plays at the
// recording's own times. Only those frames are decrypted in a sealed part, so the cost follows the clip.
import { closeSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { AppError } from '../../shared/errors.ts';
import { frameContext, type Frame, type Scan } from './format.ts';
import type { ChunkSealer } from './sealer.ts';

const CLUSTER = Buffer.from([0x1f, 0x43, 0xb6, 0x75]);
const TIMECODE = 0xe7;
/**
 * How far before fromMs reading starts: a cluster's blocks are timed within ±32.767 s of its own time, so one
 * starts at least that often; the rest allows for the page's chunk times running a little apart from the muxer's.
 */
export const CLUSTER_REACH_MS = 40_000;

/** Where the first WebM Cluster (its ID, a size, then its Timecode) starts in bytes at or after from; -1 if none. */
export function findCluster(bytes: Buffer, from = 0): number {
  for (let at = bytes.indexOf(CLUSTER, from); at >= 0; at = bytes.indexOf(CLUSTER, at + 1)) {
    const first = bytes[at + 4];
    if (first === undefined || first === 0) continue;
    const sizeLength = Math.clz32(first) - 23;
    if (bytes[at + 4 + sizeLength] === TIMECODE) return at;
  }
  return -1;
}

export function readClip(path: string, scan: Scan, sealer: ChunkSealer, fromMs: number, toMs: number): Buffer {
  const { frames, headerBytes } = scan;
  const fd = openSync(path, 'r');
  try {
    const opened = (index: number, frame: Frame) => {
      const bytes = Buffer.alloc(frame.length);
      readSync(fd, bytes, 0, frame.length, frame.offset);
      if (crc32(bytes) !== frame.crc) throw new AppError('FILE_MALFORMED', 'Tệp ghi âm bị hỏng: một đoạn không đúng mã kiểm tra.');
      try {
        return Buffer.from(sealer.open(bytes, frameContext(headerBytes, index)));
      } catch (error) {
        throw new AppError('FILE_MALFORMED', 'Tệp ghi âm bị hỏng hoặc bị sửa: không mở được.', { cause: error });
      }
    };
    const join = (from: number, to: number) => Buffer.concat(frames.slice(from, to).map((frame, i) => opened(from + i, frame)));

    // The header: everything before the first cluster (in the first chunk, as MediaRecorder writes it).
    let head = Buffer.alloc(0);
    let headFrames = 0;
    let headEnd = -1;
    while (headEnd < 0 && headFrames < frames.length) {
      head = Buffer.concat([head, opened(headFrames, frames[headFrames] as Frame)]);
      headFrames += 1;
      headEnd = findCluster(head);
    }
    if (headEnd < 0) throw new AppError('FILE_MALFORMED', 'Tệp ghi âm bị hỏng: không thấy âm thanh WebM trong đó.');

    // A chunk holds the sound up to its endMs: the first one read ends CLUSTER_REACH_MS before fromMs.
    const reach = fromMs - CLUSTER_REACH_MS;
    const after = frames.findIndex((frame) => frame.endMs > reach);
    const first = after < 0 ? frames.length - 1 : Math.max(0, after - 1);
    const past = frames.findIndex((frame) => frame.endMs >= toMs);
    const last = Math.max(first + 1, past < 0 ? frames.length : past + 1);
    if (first < headFrames) return Buffer.concat([head, join(headFrames, last)]);
    const body = join(first, last);
    const cluster = findCluster(body);
    if (cluster < 0) return Buffer.concat([head, join(headFrames, last)]);
    return Buffer.concat([head.subarray(0, headEnd), body.subarray(cluster)]);
  } finally {
    closeSync(fd);
  }
}
