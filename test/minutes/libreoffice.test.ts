// LibreOffice opens and converts each Word file of the 2021 fixture: both formats and the notice.
// The check Word's "no repair prompt" can have here. Skipped, saying why, where soffice is not installed,
// except where BIEN_BAN_REQUIRE_SOFFICE=1 (CI): there a missing soffice or poppler fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/minutes/docx.ts';
import { getMeetingRecord } from '../../electron/services/meetings.ts';
import { buildMinutes } from '../../shared/minutes/model.ts';
import { buildNotice } from '../../shared/minutes/notice.ts';
import { memoryStore, tempDir } from '../support/store.ts';
import { PROFILE, withFixture } from './support.ts';

const installed = (program: string, ...args: string[]) => !spawnSync(program, args, { stdio: 'ignore' }).error;
const HAS_SOFFICE = installed('soffice', '--version');
const HAS_POPPLER = installed('pdfinfo', '-v') && installed('pdftotext', '-v') && installed('pdffonts', '-v');
const REQUIRED = process.env.BIEN_BAN_REQUIRE_SOFFICE === '1';

const pdfText = (pdf: string, page: number) =>
  spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
const firstLine = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .find(Boolean) ?? '';

describe.runIf(HAS_SOFFICE)('LibreOffice', () => {
  it('converts the Party minutes, the State minutes and the notice to PDF without error', async () => {
    const store = memoryStore();
    const record = getMeetingRecord(store, withFixture(store));
    const dir = tempDir();
    const docs = {
      party: buildMinutes(record, PROFILE, { format: 'party' }),
      state: buildMinutes(record, PROFILE, { format: 'state' }),
      notice: buildNotice(record, PROFILE, { issuedOn: '2021-10-05' }),
    };
    for (const [name, doc] of Object.entries(docs)) writeFileSync(join(dir, `${name}.docx`), await renderDocx(doc));

    // Its own profile folder, so that a LibreOffice already running elsewhere does not take the job.
    const result = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...Object.keys(docs).map((name) => join(dir, `${name}.docx`)),
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    for (const name of Object.keys(docs)) expect(existsSync(join(dir, `${name}.pdf`)), `${name}.pdf`).toBe(true);

    if (!HAS_POPPLER) {
      expect(REQUIRED, 'BIEN_BAN_REQUIRE_SOFFICE=1 but poppler (pdfinfo, pdftotext, pdffonts) is not installed').toBe(false);
      return;
    }
    for (const name of Object.keys(docs)) {
      const pdf = join(dir, `${name}.pdf`);
      const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
      expect(pages, `${name}: pages`).toBeGreaterThanOrEqual(2);
      // No page number on the first page; "2" heads the second.
      expect(firstLine(pdfText(pdf, 1)), name).toMatch(/^BAN TỔ CHỨC TRUNG ƯƠNG/);
      expect(firstLine(pdfText(pdf, 2)), name).toBe('2');
      // Every glyph in Times New Roman or its metric twin: no Vietnamese letter fell back to another font.
      const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' })
        .stdout.split('\n')
        .slice(2)
        .filter(Boolean)
        .map((l) => l.split(/\s+/)[0] ?? '');
      expect(fonts.length, name).toBeGreaterThan(0);
      for (const font of fonts) expect(font, name).toMatch(/^([A-Z]{6}\+)?(TimesNewRoman|Times-|LiberationSerif)/);
    }
    const party = pdfText(join(dir, 'party.pdf'), 1);
    for (const text of ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Số 05-BB/BTCTW', 'Hà Nội, ngày 30 tháng 9 năm 2021', 'BIÊN BẢN']) expect(party).toContain(text);
    expect(pdfText(join(dir, 'state.pdf'), 1)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdfText(join(dir, 'notice.pdf'), 1)).toContain('THÔNG BÁO');
  }, 240_000);
});

describe.skipIf(HAS_SOFFICE)('LibreOffice', () => {
  if (REQUIRED) {
    it('is required (BIEN_BAN_REQUIRE_SOFFICE=1) but not installed: no "soffice" on PATH', () => {
      expect.fail('LibreOffice is mandatory here: install libreoffice-writer-nogui (test/setup-and-run.sh does).');
    });
  } else {
    it.skip('is not installed (no "soffice" on PATH): the PDF conversion check cannot run here', () => {});
  }
});
