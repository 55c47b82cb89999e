// Hostile write targets: every export and backup pointed at the app's own files (the live database, its
// WAL, SHM and journal, the backups folder, the copies beside the database, by symlink, hard link or
// "..") or at something that is not a regular file (devices, FIFOs, sockets, folders, broken links) is
// refused with its Vietnamese message, and the database, its files and the target stay as they were.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hardLink, hashOf, hostileStore, special, type HostileStore, type Special } from '../support/hostile.ts';

interface Target {
  name: string;
  path: (h: HostileStore) => string | Promise<string>;
  code: string;
  message: RegExp;
}

const OWN = /: đây là cơ sở dữ liệu đang dùng của Biên Bản; hãy chọn tên tệp hoặc thư mục khác\.$/;
const SIDE = /: đây là tệp đi kèm cơ sở dữ liệu đang dùng của Biên Bản; hãy chọn/;
const BACKUPS = /: đây là thư mục sao lưu tự động của Biên Bản; hãy chọn/;
const COPY = /: đây là bản sao an toàn Biên Bản giữ bên cạnh cơ sở dữ liệu; hãy chọn/;
const specialTarget = (kind: Special, code: string, message: RegExp): Target => ({
  name: kind,
  path: (h) => special(h.dir, kind, 'bien-ban.docx'),
  code,
  message,
});

const FILE_TARGETS: Target[] = [
  { name: 'the live database', path: (h) => h.file, code: 'FILE_PROTECTED', message: OWN },
  { name: 'its WAL', path: (h) => `${h.file}-wal`, code: 'FILE_PROTECTED', message: SIDE },
  { name: 'its shared-memory file', path: (h) => `${h.file}-shm`, code: 'FILE_PROTECTED', message: SIDE },
  { name: 'its journal (not there now)', path: (h) => `${h.file}-journal`, code: 'FILE_PROTECTED', message: SIDE },
  { name: 'the database through ..', path: (h) => join(h.backups, '..', 'bien-ban.sqlite'), code: 'FILE_PROTECTED', message: OWN },
  {
    name: 'a symlink to the database',
    path: (h) => {
      const link = join(h.dir, 'lối-tắt.docx');
      symlinkSync(h.file, link);
      return link;
    },
    code: 'FILE_PROTECTED',
    message: OWN,
  },
  {
    name: 'a symlink to the WAL',
    path: (h) => {
      const link = join(h.dir, 'wal.json');
      symlinkSync(`${h.file}-wal`, link);
      return link;
    },
    code: 'FILE_PROTECTED',
    message: SIDE,
  },
  { name: 'a hard link to the database', path: (h) => hardLink(h.file, h.dir, 'cứng.docx'), code: 'FILE_PROTECTED', message: OWN },
  { name: 'a backup in the backups folder', path: (h) => join(h.backups, readdirSync(h.backups)[0] ?? ''), code: 'FILE_PROTECTED', message: BACKUPS },
  { name: 'a new file in the backups folder', path: (h) => join(h.backups, 'mới.docx'), code: 'FILE_PROTECTED', message: BACKUPS },
  { name: 'the backups folder itself', path: (h) => h.backups, code: 'FILE_PROTECTED', message: BACKUPS },
  {
    name: 'a new file through a symlink to the backups folder',
    path: (h) => {
      const link = join(h.dir, 'sao-luu');
      symlinkSync(h.backups, link);
      return join(link, 'x.docx');
    },
    code: 'FILE_PROTECTED',
    message: BACKUPS,
  },
  {
    name: 'a hard link to a backup',
    path: (h) => hardLink(join(h.backups, readdirSync(h.backups)[0] ?? ''), h.dir, 'bk.docx'),
    code: 'FILE_PROTECTED',
    message: BACKUPS,
  },
  {
    name: 'the copy taken before a migration',
    path: (h) => {
      const copy = `${h.file}.before-v5-2026-11-20T08-30-00-000Z.sqlite`;
      copyFileSync(h.file, copy);
      return copy;
    },
    code: 'FILE_PROTECTED',
    message: COPY,
  },
  {
    name: 'a damaged database set aside',
    path: (h) => {
      const copy = `${h.file}.hong-2026-11-20.sqlite`;
      writeFileSync(copy, 'hỏng');
      return copy;
    },
    code: 'FILE_PROTECTED',
    message: COPY,
  },
  { name: '/dev/null', path: () => '/dev/null', code: 'FILE_NOT_REGULAR', message: /: đây là một thiết bị của hệ thống, không phải tệp thông thường\.$/ },
  specialTarget('char-device', 'FILE_NOT_REGULAR', /thiết bị của hệ thống/),
  specialTarget('symlink-to-device', 'FILE_NOT_REGULAR', /thiết bị của hệ thống/),
  specialTarget('fifo', 'FILE_NOT_REGULAR', /: đây là một đường ống \(FIFO\), không phải tệp thông thường\.$/),
  specialTarget('socket', 'FILE_NOT_REGULAR', /: đây là một socket, không phải tệp thông thường\.$/),
  specialTarget('directory', 'FILE_NOT_REGULAR', /: đường dẫn là một thư mục, không phải tệp\.$/),
  specialTarget('dangling-symlink', 'FILE_NOT_REGULAR', /: tệp hoặc thư mục không tồn tại\.$/),
  specialTarget('symlink-loop', 'FILE_NOT_REGULAR', /: đường dẫn có liên kết tượng trưng \(symlink\) vòng quanh/),
  specialTarget('name-too-long', 'FILE_WRITE_FAILED', /: tên tệp hoặc đường dẫn quá dài\.$/),
  specialTarget('not-a-directory', 'FILE_WRITE_FAILED', /: một phần của đường dẫn không phải là thư mục\.$/),
  specialTarget('missing-folder', 'FILE_WRITE_FAILED', /: tệp hoặc thư mục không tồn tại\.$/),
];

