// One part of a meeting's recording on disk: a fixed header (magic, sealer, wall-clock start), then one
// frame per chunk the page sent: [payload length u32][recording time at the chunk's end, ms u32][CRC-32
// of the payload u32][payload]. A frame cut short by a crash, or one whose CRC or time is wrong, ends the
// part: everything before it is kept, it and what follows are dropped.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export const MAGIC = Buffer.from('BBAUDIO1', 'latin1');
export const HEADER_SIZE = 32;
export const FRAME_HEADER_SIZE = 12;
/** The largest frame a part may hold (a chunk sealed, with room for the sealer's IV and tag). */
export const MAX_FRAME = 2 * 1024 * 1024;

export interface PartHeader {
  sealerId: number;
  /** Wall-clock time (ms since the epoch) when the part's recording started. */
  startedAt: number;
}

export interface Frame {
  /** Where the payload starts in the file. */
  offset: number;
  length: number;
  /** Recording time at the end of this chunk, in ms from the part's start. */
  endMs: number;
  /** The CRC-32 its header claims for the payload. */
  crc: number;
}

export interface Scan {
  header: PartHeader;
  headerBytes: Buffer;
  frames: Frame[];
  /** Bytes kept: the header and every whole frame. */
  validBytes: number;
  /** Bytes after the last whole frame (a torn or damaged tail), ignored. */
  droppedBytes: number;
}

export function encodeHeader(header: PartHeader): Buffer {
  const bytes = Buffer.alloc(HEADER_SIZE);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt8(header.sealerId, 8);
  bytes.writeDoubleLE(header.startedAt, 16);
  return bytes;
}

export function decodeHeader(bytes: Buffer): PartHeader | null {
  if (bytes.length < HEADER_SIZE || !bytes.subarray(0, 8).equals(MAGIC)) return null;
  const startedAt = bytes.readDoubleLE(16);
  if (!Number.isFinite(startedAt) || startedAt < 0) return null;
  return { sealerId: bytes.readUInt8(8), startedAt };
}

export function encodeFrameHeader(payload: Uint8Array, endMs: number): Buffer {
  const bytes = Buffer.alloc(FRAME_HEADER_SIZE);
  bytes.writeUInt32LE(payload.length, 0);
  bytes.writeUInt32LE(endMs, 4);
  bytes.writeUInt32LE(crc32(payload), 8);
  return bytes;
}

/** What binds a frame to its part and place (the sealer's associated data). */
export function frameContext(headerBytes: Buffer, index: number): Buffer {
  const at = Buffer.alloc(4);
  at.writeUInt32LE(index, 0);
  return Buffer.concat([headerBytes, at]);
}

/**
 * Reads a part's header and the place of every whole frame (payloads are read, for their CRC, not kept).
 * verify false: only the frames' headers are read (their CRC is then checked by whoever reads a payload).
 */
export function scanPart(path: string, verify = true): Scan | null {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const headerBytes = Buffer.alloc(HEADER_SIZE);
    if (readSync(fd, headerBytes, 0, HEADER_SIZE, 0) < HEADER_SIZE) return null;
    const header = decodeHeader(headerBytes);
    if (!header) return null;
    const frames: Frame[] = [];
    const frameHeader = Buffer.alloc(FRAME_HEADER_SIZE);
    let payload = Buffer.alloc(64 * 1024);
    let at = HEADER_SIZE;
    let lastEnd = 0;
    while (at + FRAME_HEADER_SIZE <= size) {
      readSync(fd, frameHeader, 0, FRAME_HEADER_SIZE, at);
      const length = frameHeader.readUInt32LE(0);
      const endMs = frameHeader.readUInt32LE(4);
      if (length === 0 || length > MAX_FRAME || at + FRAME_HEADER_SIZE + length > size || endMs < lastEnd) break;
      const crc = frameHeader.readUInt32LE(8);
      if (verify) {
        if (payload.length < length) payload = Buffer.alloc(length);
        readSync(fd, payload, 0, length, at + FRAME_HEADER_SIZE);
        if (crc32(payload.subarray(0, length)) !== crc) break;
      }
      frames.push({ offset: at + FRAME_HEADER_SIZE, length, endMs, crc });
      lastEnd = endMs;
      at += FRAME_HEADER_SIZE + length;
    }
    return { header, headerBytes, frames, validBytes: at, droppedBytes: size - at };
  } finally {
    closeSync(fd);
  }
}
