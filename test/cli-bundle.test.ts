// The command-line tool as shipped: the bundle in out/cli (built by `npm run build`), run by Node as a program.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE } from './minutes/support.ts';
import { readDocx, texts } from './minutes/docx-reader.ts';
import { tempDir } from './support/store.ts';

const TOOL = new URL('../out/cli/bien-ban.mjs', import.meta.url).pathname;

/** The tool run by a Node that cannot load TypeScript, so that nothing of the source can be used. */
function tool(cache: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--no-experimental-strip-types', TOOL, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_COMPILE_CACHE: cache },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the bundled command-line tool', () => {
  it('is built', () => {
    expect(existsSync(TOOL), 'run npm run build first').toBe(true);
  });

  it('imports a meeting file, lists it and writes its minutes, on its own', async () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const db = join(dir, 'store.sqlite');
    expect(tool(cache, 'import', FIXTURE, '--db', db)).toEqual({ code: 0, out: '1\n', err: '' });
    const list = tool(cache, 'list', '--db', db);
    expect(list.code).toBe(0);
    expect(list.out).toContain('Hội nghị giao ban công tác tổ chức xây dựng Đảng quý III năm 2021');

    const file = join(dir, 'biên bản.docx');
    const minutes = tool(cache, 'minutes', '1', file, '--format', 'state', '--db', db);
    expect(minutes.code).toBe(0);
    expect(minutes.out).toBe(`Đã ghi biên bản của hội nghị 1 ra ${file}.\n`);
    const all = texts((await readDocx(readFileSync(file))).blocks);
    expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(all.some((t) => t.startsWith('Tổng số: '))).toBe(true);
    // The launcher keeps V8's compiled code of the command for the next run.
    expect(readdirSync(cache).some((name) => name.endsWith('-minutes.v8cache'))).toBe(true);
  });

  it('reads a site list from CSV on its own (the CommonJS readers inside the bundle)', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    const db = join(dir, 'store.sqlite');
    const file = join(dir, 'điểm cầu.csv');
    writeFileSync(file, 'Tên điểm cầu,Cấp,Số đại biểu\nXã Thanh Sơn,Cấp xã,12\nXã Hòa Bình,Cấp xã,30\n');
    expect(tool(cache, 'new', 'Hội nghị trực tuyến', '--db', db)).toEqual({ code: 0, out: '1\n', err: '' });
    expect(tool(cache, 'sites', '1', file, '--db', db)).toEqual({ code: 0, out: 'Đã thêm 2 điểm cầu vào hội nghị 1.\n', err: '' });
    expect(tool(cache, 'list', '--db', db).out).toMatch(/\t2\t42\t0\tHội nghị trực tuyến\n/);
  });

  it("keeps its compiled code in the user's own cache folder, made for the user alone", () => {
    const dir = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') };
    delete env.NODE_COMPILE_CACHE;
    const result = spawnSync(process.execPath, ['--no-experimental-strip-types', TOOL, 'list', '--db', join(dir, 'store.sqlite')], { encoding: 'utf8', env });
    expect(result.stdout).toBe('Chưa có hội nghị nào.\n');
    const cache = join(dir, 'cache', 'Bien Ban', 'compile-cache');
    expect(readdirSync(cache).length).toBeGreaterThan(0);
    if (process.platform !== 'win32') expect(statSync(cache).mode & 0o777).toBe(0o700);
  });

  it('refuses in Vietnamese, with the exit codes of the source tool', () => {
    const dir = tempDir();
    const cache = join(dir, 'cache');
    expect(tool(cache, 'xoa-het', '--db', join(dir, 'db.sqlite'))).toEqual({
      code: 2,
      out: '',
      err: 'Lỗi: không có lệnh "xoa-het". Gõ "npm run cli -- help" để xem các lệnh.\n',
    });
    const missing = tool(cache, 'minutes', '7', join(dir, 'a.docx'), '--db', join(dir, 'db.sqlite'));
    expect(missing).toEqual({ code: 1, out: '', err: 'Lỗi: Không tìm thấy hội nghị (mã 7).\n' });
  });
});
