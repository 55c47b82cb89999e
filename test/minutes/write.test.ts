// Writing the Word file: atomic, and clear Vietnamese errors when the target cannot be written.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMinutesDocx } from '../../electron/minutes/documents.ts';
import { isAppError } from '../../shared/errors.ts';
import { memoryStore, tempDir } from '../support/store.ts';
import { readDocx, texts } from './docx-reader.ts';
import { withFixture } from './support.ts';

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a failure');
}

describe('writing the minutes file', () => {
  it('writes a complete file and leaves no temporary file behind; a second write replaces it whole', async () => {
    const store = memoryStore();
    const id = withFixture(store);
    const dir = tempDir();
    const target = join(dir, 'Biên bản giao ban quý III.docx');
    const { missing } = await writeMinutesDocx(store, id, target, { kind: 'minutes' });
    expect(missing).toEqual(['Chưa có họ tên người ghi biên bản.', 'Chưa có chức vụ người ghi biên bản.']);
    expect(readdirSync(dir)).toEqual(['Biên bản giao ban quý III.docx']);
    expect(texts((await readDocx(readFileSync(target))).blocks)).toContain('BIÊN BẢN');

    await writeMinutesDocx(store, id, target, { kind: 'notice', issuedOn: '2021-10-05' });
    expect(readdirSync(dir)).toEqual(['Biên bản giao ban quý III.docx']);
    const all = texts((await readDocx(readFileSync(target))).blocks);
    expect(all).toContain('THÔNG BÁO');
    expect(all).not.toContain('BIÊN BẢN');
  });

  it('says so in Vietnamese when the folder does not exist, and creates nothing', async () => {
    const store = memoryStore();
    const id = withFixture(store);
    const dir = tempDir();
    const target = join(dir, 'không có', 'bien-ban.docx');
    expect(await failure(writeMinutesDocx(store, id, target, { kind: 'minutes' }))).toEqual({
      code: 'FILE_WRITE_FAILED',
      message: `Không ghi được tệp ${target}: tệp hoặc thư mục không tồn tại.`,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a target that is a folder, leaving it and its content as they were', async () => {
    const store = memoryStore();
    const id = withFixture(store);
    const dir = tempDir();
    const target = join(dir, 'bien-ban.docx');
    mkdirSync(target);
    writeFileSync(join(target, 'giữ lại.txt'), 'nội dung');
    expect(await failure(writeMinutesDocx(store, id, target, { kind: 'minutes' }))).toEqual({
      code: 'FILE_NOT_REGULAR',
      message: `Không ghi được tệp ${target}: đường dẫn là một thư mục, không phải tệp.`,
    });
    expect(readdirSync(dir)).toEqual(['bien-ban.docx']);
    expect(readFileSync(join(target, 'giữ lại.txt'), 'utf8')).toBe('nội dung');
  });

  it('touches nothing when the meeting cannot be read', async () => {
    const store = memoryStore();
    withFixture(store);
    const dir = tempDir();
    const target = join(dir, 'bien-ban.docx');
    writeFileSync(target, 'bản cũ');
    expect(await failure(writeMinutesDocx(store, 99, target, { kind: 'minutes' }))).toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy hội nghị (mã 99).' });
    expect(readFileSync(target, 'utf8')).toBe('bản cũ');
    expect(readdirSync(dir)).toEqual(['bien-ban.docx']);
    expect(existsSync(target)).toBe(true);
  });
});
