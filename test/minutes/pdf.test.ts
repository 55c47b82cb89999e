// The PDF of the minutes (both formats), the notice and the statistics, printed by Chromium from the preview's
// HTML (the engine of the app's printToPDF), read back by poppler: A4, the layout table's margins found again from
// the text's positions, page numbers from page 2 only, every font embedded, and the same words as the Word file;
// the same number of pages as LibreOffice lays the Word file out in (where soffice is installed).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../electron/minutes/docx.ts';
import { getMeetingRecord } from '../../electron/services/meetings.ts';
import type { DocumentModel } from '../../shared/minutes/document.ts';
import { layoutFor } from '../../shared/minutes/layout.ts';
import { printPage } from '../../shared/minutes/print.ts';
import { buildDocumentModel } from '../../shared/minutes/registry.ts';
import { HAS_POPPLER, HAS_SOFFICE, mmToPt, playwrightPrinter, rawWords, readPdf, type PdfInfo } from '../support/pdf.ts';
import { memoryStore, tempDir } from '../support/store.ts';
import { readDocx, texts } from './docx-reader.ts';
import { PROFILE, withFixture } from './support.ts';

const printer = playwrightPrinter();
// The files are printed once and read by every test below: a folder of this file's own.
const dir = mkdtempSync(join(tmpdir(), 'bien-ban-pdf-test-'));
afterAll(async () => {
  await printer.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Points of slack: glyph side bearings, and Chromium's page of 793 × 1123 CSS pixels. */
const SLACK = 1.5;

function documents(): Record<string, DocumentModel> {
  const store = memoryStore();
  const id = withFixture(store);
  // Timed speeches, so that the statistics have figures.
  store.speeches.list(id).forEach((s, i) => store.speeches.update(s.id, { startTime: `14:${String(10 * i).padStart(2, '0')}`, durationMinutes: 5 + i }));
  const record = getMeetingRecord(store, id);
  return {
    'party minutes': buildDocumentModel('minutes', record, PROFILE, { format: 'party' }),
    'state minutes': buildDocumentModel('minutes', record, PROFILE, { format: 'state' }),
    'party notice': buildDocumentModel('notice', record, PROFILE, { format: 'party', issuedOn: '2021-10-05' }),
    'state notice': buildDocumentModel('notice', record, PROFILE, { format: 'state', issuedOn: '2021-10-05' }),
    statistics: buildDocumentModel('statistics', record, PROFILE),
  };
}

interface Printed {
  doc: DocumentModel;
  pdf: PdfInfo;
  file: string;
  docx: string;
}

const printed = new Map<string, Promise<Printed>>();
function print(name: string): Promise<Printed> {
  let found = printed.get(name);
  if (!found) {
    found = (async () => {
      const doc = documents()[name];
      if (!doc) throw new Error(name);
      const file = join(dir, `${name}.pdf`);
      const docx = join(dir, `${name}.docx`);
      writeFileSync(file, await printer.pdf(printPage(doc)));
      writeFileSync(docx, await renderDocx(doc));
      return { doc, pdf: readPdf(file), file, docx };
    })();
    printed.set(name, found);
  }
  return found;
}

const NAMES = ['party minutes', 'state minutes', 'party notice', 'state notice', 'statistics'];

describe.runIf(HAS_POPPLER)('the PDF, read back by poppler', () => {
  it.each(NAMES)('%s: A4 portrait on every page, the title in its properties', async (name) => {
    const { pdf, doc } = await print(name);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    for (const size of pdf.sizes) {
      expect(size.width).toBeCloseTo(mmToPt(210), 0);
      expect(size.height).toBeCloseTo(mmToPt(297), 0);
    }
    expect(pdf.title).toBe(doc.title);
  });

  it.each(NAMES)('%s: the text keeps to the margins of the layout table, and reaches them', async (name) => {
    const { pdf, doc } = await print(name);
    const { top, bottom, left, right } = layoutFor(doc.format).marginsMm;
    const body = pdf.words.filter((w) => w.yMin > mmToPt(top) - SLACK);
    const width = pdf.sizes[0]?.width ?? 0;
    const height = pdf.sizes[0]?.height ?? 0;
    const minX = Math.min(...body.map((w) => w.xMin));
    const maxX = Math.max(...body.map((w) => w.xMax));
    // Justified lines run from margin to margin.
    expect(minX).toBeGreaterThan(mmToPt(left) - SLACK);
    expect(minX).toBeLessThan(mmToPt(left) + SLACK);
    expect(maxX).toBeLessThan(width - mmToPt(right) + SLACK);
    expect(maxX).toBeGreaterThan(width - mmToPt(right) - SLACK);
    expect(Math.max(...body.map((w) => w.yMax))).toBeLessThan(height - mmToPt(bottom) + SLACK);
    // The first page's text starts at the top margin (its first line's half-leading below it); no page's text above it.
    expect(Math.min(...body.filter((w) => w.page === 1).map((w) => w.yMin))).toBeLessThan(mmToPt(top) + 6);
    for (let page = 1; page <= pdf.pages; page++) {
      expect(Math.min(...body.filter((w) => w.page === page).map((w) => w.yMin)), `page ${page}`).toBeGreaterThan(mmToPt(top) - SLACK);
    }
  });

  it.each(NAMES)('%s: no page number on page 1; from page 2 its number, centred in the top margin', async (name) => {
    const { pdf, doc } = await print(name);
    const layout = layoutFor(doc.format);
    const inMargin = pdf.words.filter((w) => w.yMax < mmToPt(layout.marginsMm.top));
    expect(inMargin.filter((w) => w.page === 1)).toEqual([]);
    const centre = (mmToPt(layout.marginsMm.left) + (pdf.sizes[0]?.width ?? 0) - mmToPt(layout.marginsMm.right)) / 2;
    for (let page = 2; page <= pdf.pages; page++) {
      const numbers = inMargin.filter((w) => w.page === page);
      expect(
        numbers.map((w) => w.text),
        `page ${page}`,
      ).toEqual([String(page)]);
      const [number] = numbers;
      if (!number) continue;
      expect((number.xMin + number.xMax) / 2).toBeCloseTo(centre, -0.5);
      // At the header distance from the top edge, as in the Word file.
      expect(number.yMin).toBeGreaterThan(mmToPt(layout.headerDistanceMm) - SLACK);
      expect(number.yMax - number.yMin).toBeCloseTo(layout.pageNumber.sizePt * 1.1, -0.5);
    }
  });

  it.each(NAMES)('%s: every font embedded, with its Unicode map, and Times New Roman or its metric twin', async (name) => {
    const { pdf } = await print(name);
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const font of pdf.fonts) {
      expect(font.name).toMatch(/^([A-Z]{6}\+)?(TimesNewRoman|LiberationSerif|Tinos)/);
      expect(font.embedded, font.name).toBe(true);
      expect(font.unicode, font.name).toBe(true);
    }
  });

  it.each(NAMES)("%s: the text layer gives back the Word file's words, in order, no syllable split", async (name) => {
    const { pdf, file, docx } = await print(name);
    const fromDocx = texts((await readDocx(readFileSync(docx))).blocks)
      .join(' ')
      .split(/\s+/)
      .filter(Boolean);
    // Page by page; from page 2 the page number is painted first on its page, out of the running text.
    const fromPdf = Array.from({ length: pdf.pages }, (_, i) => {
      const words = rawWords(file, i + 1);
      if (i === 0) return words;
      expect(words[0], `page ${i + 1}`).toBe(String(i + 1));
      return words.slice(1);
    }).flat();
    expect(fromPdf).toEqual(fromDocx);
    // Words with stacked marks and uppercase accented letters, which a subsetting font once split.
    expect(fromPdf).toEqual(expect.arrayContaining(name === 'statistics' ? ['THỐNG', 'Trương', 'Thị'] : ['CHỨC', 'Nghệ', 'Trương', 'Thị']));
  });

  it.runIf(HAS_SOFFICE)(
    'has the pages LibreOffice lays the Word files out in (±5 %)',
    async () => {
      const all = await Promise.all(NAMES.map(print));
      // Each in its own profile folder, so that a LibreOffice already running elsewhere does not take the job.
      for (const p of all) {
        const out = tempDir();
        const one = spawnSync(
          'soffice',
          [`-env:UserInstallation=file://${join(out, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, p.docx],
          { encoding: 'utf8', timeout: 180_000 },
        );
        expect(one.status, one.stderr).toBe(0);
        const libre = readPdf(join(out, basename(p.docx).replace(/\.docx$/, '.pdf'))).pages;
        expect(Math.abs(p.pdf.pages - libre), `${p.doc.kind} ${p.doc.format}: Chromium ${p.pdf.pages}, LibreOffice ${libre}`).toBeLessThanOrEqual(
          Math.floor(libre * 0.05),
        );
      }
    },
    300_000,
  );
});
