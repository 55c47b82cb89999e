// Reads a write-ahead log (the database's -wal file) the way SQLite does on opening, without SQLite:
// SQLite silently drops every frame after the first one whose checksum fails, and with them any later
// committed transaction. Here such a loss is counted, so that the user is told before it happens.
// Format: https://sqlite.org/fileformat2.html#walformat (hand-written: no library reads it).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const HEADER = 32;
const FRAME_HEADER = 24;

export interface WalReport {
  /** Whole frames in the file. */
  frames: number;
  /** Frames SQLite will use: up to the last valid commit. */
  usable: number;
  /** Committed transactions in the file that SQLite will drop because an earlier frame is damaged. */
  lostCommits: number;
}

function checksum(bytes: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s1, s2] = s;
  for (let i = 0; i + 8 <= bytes.length; i += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const x1 = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s1 = (s1 + x0 + s2) >>> 0;
    s2 = (s2 + x1 + s1) >>> 0;
  }
  return [s1, s2];
}

/** What opening the database will make of its WAL; null when there is no WAL or it holds no frame. */
export function inspectWal(walPath: string): WalReport | null {
  let fd: number;
  try {
    fd = openSync(walPath, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    if (size < HEADER) return null;
    const header = Buffer.alloc(HEADER);
    readSync(fd, header, 0, HEADER, 0);
    const magic = header.readUInt32BE(0);
    const pageSize = header.readUInt32BE(8);
    const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
    if ((magic !== 0x377f0682 && magic !== 0x377f0683) || !validPageSize) return null;
    const bigEndian = (magic & 1) === 1;
    const salt = [header.readUInt32BE(16), header.readUInt32BE(20)];
    let sum = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    let intact = sum[0] === header.readUInt32BE(24) && sum[1] === header.readUInt32BE(28);
    const frameSize = FRAME_HEADER + pageSize;
    const frames = Math.floor((size - HEADER) / frameSize);
    const frame = Buffer.alloc(frameSize);
    let usable = 0;
    let lostCommits = 0;
    for (let n = 0; n < frames; n++) {
      readSync(fd, frame, 0, frameSize, HEADER + n * frameSize);
      const sameSalt = frame.readUInt32BE(8) === salt[0] && frame.readUInt32BE(12) === salt[1];
      // Frames of an earlier generation of the log (before a checkpoint restarted it) are not ours.
      if (!sameSalt) {
        if (intact) intact = false;
        continue;
      }
      const commit = frame.readUInt32BE(4) !== 0;
      if (intact) {
        sum = checksum(Buffer.concat([frame.subarray(0, 8), frame.subarray(FRAME_HEADER)]), bigEndian, sum);
        intact = sum[0] === frame.readUInt32BE(16) && sum[1] === frame.readUInt32BE(20);
        if (intact && commit) usable = n + 1;
        if (intact) continue;
      }
      if (commit) lostCommits++;
    }
    return { frames, usable, lostCommits };
  } finally {
    closeSync(fd);
  }
}
