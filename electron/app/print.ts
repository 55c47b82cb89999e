// PDF and printing in the app: the document's page (shared/minutes/print.ts) in a hidden window of its own —
// sandboxed, no script, no preload, a session of its own that serves only that page and its stylesheet from
// memory under the app's Content-Security-Policy — then Chromium's printToPDF, or the system print dialog.
import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { AppError } from '../../shared/errors.ts';
import { PRINT_CSS, type PrintPage } from '../../shared/minutes/print.ts';
import type { Printer } from '../minutes/documents.ts';
import { APP_ORIGIN } from './protocol.ts';

const PARTITION = 'bien-ban-print';
const PAGE = 'page.html';

/** The pages being printed, by token; the print session serves these and nothing else. */
const pages = new Map<string, PrintPage>();

/** What the print session answers: a page's HTML or its stylesheet, by token, else 404. */
export function printResponse(url: string): Response {
  const [, token = '', name = ''] = url.startsWith(`${APP_ORIGIN}/print/`) ? url.slice(APP_ORIGIN.length + 1).split('/') : [];
  const page = pages.get(token);
  if (!page || (name !== PAGE && name !== PRINT_CSS) || url !== `${APP_ORIGIN}/print/${token}/${name}`) return new Response('Not found', { status: 404 });
  const html = name === PAGE;
  return new Response(html ? page.html : page.css, {
    headers: {
      'content-type': html ? 'text/html; charset=utf-8' : 'text/css; charset=utf-8',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}

let printSession: Session | null = null;
function printingSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(PARTITION, { cache: false });
  ses.protocol.handle('app', (request) => printResponse(request.url));
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Nothing but the page and its stylesheet: no other scheme is loaded.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !details.url.startsWith(`${APP_ORIGIN}/print/`) }));
  printSession = ses;
  return ses;
}

async function withPage<T>(page: PrintPage, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const token = randomUUID();
  pages.set(token, page);
  const window = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      session: printingSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await window.loadURL(`${APP_ORIGIN}/print/${token}/${PAGE}`);
    return await use(window);
  } finally {
    pages.delete(token);
    window.destroy();
  }
}

export const PDF_OPTIONS = { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, generateDocumentOutline: false } as const;

export function electronPrinter(): Printer {
  return {
    pdf: (page) =>
      withPage(page, async (window) => {
        try {
          return new Uint8Array(await window.webContents.printToPDF(PDF_OPTIONS));
        } catch (error) {
          throw new AppError('PRINT_FAILED', `Không tạo được tệp PDF: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
        }
      }),
    print: (page) =>
      withPage(
        page,
        (window) =>
          new Promise<boolean>((resolve, reject) => {
            window.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
              if (success || reason === 'cancelled') resolve(success);
              else reject(new AppError('PRINT_FAILED', `Không in được: ${reason}.`));
            });
          }),
      ),
  };
}
