// PDF in the tests: the app's print page printed by Debian's Chromium through Playwright's page.pdf() — the
// engine of Electron's printToPDF — served with the app's CSP, as the app's print window serves it; and
// poppler (pdfinfo, pdftotext -bbox, pdffonts) to read the result back.
import { spawnSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { PRINT_CSS, type PrintPage } from '../../shared/minutes/print.ts';
import type { Printer } from '../../electron/minutes/documents.ts';
import { launchChromium } from '../e2e/browser.ts';

const ORIGIN = 'http://print.invalid';

/** A printer over one Chromium, opened on first use; close() ends it. */
export function playwrightPrinter(): Printer & { close(): Promise<void> } {
  let browser: Promise<Browser> | null = null;
  return {
    async pdf(page: PrintPage) {
      browser ??= launchChromium();
      const tab = await (await browser).newPage();
      try {
        await tab.route('**/*', (route) => {
          const url = route.request().url();
          if (url === `${ORIGIN}/page.html`) {
            return route.fulfill({ body: page.html, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': CONTENT_SECURITY_POLICY } });
          }
          if (url === `${ORIGIN}/${PRINT_CSS}`) return route.fulfill({ body: page.css, contentType: 'text/css; charset=utf-8' });
          return route.abort();
        });
        await tab.goto(`${ORIGIN}/page.html`);
        return await tab.pdf({ preferCSSPageSize: true, printBackground: true });
      } finally {
        await tab.close();
      }
    },
    async close() {
      if (browser) await (await browser).close();
      browser = null;
    },
  };
}

const installed = (program: string, ...args: string[]) => !spawnSync(program, args, { stdio: 'ignore' }).error;
export const HAS_POPPLER = installed('pdfinfo', '-v') && installed('pdftotext', '-v') && installed('pdffonts', '-v');
export const HAS_SOFFICE = installed('soffice', '--version');

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfInfo {
  pages: number;
  /** Width and height of each page, in points. */
  sizes: { width: number; height: number }[];
  words: Word[];
  fonts: { name: string; type: string; embedded: boolean; unicode: boolean }[];
  title: string;
}

const run = (program: string, args: string[]): string => {
  const result = spawnSync(program, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${program} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};

const number = (text: string, name: string): number => Number(new RegExp(`${name}="([\\d.]+)"`).exec(text)?.[1]);
const unescape = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The file read back by poppler, not by what wrote it. */
export function readPdf(file: string): PdfInfo {
  const info = run('pdfinfo', ['-l', '-1', file]);
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
  const words: Word[] = [];
  let page = 0;
  for (const line of run('pdftotext', ['-bbox', file, '-']).split('\n')) {
    if (line.includes('<page ')) page++;
    const word = /<word ([^>]*)>(.*)<\/word>/.exec(line);
    if (word?.[1] !== undefined && word[2] !== undefined) {
      words.push({
        page,
        text: unescape(word[2]),
        xMin: number(word[1], 'xMin'),
        yMin: number(word[1], 'yMin'),
        xMax: number(word[1], 'xMax'),
        yMax: number(word[1], 'yMax'),
      });
    }
  }
  const fonts = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      // name, type (one or two words), encoding, emb, sub, uni, object, id
      const tail = cells.slice(-5);
      return { name: cells[0] ?? '', type: cells.slice(1, -6).join(' '), embedded: tail[0] === 'yes', unicode: tail[2] === 'yes' };
    });
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), sizes, words, fonts, title: /Title:\s+(.*)/.exec(info)?.[1]?.trim() ?? '' };
}

/** The words of one page's text layer in the order of the content (pdftotext -raw). */
export const rawWords = (file: string, page: number): string[] =>
  run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), file, '-'])
    .split(/\s+/)
    .filter(Boolean);

/** Points from millimetres. */
export const mmToPt = (mm: number): number => (mm * 72) / 25.4;
