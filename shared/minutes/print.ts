// The page a browser engine prints to PDF (or to paper): the preview's very HTML and stylesheet, as a whole
// document under the app's Content-Security-Policy, with the page rules of the format's layout table — A4, its
// margins, the page number centred in the top margin from page 2 on, as in the Word file.
import { CONTENT_SECURITY_POLICY } from '../csp.ts';
import type { DocumentModel } from './document.ts';
import { escapeHtml, fontStack, previewStylesheet, renderHtml } from './html.ts';
import { layoutFor } from './layout.ts';

/** The stylesheet's name beside the page: a file the page links to (the CSP allows no inline style). */
export const PRINT_CSS = 'print.css';

export interface PrintPage {
  /** A whole HTML document that links to PRINT_CSS… */
  html: string;
  /** …and that stylesheet. */
  css: string;
  title: string;
}

function pageRules(doc: DocumentModel): string {
  const layout = layoutFor(doc.format);
  const { top, right, bottom, left } = layout.marginsMm;
  const number = layout.pageNumber;
  const scope = `.bien-ban[data-format="${doc.format}"]`;
  return [
    `@page{size:A4 portrait;margin:${top}mm ${right}mm ${bottom}mm ${left}mm;` +
      `@top-center{content:counter(page);vertical-align:top;padding-top:${layout.headerDistanceMm}mm;` +
      `font-family:${fontStack(layout.font)};font-size:${number.sizePt}pt;line-height:1;color:#000}}`,
    '@page:first{@top-center{content:none}}',
    'html,body{margin:0;padding:0;background:#fff}',
    // On paper the page is the sheet: no width, padding or shadow of the on-screen page.
    `${scope}{width:auto;padding:0}`,
  ].join('\n');
}

export function printPage(doc: DocumentModel): PrintPage {
  const title = escapeHtml(doc.title);
  const html =
    '<!doctype html><html lang="vi"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">` +
    `<title>${title}</title><meta name="author" content="${escapeHtml(doc.author)}">` +
    `<link rel="stylesheet" href="${PRINT_CSS}"></head><body>${renderHtml(doc)}</body></html>`;
  return { html, css: `${previewStylesheet(doc.format)}\n${pageRules(doc)}`, title: doc.title };
}
