// The HTML renderer of the document model, for the in-app preview: the same blocks and layout table as the DOCX.
// All text is escaped; styles are inline and come only from the layout numbers.
import type { Block, DocumentModel, Paragraph, Run, Table } from './document.ts';
import { layoutFor, type Layout, type LineSpacing, type TextStyle } from './layout.ts';

/** A single line of Times New Roman is about 1.15 times its size (its ascent plus descent). */
const SINGLE_LINE_EM = 1.15;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const lineHeight = (line: LineSpacing): string => ('exactPt' in line ? `${line.exactPt}pt` : String(line.multiple * SINGLE_LINE_EM));

function css(style: TextStyle): string {
  return [
    `margin:${style.beforePt}pt 0 ${style.afterPt}pt`,
    `text-indent:${style.firstLineMm}mm`,
    `text-align:${style.align}`,
    `font-size:${style.sizePt}pt`,
    `line-height:${lineHeight(style.line)}`,
    `font-weight:${style.bold ? 'bold' : 'normal'}`,
    `font-style:${style.italic ? 'italic' : 'normal'}`,
    `text-decoration:${style.underline ? 'underline' : 'none'}`,
  ].join(';');
}

function runHtml(run: Run): string {
  const text = escapeHtml(run.text).replace(/\n/g, '<br>');
  return run.strong ? `<strong>${text}</strong>` : text;
}

function paragraphHtml(p: Paragraph, layout: Layout): string {
  const style = layout.styles[p.role];
  let inner = p.runs.map(runHtml).join('');
  const rule = `border-top:${layout.ruleWidthPt}pt solid #000`;
  if (style.rule && 'fractionOfText' in style.rule) {
    const width = `${style.rule.fractionOfText * 100}%`;
    inner = `<span style="display:inline-block;text-indent:0">${inner}<span style="display:block;width:${width};margin:${layout.ruleGapPt}pt auto 0;${rule}"></span></span>`;
  } else if (style.rule) {
    inner += `<span style="display:block;width:${style.rule.mm}mm;margin:${layout.ruleGapPt}pt auto 0;${rule}"></span>`;
  }
  const keep = p.lead || style.keepNext ? ';break-after:avoid' : '';
  return `<p data-role="${p.role}" style="${css(style)}${keep}">${inner}</p>`;
}

function tableHtml(table: Table, layout: Layout): string {
  const [left, right] = table.role === 'header' ? layout.headerColumnsMm : layout.signatureColumnsMm;
  const cols = `<colgroup><col style="width:${left}mm"><col style="width:${right}mm"></colgroup>`;
  const top = table.role === 'signatures' ? layout.signatureTopPt : 0;
  const rows = table.rows.map((cells, r) => {
    const padding = `${r === 0 ? top : 0}pt ${layout.cellPaddingMm}mm 0`;
    const tds = cells.map((cell) => `<td style="vertical-align:top;padding:${padding}">${cell.map((p) => paragraphHtml(p, layout)).join('')}</td>`);
    return `<tr>${tds.join('')}</tr>`;
  });
  return `<table data-role="${table.role}" style="width:${left + right}mm;border-collapse:collapse;table-layout:fixed;border:none">${cols}${rows.join('')}</table>`;
}

const blockHtml = (block: Block, layout: Layout): string =>
  block.type === 'table' ? tableHtml(block, layout) : paragraphHtml(block, layout);

/** The document as one self-contained HTML fragment: an A4-wide page with the format's margins and fonts. */
export function renderHtml(doc: DocumentModel): string {
  const layout = layoutFor(doc.format);
  const { top, right, bottom, left } = layout.marginsMm;
  const widthMm = (layout.page.widthTwips * 25.4) / 1440;
  const page = [
    'box-sizing:border-box',
    `width:${widthMm.toFixed(1)}mm`,
    `padding:${top}mm ${right}mm ${bottom}mm ${left}mm`,
    'background:#fff',
    'color:#000',
    `font-family:'${layout.font}',Times,serif`,
  ].join(';');
  return `<article class="bien-ban" lang="vi" data-kind="${doc.kind}" data-format="${doc.format}" style="${page}">${doc.blocks.map((b) => blockHtml(b, layout)).join('')}</article>`;
}
