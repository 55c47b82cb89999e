import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../electron/cli/main.ts';
import { createMeeting } from '../electron/services/meetings.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';
import { tempDir } from './support/store.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

function databaseWithMeeting(dir: string): string {
  const db = join(dir, 'store.sqlite');
  const store = createStore(openDatabase(db));
  const id = createMeeting(store, { title: 'Hội nghị giao ban quý III năm 2021', date: '2021-09-30', number: 5 });
  store.sites.add(id, { name: 'Trụ sở Ban Tổ chức Trung ương' });
  store.db.close();
  return db;
}

describe('command-line tool', () => {
  it('lists meetings', async () => {
    const db = databaseWithMeeting(tempDir());
    const { code, out } = await run('list', '--db', db);
    expect(code).toBe(0);
    expect(out[0]).toBe('Mã\tNgày\tSố\tTrạng thái\tĐiểm cầu\tĐại biểu\tPhát biểu\tTiêu đề');
    expect(out[1]).toBe('1\t2021-09-30\t5\tBản nháp\t1\t0\t0\tHội nghị giao ban quý III năm 2021');
  });

  it('says so when there are no meetings', async () => {
    expect((await run('list', '--db', join(tempDir(), 'empty.sqlite'))).out).toEqual(['Chưa có hội nghị nào.']);
  });

  it('exports a meeting and imports it back as a new meeting, printing its id', async () => {
    const dir = tempDir();
    const db = databaseWithMeeting(dir);
    const file = join(dir, 'hội nghị.json');
    expect(await run('export', '1', file, '--db', db)).toMatchObject({ code: 0, err: [] });
    expect(JSON.parse(readFileSync(file, 'utf8')).meeting.title).toBe('Hội nghị giao ban quý III năm 2021');
    expect(await run('import', file, '--db', db)).toEqual({ code: 0, out: ['2'], err: [] });
    expect((await run('list', '--db', db)).out).toHaveLength(3);
  });

  it.each([
    [['export', 'abc', 'x.json'], 1, 'Lỗi: Mã hội nghị "abc" không hợp lệ; mã là một số nguyên dương (xem lệnh list).'],
    [['export', '7', 'x.json'], 1, 'Lỗi: Không tìm thấy hội nghị (mã 7).'],
    [['import'], 2, 'Lỗi: lệnh import cần 1 tham số. Gõ "npm run cli -- help" để xem cách dùng.'],
    [['frobnicate'], 2, 'Lỗi: không có lệnh "frobnicate". Gõ "npm run cli -- help" để xem các lệnh.'],
    [['list', '--dbx'], 2, 'Lỗi: tham số không hợp lệ. Gõ "npm run cli -- help" để xem cách dùng.'],
  ])('%j exits %i with a one-line Vietnamese error', async (argv, exitCode, message) => {
    const db = databaseWithMeeting(tempDir());
    const result = await run(...argv, '--db', db);
    expect(result.code).toBe(exitCode);
    expect(result.err).toEqual([message]);
  });

  it('refuses a bad file and writes nothing', async () => {
    const dir = tempDir();
    const db = databaseWithMeeting(dir);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"kind": "bien-ban/meeting", "version": 1, "meeting": {"date": "2021-02-30"}, "exportedAt": ""}');
    expect(await run('import', bad, '--db', db)).toEqual({
      code: 1,
      out: [],
      err: ['Lỗi: Tệp hội nghị không hợp lệ: Hội nghị › ngày: không phải là ngày có thật.'],
    });
    expect((await run('list', '--db', db)).out).toHaveLength(2);
  });

  it('searches every meeting without accents, grouped by meeting, the match in brackets', async () => {
    const db = databaseWithMeeting(tempDir());
    const found = await run('search', 'tru so ban to chuc', '--db', db);
    expect(found).toEqual({
      code: 0,
      err: [],
      out: ['[1] 2021-09-30 Hội nghị giao ban quý III năm 2021 — 1 kết quả', '    Điểm cầu: [Trụ sở Ban Tổ chức] Trung ương'],
    });
    expect(await run('search', 'bien ban', '--db', db)).toEqual({ code: 0, err: [], out: ['Không tìm thấy "bien ban" trong hội nghị nào.'] });
    expect((await run('search', '--db', db)).code).toBe(2);
  });

  it('prints help', async () => {
    const { code, out } = await run('help');
    expect(code).toBe(0);
    expect(out[0]).toContain('Cách dùng: npm run cli -- <lệnh>');
  });

  it('runs as a program under Node with the exit code and one stderr line', async () => {
    const dir = tempDir();
    const db = databaseWithMeeting(dir);
    const ok = spawnSync(process.execPath, ['electron/cli/main.ts', 'list', '--db', db], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Hội nghị giao ban quý III năm 2021');
    const failed = spawnSync(process.execPath, ['electron/cli/main.ts', 'import', join(dir, 'none.json'), '--db', db], { encoding: 'utf8' });
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed.stderr).toMatch(/^Lỗi: Không đọc được tệp .*none\.json: tệp hoặc thư mục không tồn tại\.\n$/);
  });
});
