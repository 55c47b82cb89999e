// Writing files so that a failure never leaves a half-written or truncated target.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { describeFsError } from '../fs-errors.ts';
import type { AppFiles } from '../store/files.ts';

/**
 * Writes a file the user chose: the target is checked by the store's guard (never one of the app's own
 * files, only a regular file replaced), then written as a temporary file in the same folder, fsynced and
 * renamed over it, so a failure leaves the old file or the new one, never half of one.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array, files: AppFiles): void {
  const context = `Không ghi được tệp ${target}`;
  const path = files.writeTarget(target, context);
  // User-only (0600): an exported meeting or minutes may be confidential; the rename keeps the mode.
  replaceThroughTemp(path, join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`), data, context);
}

/** Writes one of the app's own small files (not a user's choice, so not through the guard): user-only, atomic. */
export function writePrivateFile(path: string, data: Uint8Array): void {
  replaceThroughTemp(path, `${path}.${randomBytes(6).toString('hex')}.tmp`, data, `Không ghi được tệp ${path}`);
}

/** data into temp (created user-only, fsynced), then renamed over path; on failure temp is removed and path untouched. */
function replaceThroughTemp(path: string, temp: string, data: string | Uint8Array, context: string): void {
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The folder itself refuses: nothing was left there.
    }
    throw new AppError('FILE_WRITE_FAILED', `${context}: ${describeFsError(error)}.`, { cause: error });
  }
}

/** Makes a rename in the folder of path durable (folders cannot be synced on Windows; renames are durable there). */
export function syncFolder(path: string): void {
  try {
    const fd = openSync(dirname(path), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not possible here: nothing more to do.
  }
}

/**
 * A file name made from user data: no path separators, reserved or control characters, no reserved
 * Windows names, at most 120 characters; diacritics are kept (NFC).
 */
export function safeFileName(text: string, extension: string): string {
  const base = text
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const cut = (base.length > 120 ? base.slice(0, 120).replace(/\s+\S*$/, '') : base).replace(/[\s.,;:-]+$/, '');
  const safe = !cut || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cut) ? 'Biên bản' : cut;
  return `${safe}.${extension}`;
}
