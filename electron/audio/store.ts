// A meeting's recordings: files beside the database (audio/<meeting id>/part-<n>.bba), written as the page
// sends chunks, listed with size and duration, read back whole or by a clip's stretch, deleted only when asked.
// The audio folder is registered with the file guard, so no export or backup is ever written over it.
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { AudioPart } from '../../shared/audio.ts';
import { describeFsError } from '../fs-errors.ts';
import type { AppFiles } from '../store/files.ts';
import { encodeFrameHeader, encodeHeader, frameContext, MAX_FRAME, scanPart, type Scan } from './format.ts';
import { readClip } from './clip.ts';
import { plainSealer, type ChunkSealer } from './sealer.ts';

/** A chunk's frame reaches the disk (fsync) at least this often in recording time: a crash loses less than this and a chunk. */
export const SYNC_EVERY_MS = 2_000;
const PART_NAME = /^part-(\d{1,6})\.bba$/;
const partName = (part: number) => `part-${String(part).padStart(3, '0')}.bba`;

interface Open {
  fd: number;
  path: string;
  sealer: ChunkSealer;
  headerBytes: Buffer;
  frames: number;
  endMs: number;
  syncedMs: number;
}

export interface AudioStoreOptions {
  /** The sealer a new part of this meeting is written with (plain unless the meeting is confidential and a key is known). */
  sealerFor?: (meetingId: number) => ChunkSealer;
  /** Every sealer a part may have been written with, to read it back. */
  sealers?: ChunkSealer[];
  /** The wall clock, in ms since the epoch. */
  now?: () => number;
}

const failed = (what: string, error: unknown) =>
  error instanceof AppError ? error : new AppError('FILE_WRITE_FAILED', `${what}: ${describeFsError(error)}.`, { cause: error });

