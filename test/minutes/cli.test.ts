// The minutes and notice commands of the command-line tool.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { dateWords } from '../../shared/minutes/wording.ts';
import { tempDir } from '../support/store.ts';
import { readDocx, texts } from './docx-reader.ts';
import { withFixture } from './support.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** A store file with the profile and the 2021 meeting (id 1). */
function database(dir: string): string {
  const db = join(dir, 'store.sqlite');
  const store = createStore(openDatabase(db));
  withFixture(store);
  store.db.close();
  return db;
}

const MISSING_TAKER = ['Cảnh báo: Chưa có họ tên người ghi biên bản.', 'Cảnh báo: Chưa có chức vụ người ghi biên bản.'];

describe('minutes and notice on the command line', () => {
  it("writes the minutes in the meeting's format, warning on stderr about what is missing", async () => {
    const dir = tempDir();
    const db = database(dir);
    const file = join(dir, 'biên bản.docx');
    expect(await run('minutes', '1', file, '--db', db)).toEqual({ code: 0, out: [`Đã ghi biên bản của hội nghị 1 ra ${file}.`], err: MISSING_TAKER });
    const all = texts((await readDocx(readFileSync(file))).blocks);
    expect(all).toContain('Số 05-BB/BTCTW');
    expect(all).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('writes the State format with --format state', async () => {
    const dir = tempDir();
    const db = database(dir);
    const file = join(dir, 'state.docx');
    expect((await run('minutes', '1', file, '--format', 'state', '--db', db)).code).toBe(0);
    const all = texts((await readDocx(readFileSync(file))).blocks);
    expect(all).toContain('Số: 05/BB-BTCTW');
    expect(all).toContain('Cuộc họp kết thúc vào 17 giờ 00, ngày 30 tháng 9 năm 2021. Biên bản đã được thông qua trước cuộc họp./.');
  });

  it('writes the notice dated --date, with no warning when nothing is missing', async () => {
    const dir = tempDir();
    const db = database(dir);
    const file = join(dir, 'thông báo.docx');
    expect(await run('notice', '1', file, '--date', '2021-10-05', '--db', db)).toEqual({
      code: 0,
      out: [`Đã ghi thông báo kết luận của hội nghị 1 ra ${file}.`],
      err: [],
    });
    const all = texts((await readDocx(readFileSync(file))).blocks);
    expect(all).toEqual(expect.arrayContaining(['THÔNG BÁO', 'Số 12-TB/BTCTW', `Hà Nội, ${dateWords('2021-10-05')}`, 'T/L TRƯỞNG BAN']));
  });

  it('writes a notice with no date of its own with the date left blank, and says so', async () => {
    const dir = tempDir();
    const file = join(dir, 'thông báo.docx');
    const result = await run('notice', '1', file, '--db', database(dir));
    expect(result).toEqual({
      code: 0,
      out: [`Đã ghi thông báo kết luận của hội nghị 1 ra ${file}.`],
      err: ['Cảnh báo: Chưa có ngày ban hành thông báo (Thông tin chung, “Ngày thông báo kết luận”).'],
    });
    expect(texts((await readDocx(readFileSync(file))).blocks)).toContain('Hà Nội, ngày … tháng … năm …');
  });

  it.each([
    [
      ['minutes', '1', 'x.docx', '--format', 'word'],
      2,
      'Lỗi: thể thức "word" không hợp lệ; dùng --format party (thể thức Đảng) hoặc --format state (thể thức hành chính nhà nước).',
    ],
    [['minutes', '1'], 2, 'Lỗi: lệnh minutes cần 2 tham số. Gõ "npm run cli -- help" để xem cách dùng.'],
    [['notice', 'một', 'x.docx'], 1, 'Lỗi: Mã hội nghị "một" không hợp lệ; mã là một số nguyên dương (xem lệnh list).'],
    [['notice', '7', 'x.docx'], 1, 'Lỗi: Không tìm thấy hội nghị (mã 7).'],
  ])('%j exits %i with a one-line Vietnamese error', async (argv, exitCode, message) => {
    const dir = tempDir();
    const result = await run(...argv, '--db', database(dir));
    expect(result).toEqual({ code: exitCode, out: [], err: [message] });
    expect(existsSync(join(dir, 'x.docx'))).toBe(false);
  });

  it('reports a target it cannot write on one line, with exit code 1', async () => {
    const dir = tempDir();
    const file = join(dir, 'không có', 'a.docx');
    const result = await run('minutes', '1', file, '--db', database(dir));
    expect(result.code).toBe(1);
    expect(result.err).toEqual([`Lỗi: Không ghi được tệp ${file}: tệp hoặc thư mục không tồn tại.`]);
  });

  it('runs as a program under Node', () => {
    const dir = tempDir();
    const db = database(dir);
    const file = join(dir, 'a.docx');
    const result = spawnSync(process.execPath, ['electron/cli/main.ts', 'minutes', '1', file, '--db', db], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual(MISSING_TAKER);
    expect(result.stdout).toBe(`Đã ghi biên bản của hội nghị 1 ra ${file}.\n`);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
  });
});
