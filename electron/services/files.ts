// Writing files so that a failure never leaves a half-written or truncated target.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';

export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new AppError('FILE_WRITE_FAILED', `Không ghi được tệp ${target}: ${describeFsError(error)}.`, { cause: error });
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'tệp hoặc thư mục không tồn tại';
    case 'EACCES':
    case 'EPERM': return 'không có quyền ghi hoặc tệp đang được mở bởi chương trình khác';
    case 'EBUSY': return 'tệp đang được mở bởi chương trình khác';
    case 'ENOSPC': return 'ổ đĩa đã đầy';
    case 'EROFS': return 'ổ đĩa chỉ cho phép đọc';
    case 'EISDIR': return 'đường dẫn là một thư mục';
    default: return 'lỗi hệ thống tệp';
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
