// The one way the app reads a file the user picked (meeting files, attendee lists, backups, Word files
// later): only a regular file (no device, pipe or socket, also behind a symlink), its size checked
// before anything is read, and never more than the cap read even if the file grows meanwhile.
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { AppError, type ErrorCode } from '../../shared/errors.ts';
import { describeFsError } from '../fs-errors.ts';
import { describeKind } from '../store/files.ts';

export interface ReadLimits {
  /** Largest size accepted, in bytes; or the limit told by the file's first bytes (a sealed file's). */
  maxBytes: number | ((head: Buffer) => number);
  /** Starts every message: "Không đọc được tệp hội nghị a.json". */
  context: string;
}

const megabytes = (bytes: number) => `${(bytes / 1048576).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
// Opening a FIFO for reading would wait for a writer; O_NONBLOCK makes it return at once (not on Windows).
const NONBLOCK = process.platform === 'win32' ? 0 : constants.O_NONBLOCK;

function refuse(code: ErrorCode, context: string, reason: string, cause?: unknown): AppError {
  return new AppError(code, `${context}: ${reason}.`, cause === undefined ? undefined : { cause });
}

const HEAD_BYTES = 256;

function head(fd: number): Buffer {
  const bytes = Buffer.alloc(HEAD_BYTES);
  return bytes.subarray(0, readSync(fd, bytes, 0, HEAD_BYTES, 0));
}

/** The file's bytes, or an AppError (FILE_UNREADABLE, FILE_NOT_REGULAR, FILE_TOO_LARGE) in Vietnamese. */
export function readFileBounded(path: string, { maxBytes, context }: ReadLimits): Buffer {
  let fd: number;
  try {
    // Checked before opening, so that a FIFO or a device is never opened at all.
    const kind = describeKind(statSync(path));
    if (kind) throw refuse('FILE_NOT_REGULAR', context, kind);
    fd = openSync(path, constants.O_RDONLY | NONBLOCK);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('FILE_UNREADABLE', context, describeFsError(error), error);
  }
  try {
    const stats = fstatSync(fd);
    const kind = describeKind(stats);
    if (kind) throw refuse('FILE_NOT_REGULAR', context, kind);
    const limit = typeof maxBytes === 'number' ? maxBytes : maxBytes(head(fd));
    if (stats.size > limit) throw refuse('FILE_TOO_LARGE', context, `tệp lớn hơn giới hạn ${megabytes(limit)} (${megabytes(stats.size)})`);
    // One byte more than announced: a file that grows while being read is refused, not cut.
    const buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > stats.size) throw refuse('FILE_UNREADABLE', context, 'tệp đang bị thay đổi trong khi đọc; hãy thử lại');
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw refuse('FILE_UNREADABLE', context, describeFsError(error), error);
  } finally {
    closeSync(fd);
  }
}
