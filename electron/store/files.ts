// The app's own files (the database, its -wal/-shm/-journal, the copies beside it, the backups folder,
// and whatever is registered later, such as a meeting's audio) and the one guard every write target
// passes: never one of them, compared by real path and by inode (so symlinks, hard links and letter
// case on case-insensitive disks do not slip through), and only a regular file is ever replaced.
import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join, parse, resolve } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { describeFsError } from '../fs-errors.ts';

const SIDE_FILES = ['-wal', '-shm', '-journal'];
const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';

interface Entry {
  path: string;
  /** A folder: everything inside it is protected too. */
  folder: boolean;
  what: string;
}

/** The real path of a path that may not exist yet: its deepest existing ancestor resolved, the rest appended. */
function realPath(path: string): string {
  const absolute = resolve(path);
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return join(realpathSync.native(at), ...rest.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return absolute;
      rest.push(basename(at));
      at = parent;
    }
  }
}

const sameText = (a: string, b: string) => (CASE_INSENSITIVE ? a.toLowerCase() === b.toLowerCase() : a === b);
const isInside = (path: string, folder: string) => {
  const prefix = folder.endsWith('/') || folder.endsWith('\\') ? folder : `${folder}${process.platform === 'win32' ? '\\' : '/'}`;
  return CASE_INSENSITIVE ? path.toLowerCase().startsWith(prefix.toLowerCase()) : path.startsWith(prefix);
};
const statOrNull = (path: string): Stats | null => {
  try {
    return statSync(path);
  } catch {
    return null;
  }
};
const listing = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};
const sameInode = (a: Stats | null, b: Stats | null) => a !== null && b !== null && a.ino !== 0 && a.dev === b.dev && a.ino === b.ino;

/** What a non-regular file is, in Vietnamese, or null for a regular file. */
export function describeKind(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'đường dẫn là một thư mục, không phải tệp';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'đây là một thiết bị của hệ thống, không phải tệp thông thường';
  if (stats.isFIFO()) return 'đây là một đường ống (FIFO), không phải tệp thông thường';
  if (stats.isSocket()) return 'đây là một socket, không phải tệp thông thường';
  return 'đây không phải là tệp thông thường';
}

export class AppFiles {
  private readonly entries: Entry[] = [];

  /** database: the store's file (':memory:' or '' protects nothing of its own); backupsDir: its backups folder. */
  constructor(database: string | null, backupsDir?: string) {
    if (database && database !== ':memory:') {
      this.entries.push({ path: database, folder: false, what: 'đây là cơ sở dữ liệu đang dùng của Biên Bản' });
      for (const suffix of SIDE_FILES)
        this.entries.push({ path: database + suffix, folder: false, what: 'đây là tệp đi kèm cơ sở dữ liệu đang dùng của Biên Bản' });
    }
    if (backupsDir) this.protectBackups(backupsDir);
  }

  /** A backups folder: the folder and every file in it. */
  protectBackups(dir: string): () => void {
    return this.protect(dir, { folder: true, what: 'đây là thư mục sao lưu tự động của Biên Bản' });
  }

  /** Protects one more file or folder (a meeting's audio, another backups folder); returns the undo. */
  protect(path: string, options: { folder?: boolean; what?: string } = {}): () => void {
    const entry = { path, folder: options.folder ?? false, what: options.what ?? 'đây là tệp đang được Biên Bản sử dụng' };
    this.entries.push(entry);
    return () => {
      const at = this.entries.indexOf(entry);
      if (at >= 0) this.entries.splice(at, 1);
    };
  }

  /** Why path is one of the app's own files (a Vietnamese clause), or null. */
  ownFile(path: string): string | null {
    const real = realPath(path);
    const stats = statOrNull(real);
    const database = this.entries[0] && !this.entries[0].folder ? this.entries[0] : null;
    for (const entry of this.entries) {
      const own = realPath(entry.path);
      if (entry.folder) {
        if (sameText(real, own) || isInside(real, own) || this.insideByInode(real, statOrNull(own))) return entry.what;
        // A hard link elsewhere to a file of the folder.
        if (stats && stats.nlink > 1 && listing(own).some((name) => sameInode(stats, statOrNull(join(own, name))))) return entry.what;
      } else if (sameText(real, own) || sameInode(stats, statOrNull(own))) {
        return entry.what;
      }
    }
    // The copies the store keeps beside itself: bien-ban.sqlite.before-v4-….sqlite, ….hong-….sqlite.
    if (database) {
      const own = realPath(database.path);
      const { dir, base } = parse(real);
      if (
        sameText(dir, dirname(own)) &&
        (CASE_INSENSITIVE ? base.toLowerCase() : base).startsWith(`${CASE_INSENSITIVE ? basename(own).toLowerCase() : basename(own)}.`)
      ) {
        return 'đây là bản sao an toàn Biên Bản giữ bên cạnh cơ sở dữ liệu';
      }
    }
    return null;
  }

  /** A folder reached another way (a bind mount, letter case): compared by inode along the path's ancestors. */
  private insideByInode(real: string, folder: Stats | null): boolean {
    if (!folder) return false;
    for (let at = real; ; at = dirname(at)) {
      if (sameInode(statOrNull(at), folder)) return true;
      if (dirname(at) === at) return false;
    }
  }

  /**
   * Checks a path the user chose to write to and returns where to write: never one of the app's own files,
   * only a regular file replaced (a symlink to one is followed), a missing file created in an existing folder.
   * context starts the message ("Không ghi được tệp …").
   */
  writeTarget(target: string, context: string, failure: 'FILE_WRITE_FAILED' | 'BACKUP_FAILED' = 'FILE_WRITE_FAILED'): string {
    const own = this.ownFile(target);
    if (own) throw new AppError('FILE_PROTECTED', `${context}: ${own}; hãy chọn tên tệp hoặc thư mục khác.`);
    let link: Stats | null = null;
    try {
      link = lstatSync(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new AppError(failure, `${context}: ${describeFsError(error)}.`, { cause: error });
    }
    if (!link) return resolve(target);
    let stats: Stats;
    try {
      stats = statSync(target);
    } catch (error) {
      // A symlink to nothing, or a loop: nothing that can be replaced safely.
      throw new AppError('FILE_NOT_REGULAR', `${context}: ${describeFsError(error)}.`, { cause: error });
    }
    const kind = describeKind(stats);
    if (kind) throw new AppError('FILE_NOT_REGULAR', `${context}: ${kind}.`);
    return link.isSymbolicLink() ? realPath(target) : resolve(target);
  }

  /** Refuses reading one of the live store's files as if it were a file of the user's (a backup to add). */
  assertNotOwn(path: string, context: string): void {
    const own = this.ownFile(path);
    if (own) throw new AppError('FILE_PROTECTED', `${context}: ${own}.`);
  }
}
