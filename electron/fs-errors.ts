// Every file-system failure a user can cause, in Vietnamese: the one place that turns an errno (or an
// SQLite result code about the file) into words.

const MESSAGES: Record<string, string> = {
  ENOENT: 'tệp hoặc thư mục không tồn tại',
  ENOTDIR: 'một phần của đường dẫn không phải là thư mục',
  ENAMETOOLONG: 'tên tệp hoặc đường dẫn quá dài',
  EACCES: 'không có quyền truy cập tệp hoặc thư mục này (hoặc tệp đang được chương trình khác mở)',
  EPERM: 'hệ điều hành không cho phép thao tác này (không có quyền, hoặc tệp đang được chương trình khác mở)',
  EBUSY: 'tệp đang được mở bởi chương trình khác',
  ETXTBSY: 'tệp đang được mở bởi chương trình khác',
  ENOSPC: 'ổ đĩa đã đầy',
  EDQUOT: 'đã hết dung lượng được cấp trên ổ đĩa',
  EFBIG: 'tệp quá lớn so với ổ đĩa (ổ USB định dạng FAT32 chỉ nhận tệp dưới 4 GB)',
  EROFS: 'ổ đĩa chỉ cho phép đọc',
  EISDIR: 'đường dẫn là một thư mục, không phải tệp',
  ENOTEMPTY: 'thư mục không trống',
  EEXIST: 'tệp đã tồn tại',
  ELOOP: 'đường dẫn có liên kết tượng trưng (symlink) vòng quanh hoặc lồng nhau quá nhiều',
  EMFILE: 'có quá nhiều tệp đang mở; hãy đóng bớt chương trình rồi thử lại',
  ENFILE: 'có quá nhiều tệp đang mở; hãy đóng bớt chương trình rồi thử lại',
  EIO: 'lỗi đọc ghi ổ đĩa (ổ đĩa hoặc USB có thể bị hỏng hoặc đã bị rút ra)',
  ENXIO: 'thiết bị không tồn tại hoặc đã bị rút ra',
  ENODEV: 'thiết bị không tồn tại hoặc đã bị rút ra',
  EXDEV: 'không chuyển được tệp sang ổ đĩa khác',
  EINVAL: 'tên tệp hoặc đường dẫn không hợp lệ',
  EAGAIN: 'tệp tạm thời không đọc được; hãy thử lại',
  ECONNRESET: 'ổ đĩa mạng bị ngắt kết nối',
  // SQLite's result codes about the file under the database.
  SQLITE_READONLY: 'tệp hoặc thư mục chỉ cho phép đọc',
  SQLITE_READONLY_DIRECTORY: 'thư mục chứa cơ sở dữ liệu chỉ cho phép đọc',
  SQLITE_READONLY_RECOVERY: 'tệp hoặc thư mục chỉ cho phép đọc',
  SQLITE_READONLY_CANTINIT: 'tệp hoặc thư mục chỉ cho phép đọc',
  SQLITE_READONLY_DBMOVED: 'tệp cơ sở dữ liệu đã bị di chuyển hoặc đổi tên khi đang mở',
  SQLITE_FULL: 'ổ đĩa đã đầy',
  SQLITE_IOERR_WRITE: 'ổ đĩa đã đầy hoặc không ghi được',
  SQLITE_IOERR_FSYNC: 'ổ đĩa không ghi được dữ liệu xuống đĩa',
  SQLITE_IOERR_SHMSIZE: 'ổ đĩa đã đầy (không tạo được tệp chỉ mục -shm của cơ sở dữ liệu)',
  SQLITE_IOERR_SHMOPEN: 'không tạo được tệp chỉ mục -shm của cơ sở dữ liệu (thư mục chỉ cho phép đọc hoặc không có quyền)',
  SQLITE_IOERR_TRUNCATE: 'ổ đĩa đã đầy hoặc không ghi được',
  SQLITE_CANTOPEN: 'không mở được tệp (không có quyền, hoặc thư mục không tồn tại hay chỉ cho phép đọc)',
  SQLITE_PERM: 'không có quyền truy cập tệp',
  SQLITE_BUSY: 'cơ sở dữ liệu đang được một chương trình khác dùng',
  SQLITE_LOCKED: 'cơ sở dữ liệu đang được một chương trình khác dùng',
  SQLITE_NOTADB: 'tệp không phải là cơ sở dữ liệu',
  SQLITE_CORRUPT: 'tệp bị hỏng',
};

/** The error's code: an errno name (ENOSPC) or an SQLite code (SQLITE_FULL); '' for anything else. */
export function fsErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : '';
}

/** Whether an error says the disk or the folder cannot be written (full, read-only, no permission). */
export function isWriteRefused(error: unknown): boolean {
  const code = fsErrorCode(error);
  return /^(EACCES|EPERM|EROFS|ENOSPC|EDQUOT|SQLITE_READONLY.*|SQLITE_FULL|SQLITE_CANTOPEN|SQLITE_PERM|SQLITE_IOERR_(WRITE|FSYNC|SHMSIZE|SHMOPEN|TRUNCATE))$/.test(
    code,
  );
}

/** Why a file operation failed, as a Vietnamese clause (to follow "Không ghi được tệp …: "). */
export function describeFsError(error: unknown): string {
  const code = fsErrorCode(error);
  const known =
    MESSAGES[code] ?? (code.startsWith('SQLITE_IOERR') ? 'lỗi đọc ghi ổ đĩa' : code.startsWith('SQLITE_READONLY') ? MESSAGES.SQLITE_READONLY : undefined);
  if (known) return known;
  return code ? `lỗi hệ thống tệp (${code})` : 'lỗi hệ thống tệp';
}