export function createAudioStore(root: string, files: AppFiles, options: AudioStoreOptions = {}) {
  files.protect(root, { folder: true, what: 'đây là thư mục ghi âm của Biên Bản' });
  const sealerFor = options.sealerFor ?? (() => plainSealer);
  const sealers = [plainSealer, ...(options.sealers ?? [])];
  const now = options.now ?? Date.now;
  const open = new Map<string, Open>();
  const key = (meetingId: number, part: number) => `${meetingId}/${part}`;
  const meetingDir = (meetingId: number) => join(root, String(meetingId));

  /** The meeting's folder, created if missing; refused when something other than a real folder is in its place. */
  function ensureDir(meetingId: number): string {
    const dir = meetingDir(meetingId);
    mkdirSync(dir, { recursive: true });
    for (const path of [root, dir]) {
      const stats = lstatSync(path);
      if (!stats.isDirectory() || stats.isSymbolicLink()) {
        throw new AppError('FILE_NOT_REGULAR', 'Không ghi âm được: thư mục ghi âm đã bị thay bằng một thứ khác, không phải thư mục.');
      }
    }
    return dir;
  }

  function partsOnDisk(meetingId: number): number[] {
    let names: string[];
    try {
      names = readdirSync(meetingDir(meetingId));
    } catch {
      return [];
    }
    return names
      .flatMap((name) => {
        const match = PART_NAME.exec(name);
        return match ? [Number(match[1])] : [];
      })
      .sort((a, b) => a - b);
  }

  function scan(meetingId: number, part: number, verify = true): Scan {
    const path = join(meetingDir(meetingId), partName(part));
    let result: Scan | null;
    try {
      if (!statSync(path).isFile()) throw new AppError('FILE_NOT_REGULAR', 'Tệp ghi âm không phải là tệp thông thường.');
      result = scanPart(path, verify);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('NOT_FOUND', 'Không tìm thấy phần ghi âm này.');
      throw error instanceof AppError ? error : new AppError('FILE_UNREADABLE', `Không đọc được tệp ghi âm: ${describeFsError(error)}.`, { cause: error });
    }
    if (!result) throw new AppError('FILE_MALFORMED', 'Tệp ghi âm bị hỏng: không có phần đầu hợp lệ.');
    return result;
  }

  function describePart(meetingId: number, part: number): AudioPart {
    const { header, frames, validBytes } = scan(meetingId, part);
    return {
      meetingId,
      part,
      startedAt: header.startedAt,
      durationMs: frames.at(-1)?.endMs ?? 0,
      bytes: validBytes,
      sealed: header.sealerId !== plainSealer.id,
    };
  }

  function syncNow(state: Open): void {
    fsyncSync(state.fd);
    state.syncedMs = state.endMs;
  }

  return {
    root,
    /** Whether a part is being recorded now (the microphone is allowed only then). */
    isRecording: () => open.size > 0,
    /** Whether a part of this meeting is being recorded now. */
    isRecordingMeeting: (meetingId: number) => [...open.keys()].some((k) => k.startsWith(`${meetingId}/`)),
    /** The folder of the meeting's parts (it may not exist). */
    dirOf: meetingDir,

    /** Starts a new part of the meeting's recording, its header on disk before the first chunk. */
    start(meetingId: number): AudioPart {
      const dir = ensureDir(meetingId);
      const part = (partsOnDisk(meetingId).at(-1) ?? 0) + 1;
      const path = join(dir, partName(part));
      const sealer = sealerFor(meetingId);
      const headerBytes = encodeHeader({ sealerId: sealer.id, startedAt: now() });
      let fd: number;
      try {
        // 'wx': never an existing file, nor a link planted in its place.
        fd = openSync(path, 'wx');
        writeSync(fd, headerBytes);
        fsyncSync(fd);
      } catch (error) {
        throw failed('Không bắt đầu ghi âm được', error);
      }
      open.set(key(meetingId, part), { fd, path, sealer, headerBytes, frames: 0, endMs: 0, syncedMs: 0 });
      return { meetingId, part, startedAt: headerBytes.readDoubleLE(16), durationMs: 0, bytes: headerBytes.length, sealed: sealer.id !== plainSealer.id };
    },

    /** Appends one chunk; endMs is the recording time at its end. Synced to disk every SYNC_EVERY_MS of recording. */
    append(meetingId: number, part: number, chunk: Uint8Array, endMs: number): void {
      const state = open.get(key(meetingId, part));
      if (!state) throw new AppError('NOT_FOUND', 'Phần ghi âm này không còn đang ghi.');
      if (endMs < state.endMs) throw new AppError('INVALID_INPUT', 'Yêu cầu không hợp lệ: thời điểm của đoạn ghi âm lùi về trước.');
      const payload = state.sealer.seal(chunk, frameContext(state.headerBytes, state.frames));
      if (payload.length > MAX_FRAME) throw new AppError('INVALID_INPUT', 'Yêu cầu không hợp lệ: đoạn ghi âm quá lớn.');
      try {
        writeSync(state.fd, Buffer.concat([encodeFrameHeader(payload, endMs), payload]));
        state.frames += 1;
        state.endMs = endMs;
        if (state.endMs - state.syncedMs >= SYNC_EVERY_MS) syncNow(state);
      } catch (error) {
        throw failed('Không ghi được âm thanh', error);
      }
    },

    /** Ends a part: everything written reaches the disk. */
    stop(meetingId: number, part: number): AudioPart {
      const state = open.get(key(meetingId, part));
      if (!state) throw new AppError('NOT_FOUND', 'Phần ghi âm này không còn đang ghi.');
      open.delete(key(meetingId, part));
      try {
        syncNow(state);
      } finally {
        closeSync(state.fd);
      }
      return describePart(meetingId, part);
    },

    /** Every part of the meeting's recording, in order, with its size and duration (a torn tail not counted). */
    list(meetingId: number): AudioPart[] {
      return partsOnDisk(meetingId).flatMap((part) => {
        try {
          return [describePart(meetingId, part)];
        } catch {
          return [];
        }
      });
    },

    /** A part's sound as the page recorded it (WebM), every whole chunk opened; a torn last chunk is left out. */
    read(meetingId: number, part: number): Uint8Array {
      const { header, headerBytes, frames } = scan(meetingId, part);
      const sealer = sealers.find((s) => s.id === header.sealerId);
      if (!sealer) throw new AppError('FILE_UNREADABLE', 'Không mở được tệp ghi âm: tệp được mã hóa và chưa có khóa để mở.');
      const fd = openSync(join(meetingDir(meetingId), partName(part)), 'r');
      try {
        return Buffer.concat(
          frames.map((frame, index) => {
            const bytes = Buffer.alloc(frame.length);
            readSync(fd, bytes, 0, frame.length, frame.offset);
            try {
              return sealer.open(bytes, frameContext(headerBytes, index));
            } catch (error) {
              throw new AppError('FILE_MALFORMED', 'Tệp ghi âm bị hỏng hoặc bị sửa: không mở được.', { cause: error });
            }
          }),
        );
      } finally {
        closeSync(fd);
      }
    },

    /**
     * The sound of [fromMs, toMs) of a part, for playing that clip: the WebM header and the clusters around it
     * (electron/audio/clip.ts), read and opened without the rest of the part.
     */
    readRange(meetingId: number, part: number, fromMs: number, toMs: number): Uint8Array {
      const found = scan(meetingId, part, false);
      const sealer = sealers.find((s) => s.id === found.header.sealerId);
      if (!sealer) throw new AppError('FILE_UNREADABLE', 'Không mở được tệp ghi âm: tệp được mã hóa và chưa có khóa để mở.');
      return readClip(join(meetingDir(meetingId), partName(part)), found, sealer, fromMs, toMs);
    },

    /** A part's file as it is on disk up to its last whole frame (for a backup: a sealed part stays sealed). */
    fileOf(meetingId: number, part: number): Buffer {
      const { validBytes } = scan(meetingId, part);
      const bytes = Buffer.alloc(validBytes);
      const fd = openSync(join(meetingDir(meetingId), partName(part)), 'r');
      try {
        readSync(fd, bytes, 0, validBytes, 0);
      } finally {
        closeSync(fd);
      }
      return bytes;
    },

    /**
     * Adds a part from a backup (a part file's bytes; from: the sealers it may have been written with) as the
     * meeting's next part: each chunk opened and written again as this meeting's new parts are (sealed or
     * not, with this store's key), its start time kept. Nothing is left of it when it fails.
     */
    importPart(meetingId: number, bytes: Uint8Array, from: readonly ChunkSealer[]): AudioPart {
      const dir = ensureDir(meetingId);
      const part = (partsOnDisk(meetingId).at(-1) ?? 0) + 1;
      const target = join(dir, partName(part));
      const source = join(dir, `.import-${part}.tmp`);
      let fd: number | null = null;
      try {
        writeFileSync(source, bytes, { flag: 'wx' });
        const found = scanPart(source);
        if (!found) throw new AppError('FILE_MALFORMED', 'Bản ghi âm trong bản sao lưu bị hỏng: không có phần đầu hợp lệ.');
        const opener = [plainSealer, ...from].find((s) => s.id === found.header.sealerId);
        if (!opener) throw new AppError('FILE_UNREADABLE', 'Không mở được bản ghi âm trong bản sao lưu: chưa có khóa để mở.');
        const sealer = sealerFor(meetingId);
        const headerBytes = encodeHeader({ sealerId: sealer.id, startedAt: found.header.startedAt });
        const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        fd = openSync(target, 'wx');
        writeSync(fd, headerBytes);
        for (const [index, frame] of found.frames.entries()) {
          let chunk: Uint8Array;
          try {
            chunk = opener.open(input.subarray(frame.offset, frame.offset + frame.length), frameContext(found.headerBytes, index));
          } catch (error) {
            throw new AppError('FILE_MALFORMED', 'Bản ghi âm trong bản sao lưu bị hỏng hoặc bị sửa: không mở được.', { cause: error });
          }
          const payload = sealer.seal(chunk, frameContext(headerBytes, index));
          writeSync(fd, Buffer.concat([encodeFrameHeader(payload, frame.endMs), payload]));
        }
        fsyncSync(fd);
      } catch (error) {
        if (fd !== null) rmSync(target, { force: true });
        throw failed('Không khôi phục được bản ghi âm', error);
      } finally {
        if (fd !== null) closeSync(fd);
        rmSync(source, { force: true });
      }
      return describePart(meetingId, part);
    },

    /** Removes one part just imported (a restore that failed further on). */
    discardPart(meetingId: number, part: number): void {
      rmSync(join(meetingDir(meetingId), partName(part)), { force: true });
    },

    /** Deletes every part of the meeting's recording (asked for explicitly, never as a side effect). */
    remove(meetingId: number): number {
      if ([...open.keys()].some((k) => k.startsWith(`${meetingId}/`))) {
        throw new AppError('INVALID_INPUT', 'Đang ghi âm hội nghị này; hãy dừng ghi âm trước khi xóa.');
      }
      const count = partsOnDisk(meetingId).length;
      try {
        rmSync(meetingDir(meetingId), { recursive: true, force: true });
      } catch (error) {
        throw failed('Không xóa được bản ghi âm', error);
      }
      return count;
    },

    /** Ends every part still recording (the app quitting). */
    close(): void {
      for (const [k, state] of open) {
        open.delete(k);
        try {
          fsyncSync(state.fd);
        } finally {
          closeSync(state.fd);
        }
      }
    },
  };
}

export type AudioStore = ReturnType<typeof createAudioStore>;