const WRITERS = [
  { name: 'meeting file', call: (h: HostileStore) => h.call('exportMeetingFile', { id: 1 }) },
  { name: 'minutes', call: (h: HostileStore) => h.call('exportDocument', { meetingId: 1, kind: 'minutes' }) },
  { name: 'notice', call: (h: HostileStore) => h.call('exportDocument', { meetingId: 1, kind: 'notice' }) },
];

export const WRITE_CASES = FILE_TARGETS.length * WRITERS.length;

describe.each(WRITERS)('export of the $name', (writer) => {
  it.each(FILE_TARGETS)('to $name: refused, nothing changed', async (target) => {
    const h = hostileStore();
    const path = await target.path(h);
    const before = h.state();
    const targetBefore = hashOf(path);
    const folder = readdirSync(h.dir).sort();
    h.answer.save = path;
    const result = await writer.call(h);
    expect(result).toMatchObject({ ok: false, error: { code: target.code, message: expect.stringMatching(target.message) } });
    expect(result.error?.message).toMatch(/^Không ghi được tệp /);
    expect(h.state()).toEqual(before);
    if (!path.startsWith('/dev/')) expect(hashOf(path)).toBe(targetBefore);
    // No temporary file left beside it.
    expect(readdirSync(h.dir).sort()).toEqual(folder);
  });

  it('to a regular file: replaced; through a symlink: the file it points to, the link kept', async () => {
    const h = hostileStore();
    const plain = join(h.dir, 'cũ.docx');
    writeFileSync(plain, 'bản cũ');
    h.answer.save = plain;
    expect(await writer.call(h)).toMatchObject({ ok: true });
    expect(readFileSync(plain, 'utf8')).not.toBe('bản cũ');
    const real = join(h.dir, 'thật.docx');
    writeFileSync(real, 'bản cũ');
    const link = join(h.dir, 'liên-kết.docx');
    symlinkSync(real, link);
    h.answer.save = link;
    expect(await writer.call(h)).toMatchObject({ ok: true });
    expect(readFileSync(real, 'utf8')).not.toBe('bản cũ');
    expect(readdirSync(h.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

interface FolderTarget {
  name: string;
  folder: (h: HostileStore) => string | Promise<string>;
  code: string;
  message: RegExp;
}
const FOLDER_TARGETS: FolderTarget[] = [
  { name: 'the backups folder', folder: (h) => h.backups, code: 'FILE_PROTECTED', message: BACKUPS },
  {
    name: 'a folder inside the backups folder',
    folder: (h) => {
      const inner = join(h.backups, 'con');
      mkdirSync(inner);
      return inner;
    },
    code: 'FILE_PROTECTED',
    message: BACKUPS,
  },
  {
    name: 'a symlink to the backups folder',
    folder: (h) => {
      const link = join(h.dir, 'usb');
      symlinkSync(h.backups, link);
      return link;
    },
    code: 'FILE_PROTECTED',
    message: BACKUPS,
  },
  { name: 'the backups folder through ..', folder: (h) => join(h.dir, 'x', '..', 'backups'), code: 'FILE_PROTECTED', message: BACKUPS },
  { name: 'the database file as a folder', folder: (h) => h.file, code: 'BACKUP_FAILED', message: /: một phần của đường dẫn không phải là thư mục\.$/ },
  { name: '/dev/null as a folder', folder: () => '/dev/null', code: 'BACKUP_FAILED', message: /không phải là thư mục/ },
  { name: 'a FIFO as a folder', folder: (h) => special(h.dir, 'fifo'), code: 'BACKUP_FAILED', message: /không phải là thư mục/ },
  { name: 'a folder name too long', folder: (h) => join(h.dir, 'dài'.repeat(200)), code: 'BACKUP_FAILED', message: /quá dài/ },
];

describe('backup to a folder', () => {
  it.each(FOLDER_TARGETS)('into $name: refused, nothing written', async (target) => {
    const h = hostileStore();
    const folder = await target.folder(h);
    const before = h.state();
    const backups = readdirSync(h.backups).sort();
    h.answer.folder = folder;
    const result = await h.call('backupNow');
    expect(result).toMatchObject({ ok: false, error: { code: target.code, message: expect.stringMatching(target.message) } });
    expect(result.error?.message).toMatch(/^Không sao lưu được vào /);
    expect(h.state()).toEqual(before);
    expect(readdirSync(h.backups).sort()).toEqual(backups);
  });

  it('into an ordinary folder: a new file, the database unchanged', async () => {
    const h = hostileStore();
    const usb = join(h.dir, 'usb');
    mkdirSync(usb);
    const before = h.state();
    h.answer.folder = usb;
    const result = await h.call('backupNow');
    expect(result).toMatchObject({ ok: true });
    expect(readdirSync(usb)).toHaveLength(1);
    expect(h.state()).toEqual(before);
  });
});

const SOURCES: { name: string; path: (h: HostileStore) => string | Promise<string>; code: string; message: RegExp }[] = [
  {
    name: 'the live database',
    path: (h) => h.file,
    code: 'FILE_PROTECTED',
    message: /^Không mở được tệp này làm bản sao lưu: đây là cơ sở dữ liệu đang dùng của Biên Bản\.$/,
  },
  { name: 'its WAL', path: (h) => `${h.file}-wal`, code: 'FILE_PROTECTED', message: /tệp đi kèm cơ sở dữ liệu đang dùng/ },
  {
    name: 'a symlink to the live database',
    path: (h) => {
      const link = join(h.dir, 'usb.sqlite');
      symlinkSync(h.file, link);
      return link;
    },
    code: 'FILE_PROTECTED',
    message: /cơ sở dữ liệu đang dùng/,
  },
  { name: 'a hard link to the live database', path: (h) => hardLink(h.file, h.dir, 'usb.sqlite'), code: 'FILE_PROTECTED', message: /cơ sở dữ liệu đang dùng/ },
  {
    name: 'a file of the backups folder',
    path: (h) => join(h.backups, readdirSync(h.backups)[0] ?? ''),
    code: 'FILE_PROTECTED',
    message: /thư mục sao lưu tự động/,
  },
];

describe('a backup file to add', () => {
  it.each(SOURCES)('$name: refused, nothing written', async (source) => {
    const h = hostileStore();
    h.answer.open = await source.path(h);
    const before = h.state();
    const backups = readdirSync(h.backups).sort();
    expect(await h.call('addBackupFile')).toMatchObject({ ok: false, error: { code: source.code, message: expect.stringMatching(source.message) } });
    expect(h.state()).toEqual(before);
    expect(readdirSync(h.backups).sort()).toEqual(backups);
    expect(existsSync(h.file)).toBe(true);
  });
});

export const FOLDER_CASES = FOLDER_TARGETS.length + SOURCES.length;
