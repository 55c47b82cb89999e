// A target held open by another program (Word on Windows refuses the rename with EBUSY or EPERM): the old file stays
// whole, the temporary file is removed, and the user reads why.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { writeMinutesDocx } from '../../electron/minutes/documents.ts';
import { memoryStore, tempDir } from '../support/store.ts';
import { withFixture } from './support.ts';

const locked = vi.hoisted(() => ({ code: '' }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      if (locked.code) throw Object.assign(new Error(`${locked.code}: resource busy or locked, rename '${from}' -> '${to}'`), { code: locked.code });
      fs.renameSync(from, to);
    },
  };
});

describe('a locked target', () => {
  it.each([
    ['EBUSY', 'tệp đang được mở bởi chương trình khác'],
    ['EPERM', 'hệ điều hành không cho phép thao tác này (không có quyền, hoặc tệp đang được chương trình khác mở)'],
    ['EACCES', 'không có quyền truy cập tệp hoặc thư mục này (hoặc tệp đang được chương trình khác mở)'],
  ])('%s: keeps the old file whole, removes the temporary file and explains', async (code, reason) => {
    const store = memoryStore();
    const id = withFixture(store);
    const dir = tempDir();
    const target = join(dir, 'bien-ban.docx');
    writeFileSync(target, 'bản cũ đang mở trong Word');
    locked.code = code;
    try {
      await expect(writeMinutesDocx(store, id, target, { kind: 'minutes' })).rejects.toThrow(`Không ghi được tệp ${target}: ${reason}.`);
    } finally {
      locked.code = '';
    }
    expect(readFileSync(target, 'utf8')).toBe('bản cũ đang mở trong Word');
    expect(readdirSync(dir)).toEqual(['bien-ban.docx']);
  });
});
