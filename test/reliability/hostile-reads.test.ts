// Hostile input files: whatever the user picks to read (a meeting file, an attendee list in CSV or
// Excel, a backup) that is not a regular file — a FIFO, a socket, a folder, a device behind a symlink —
// or cannot be reached is refused before anything is read, with its Vietnamese message, and nothing is
// written. None of these blocks: a FIFO is never opened.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostileStore, special, type HostileStore, type Special } from '../support/hostile.ts';

const READERS = [
  { name: 'meeting file', file: 'hoi-nghi.json', channel: 'importMeetingFile', context: /^Không đọc được tệp hội nghị [^:]+: / },
  { name: 'attendee list (CSV)', file: 'dai-bieu.csv', channel: 'readAttendeeFile', context: /^Không đọc được danh sách đại biểu từ tệp [^:]+: / },
  { name: 'attendee list (Excel)', file: 'dai-bieu.xlsx', channel: 'readAttendeeFile', context: /^Không đọc được danh sách đại biểu từ tệp [^:]+: / },
  { name: 'backup file', file: 'sao-luu.sqlite', channel: 'addBackupFile', context: /^Không đọc được bản sao lưu: / },
];

type Make = (h: HostileStore, name: string) => string | Promise<string>;
const linkTo =
  (target: string): Make =>
  (h, name) => {
    const path = join(h.dir, `link-${name}`);
    symlinkSync(target, path);
    return path;
  };
const kind =
  (k: Special): Make =>
  (h, name) =>
    special(h.dir, k, name);

const INPUTS: { name: string; make: Make; code: string; reason: RegExp }[] = [
  { name: 'a FIFO', make: kind('fifo'), code: 'FILE_NOT_REGULAR', reason: /đây là một đường ống \(FIFO\), không phải tệp thông thường\.$/ },
  {
    name: 'a symlink to a FIFO',
    make: async (h, name) => linkTo(await special(h.dir, 'fifo', `x-${name}`))(h, name),
    code: 'FILE_NOT_REGULAR',
    reason: /đường ống \(FIFO\)/,
  },
  { name: 'a socket', make: kind('socket'), code: 'FILE_NOT_REGULAR', reason: /đây là một socket, không phải tệp thông thường\.$/ },
  { name: 'a folder', make: kind('directory'), code: 'FILE_NOT_REGULAR', reason: /đường dẫn là một thư mục, không phải tệp\.$/ },
  {
    name: 'a symlink to /dev/urandom',
    make: linkTo('/dev/urandom'),
    code: 'FILE_NOT_REGULAR',
    reason: /đây là một thiết bị của hệ thống, không phải tệp thông thường\.$/,
  },
  { name: 'a symlink to /dev/zero', make: linkTo('/dev/zero'), code: 'FILE_NOT_REGULAR', reason: /thiết bị của hệ thống/ },
  { name: 'a symlink to /dev/null', make: linkTo('/dev/null'), code: 'FILE_NOT_REGULAR', reason: /thiết bị của hệ thống/ },
  {
    name: 'a symlink to a folder',
    make: async (h, name) => linkTo(await special(h.dir, 'directory', `d-${name}`))(h, name),
    code: 'FILE_NOT_REGULAR',
    reason: /thư mục, không phải tệp/,
  },
  { name: 'a broken symlink', make: kind('dangling-symlink'), code: 'FILE_UNREADABLE', reason: /tệp hoặc thư mục không tồn tại\.$/ },
  { name: 'a symlink loop', make: kind('symlink-loop'), code: 'FILE_UNREADABLE', reason: /liên kết tượng trưng \(symlink\) vòng quanh/ },
  { name: 'a name too long', make: kind('name-too-long'), code: 'FILE_UNREADABLE', reason: /tên tệp hoặc đường dẫn quá dài\.$/ },
  { name: 'a file as a folder in the path', make: kind('not-a-directory'), code: 'FILE_UNREADABLE', reason: /một phần của đường dẫn không phải là thư mục\.$/ },
  { name: 'a missing folder', make: kind('missing-folder'), code: 'FILE_UNREADABLE', reason: /tệp hoặc thư mục không tồn tại\.$/ },
];

export const READ_CASES = READERS.length * INPUTS.length;

describe.each(READERS)('reading a $name', (reader) => {
  it.each(INPUTS)('from $name: refused before reading, nothing written', async (input) => {
    const h = hostileStore();
    h.answer.open = await input.make(h, reader.file);
    const before = h.state();
    const result = await h.call(reader.channel);
    expect(result).toMatchObject({ ok: false, error: { code: input.code } });
    expect(result.error?.message).toMatch(reader.context);
    expect(result.error?.message).toMatch(input.reason);
    expect(h.state()).toEqual(before);
  });
});
