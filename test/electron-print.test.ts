// The app's PDF and print path (electron/app/print.ts) with Electron mocked: each page in a hidden, sandboxed,
// script-less window of a session of its own that serves only that page and its stylesheet, under the CSP;
// printToPDF with the page's own size; the window destroyed and the page forgotten whatever happens; a failure
// said in Vietnamese.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocuments } from '../electron/minutes/documents.ts';
import { CONTENT_SECURITY_POLICY } from '../shared/csp.ts';
import { PRINT_CSS, type PrintPage } from '../shared/minutes/print.ts';
import { hostileStore } from './support/hostile.ts';

const state = vi.hoisted(() => ({
  windows: [] as { options: Record<string, unknown>; url: string | null; destroyed: boolean; pdfOptions: unknown; printOptions: unknown }[],
  handler: null as ((request: { url: string }) => Response) | null,
  allowed: null as ((details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void) | null,
  permission: null as ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  partitions: [] as string[],
  pdf: async (): Promise<Buffer> => Buffer.from('%PDF-1.4 trang'),
  print: (callback: (success: boolean, reason: string) => void) => callback(true, ''),
  /** What the page served while the window was open. */
  served: [] as Response[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    record: (typeof state.windows)[number];
    webContents: { printToPDF(options: unknown): Promise<Buffer>; print(options: unknown, callback: (success: boolean, reason: string) => void): void };
    constructor(options: Record<string, unknown>) {
      const record = { options, url: null as string | null, destroyed: false, pdfOptions: null as unknown, printOptions: null as unknown };
      this.record = record;
      state.windows.push(record);
      this.webContents = {
        printToPDF: (pdfOptions) => {
          record.pdfOptions = pdfOptions;
          return state.pdf();
        },
        print: (printOptions, callback) => {
          record.printOptions = printOptions;
          state.print(callback);
        },
      };
    }
    async loadURL(url: string) {
      this.record.url = url;
      state.served.push(state.handler?.({ url }) ?? new Response(null, { status: 500 }));
      const css = url.replace(/page\.html$/, PRINT_CSS);
      state.served.push(state.handler?.({ url: css }) ?? new Response(null, { status: 500 }));
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return {
    BrowserWindow,
    session: {
      fromPartition: (name: string) => {
        state.partitions.push(name);
        return {
          protocol: { handle: (_scheme: string, handler: typeof state.handler) => (state.handler = handler) },
          setPermissionRequestHandler: (handler: typeof state.permission) => (state.permission = handler),
          setPermissionCheckHandler: () => undefined,
          webRequest: { onBeforeRequest: (handler: typeof state.allowed) => (state.allowed = handler) },
        };
      },
    },
    net: {},
    protocol: {},
  };
});

const { electronPrinter, printResponse, PDF_OPTIONS } = await import('../electron/app/print.ts');

const PAGE: PrintPage = {
  title: 'Biên bản',
  html: '<!doctype html><html lang="vi"><body><p>BIÊN BẢN</p></body></html>',
  css: '@page { size: A4; margin: 20mm 15mm 20mm 30mm; }',
};

beforeEach(() => {
  state.windows.length = 0;
  state.served.length = 0;
  state.pdf = async () => Buffer.from('%PDF-1.4 trang');
  state.print = (callback) => callback(true, '');
});

describe('PDF in the app (Electron mocked)', () => {
  it('prints the page in a hidden, sandboxed window without script, then destroys it', async () => {
    const bytes = await electronPrinter().pdf(PAGE);
    expect(Buffer.from(bytes).toString('latin1')).toBe('%PDF-1.4 trang');
    expect(state.windows).toHaveLength(1);
    const [window] = state.windows;
    expect(window?.options).toMatchObject({ show: false });
    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
    });
    expect(window?.options.webPreferences).not.toHaveProperty('preload');
    expect(window?.pdfOptions).toEqual(PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ preferCSSPageSize: true, displayHeaderFooter: false });
    expect(window?.destroyed).toBe(true);
    expect(state.partitions).toEqual(['bien-ban-print']);
  });

  it("serves the page and its stylesheet under the app's CSP while it prints, and nothing once printed", async () => {
    await electronPrinter().pdf(PAGE);
    const [html, css] = state.served;
    expect(html?.status).toBe(200);
    expect(await html?.text()).toBe(PAGE.html);
    expect(html?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(html?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await css?.text()).toBe(PAGE.css);
    expect(css?.headers.get('content-type')).toBe('text/css; charset=utf-8');
    // Printed: the page is forgotten.
    const url = state.windows[0]?.url ?? '';
    expect(url).toMatch(/^app:\/\/bien-ban\/print\/[0-9a-f-]{36}\/page\.html$/);
    expect(printResponse(url).status).toBe(404);
  });

  it('answers nothing but a page being printed: other tokens, other names, tricks in the path', async () => {
    let during: number[] = [];
    state.pdf = async () => {
      const url = state.windows[0]?.url ?? '';
      const token = /print\/([^/]+)\//.exec(url)?.[1] ?? '';
      during = [
        `app://bien-ban/print/${token}/../index.html`,
        `app://bien-ban/print/${token}/other.html`,
        `app://bien-ban/print/${token}/page.html?x=1`,
        `app://bien-ban/print/00000000-0000-0000-0000-000000000000/page.html`,
        `app://bien-ban/index.html`,
        `app://evil/print/${token}/page.html`,
      ].map((u) => printResponse(u).status);
      return Buffer.from('%PDF-');
    };
    await electronPrinter().pdf(PAGE);
    expect(during).toEqual([404, 404, 404, 404, 404, 404]);
  });

  it('the print session loads nothing else and grants no permission', async () => {
    await electronPrinter().pdf(PAGE);
    const answers: boolean[] = [];
    for (const url of ['https://example.com/font.woff2', 'file:///etc/passwd', 'app://bien-ban/index.html', 'app://bien-ban/print/x/page.html']) {
      state.allowed?.({ url }, ({ cancel }) => answers.push(cancel));
    }
    expect(answers).toEqual([true, true, true, false]);
    let granted: boolean | null = null;
    state.permission?.(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('a failed printToPDF: a Vietnamese error, the window destroyed, the page forgotten', async () => {
    state.pdf = async () => {
      throw new Error('Printing failed');
    };
    await expect(electronPrinter().pdf(PAGE)).rejects.toMatchObject({ code: 'PRINT_FAILED', message: 'Không tạo được tệp PDF: Printing failed.' });
    expect(state.windows[0]?.destroyed).toBe(true);
    expect(printResponse(state.windows[0]?.url ?? '').status).toBe(404);
  });
});

describe('print in the app (Electron mocked)', () => {
  it('opens the system print dialog on the same page; cancelled is no error', async () => {
    const printer = electronPrinter();
    expect(await printer.print?.(PAGE)).toBe(true);
    expect(state.windows[0]?.printOptions).toMatchObject({ silent: false, printBackground: true });
    state.print = (callback) => callback(false, 'cancelled');
    expect(await printer.print?.(PAGE)).toBe(false);
    expect(state.windows.every((w) => w.destroyed)).toBe(true);
  });

  it('a printer failure: said in Vietnamese', async () => {
    state.print = (callback) => callback(false, 'Printer is offline');
    await expect(electronPrinter().print?.(PAGE)).rejects.toMatchObject({ code: 'PRINT_FAILED', message: 'Không in được: Printer is offline.' });
    expect(state.windows[0]?.destroyed).toBe(true);
  });
});

describe('a PDF exported through the handlers, printed by the mocked window', () => {
  it("written where the secretary chose, from the document's own page; a failed print leaves the file there byte for byte", async () => {
    const h = hostileStore(createDocuments(electronPrinter()));
    const path = join(h.dir, 'biên bản.pdf');
    h.answer.save = path;
    const result = await h.call('exportDocument', { meetingId: 1, kind: 'minutes', output: 'pdf' });
    expect(result).toMatchObject({ ok: true, value: { path } });
    expect(readFileSync(path, 'latin1')).toBe('%PDF-1.4 trang');
    const served = await state.served[0]?.text();
    expect(served).toContain('BIÊN BẢN');
    expect(served).toContain('Trương Thị Mai');

    writeFileSync(path, 'bản đã gửi');
    state.pdf = async () => {
      throw new Error('Printing failed');
    };
    const before = h.state();
    const failed = await h.call('exportDocument', { meetingId: 1, kind: 'notice', output: 'pdf' });
    expect(failed).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED', message: 'Không tạo được tệp PDF: Printing failed.' } });
    expect(readFileSync(path, 'utf8')).toBe('bản đã gửi');
    expect(readdirSync(h.dir).sort()).toEqual(['backups', 'bien-ban.sqlite', 'bien-ban.sqlite-shm', 'bien-ban.sqlite-wal', 'biên bản.pdf']);
    expect(h.state()).toEqual(before);
  });

  it("Ctrl+P: the print dialog on the document's page; a cancelled dialog answers null", async () => {
    const h = hostileStore(createDocuments(electronPrinter()));
    expect(await h.call('printDocument', { meetingId: 1, kind: 'statistics' })).toMatchObject({ ok: true, value: { missing: expect.any(Array) } });
    expect(await state.served[0]?.text()).toContain('THỐNG KÊ THỜI GIAN PHÁT BIỂU');
    state.print = (callback) => callback(false, 'cancelled');
    expect(await h.call('printDocument', { meetingId: 1, kind: 'minutes' })).toEqual({ ok: true, value: null });
  });
});
