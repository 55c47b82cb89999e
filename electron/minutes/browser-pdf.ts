// PDF for the command-line tool, which has no Electron: the same page, printed by a Chromium-family browser
// already on the machine (Edge ships with every Windows 10 and 11), run headless with --print-to-pdf on a
// profile of its own in a temporary folder, offline, and removed afterwards. The same engine as the app's
// window, so the same lines, pages and fonts.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, win32 } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../shared/errors.ts';
import { PRINT_CSS, type PrintPage } from '../../shared/minutes/print.ts';
import { readFileBounded } from '../services/read-file.ts';
import type { Printer } from './documents.ts';

/** Names the command is known by on PATH (Linux, and any system where it is there). */
const ON_PATH = [
  'msedge',
  'microsoft-edge',
  'microsoft-edge-stable',
  'google-chrome',
  'google-chrome-stable',
  'chromium',
  'chromium-browser',
  'chrome',
  'brave-browser',
];

/** Where the browsers install themselves, per system. */
function installed(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') {
    const roots = [env['ProgramFiles(x86)'], env.ProgramFiles, env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    const apps = [
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
    ];
    return roots.flatMap((root) => apps.map((app) => win32.join(root, ...app)));
  }
  if (platform === 'darwin') {
    return ['Microsoft Edge', 'Google Chrome', 'Chromium', 'Brave Browser'].map((app) => `/Applications/${app}.app/Contents/MacOS/${app}`);
  }
  return [];
}

const runnable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The browser to print with: BIEN_BAN_BROWSER when set, else the first one found; null when there is none. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  if (env.BIEN_BAN_BROWSER) return runnable(env.BIEN_BAN_BROWSER) ? env.BIEN_BAN_BROWSER : null;
  const exe = platform === 'win32' ? '.exe' : '';
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => ON_PATH.map((name) => join(dir, name + exe)));
  return [...installed(env, platform), ...onPath].find(runnable) ?? null;
}

export const NO_BROWSER =
  'Không tạo được tệp PDF: không tìm thấy trình duyệt Microsoft Edge, Google Chrome hoặc Chromium trên máy này ' +
  '(lệnh dòng lệnh in PDF bằng trình duyệt có sẵn). Hãy cài một trong các trình duyệt đó, hoặc đặt biến môi trường BIEN_BAN_BROWSER ' +
  'là đường dẫn tới trình duyệt; hoặc xuất PDF từ ứng dụng Biên Bản.';

const MAX_PDF_BYTES = 500 * 1024 * 1024;
const TIMEOUT_MS = 10 * 60 * 1000;

function run(browser: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(browser, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: TIMEOUT_MS });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 10_000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** A printer that runs the installed browser for each page; `browser` as findBrowser gives it by default. */
export function browserPrinter(browser: string | null = findBrowser()): Printer {
  return {
    async pdf(page: PrintPage) {
      if (!browser) throw new AppError('NOT_FOUND', NO_BROWSER);
      const dir = mkdtempSync(join(tmpdir(), 'bien-ban-pdf-'));
      try {
        const html = join(dir, 'page.html');
        const pdf = join(dir, 'page.pdf');
        writeFileSync(html, page.html);
        writeFileSync(join(dir, PRINT_CSS), page.css);
        const args = [
          '--headless',
          '--disable-gpu',
          '--no-first-run',
          '--no-default-browser-check',
          '--disable-extensions',
          '--disable-sync',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-default-apps',
          '--metrics-recording-only',
          `--user-data-dir=${join(dir, 'profile')}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${pdf}`,
          // Chromium refuses its sandbox to root (a container); everywhere else the sandbox stays on.
          ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
          pathToFileURL(html).href,
        ];
        const { code, stderr } = await run(browser, args);
        let bytes: Buffer;
        try {
          bytes = readFileBounded(pdf, { maxBytes: MAX_PDF_BYTES, context: 'Không tạo được tệp PDF' });
        } catch (error) {
          throw new AppError(
            'PRINT_FAILED',
            `Không tạo được tệp PDF: trình duyệt ${browser} không in được (mã thoát ${String(code)}${
              stderr.trim() ? `: ${stderr.trim().split('\n').at(-1) ?? ''}` : ''
            }).`,
            { cause: error },
          );
        }
        if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
          throw new AppError('PRINT_FAILED', `Không tạo được tệp PDF: trình duyệt ${browser} không ghi ra tệp PDF.`);
        return bytes;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
