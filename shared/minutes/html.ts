// The HTML renderer of the document model, for the in-app preview: the same blocks and layout table as the DOCX.
// All text is escaped. The markup carries no inline styles (the page's CSP forbids them): each element has a class
// and `previewStylesheet` turns the layout table into the matching CSS, which the page adopts through the CSSOM.
import type { Format } from '../model/meeting.ts';
import type { Block, DataTable, DocumentModel, Paragraph, ParagraphRole, Run, Table } from './document.ts';
import { layoutFor, type LineSpacing, type TextStyle } from './layout.ts';

/** A single line of Times New Roman is about 1.15 times its size (its ascent plus descent). */
const SINGLE_LINE_EM = 1.15;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Times New Roman where installed; elsewhere a serif with the same metrics, so that lines and pages fall alike. */
export const fontStack = (font: string): string => `'${font}','Liberation Serif','Tinos',Times,serif`;

const lineHeight = (line: LineSpacing): string => ('exactPt' in line ? `${line.exactPt}pt` : String(line.multiple * SINGLE_LINE_EM));

function runHtml(run: Run): string {
  const text = escapeHtml(run.text).replace(/\n/g, '<br>');
  return run.strong ? `<strong>${text}</strong>` : text;
}

function paragraphHtml(p: Paragraph): string {
  const rule = '<span class="rule"></span>';
  const inner = p.runs.map(runHtml).join('');
  const classes = `r-${p.role}${p.lead ? ' keep' : ''}`;
  return `<p class="${classes}">${inner}${rule}</p>`;
}

function tableHtml(table: Table): string {
  const rows = table.rows.map((cells) => `<tr>${cells.map((cell) => `<td>${cell.map(paragraphHtml).join('')}</td>`).join('')}</tr>`);
  return `<table class="t-${table.role}"><colgroup><col class="c1"><col class="c2"></colgroup>${rows.join('')}</table>`;
}

/** A table of figures; column widths are presentational attributes, which the CSP (it governs style attributes) allows. */
function dataTableHtml(table: DataTable): string {
  const cols = table.columns.map((c) => `<col width="${c.width}%">`).join('');
  const head = table.columns.map((c) => `<th>${paragraphHtml({ type: 'paragraph', role: 'cellHead', runs: [{ text: c.title }] })}</th>`).join('');
  const rows = table.rows.map((cells, r) => {
    const total = table.totalRow && r === table.rows.length - 1 ? ' class="total"' : '';
    const tds = cells.map(
      (text, i) => `<td class="a-${table.columns[i]?.align ?? 'left'}">${paragraphHtml({ type: 'paragraph', role: 'cell', runs: [{ text }] })}</td>`,
    );
    return `<tr${total}>${tds.join('')}</tr>`;
  });
  return `<table class="t-data"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'table':
      return tableHtml(block);
    case 'data':
      return dataTableHtml(block);
    case 'paragraph':
      return paragraphHtml(block);
  }
}

/** The document as one HTML fragment, to be shown with `previewStylesheet(doc.format)`. */
export function renderHtml(doc: DocumentModel): string {
  return `<article class="bien-ban" lang="vi" data-kind="${doc.kind}" data-format="${doc.format}">${doc.blocks.map(blockHtml).join('')}</article>`;
}

function declarations(style: TextStyle): string {
  return [
    `margin:${style.beforePt}pt 0 ${style.afterPt}pt`,
    `text-indent:${style.firstLineMm}mm`,
    `text-align:${style.align}`,
    `font-size:${style.sizePt}pt`,
    `line-height:${lineHeight(style.line)}`,
    `font-weight:${style.bold ? 'bold' : 'normal'}`,
    `font-style:${style.italic ? 'italic' : 'normal'}`,
    `text-decoration:${style.underline ? 'underline' : 'none'}`,
    ...(style.keepNext ? ['break-after:avoid'] : []),
  ].join(';');
}

/** The CSS of one format's page: every number comes from its layout table. */
export function previewStylesheet(format: Format): string {
  const layout = layoutFor(format);
  const scope = `.bien-ban[data-format="${format}"]`;
  const { top, right, bottom, left } = layout.marginsMm;
  const widthMm = (layout.page.widthTwips * 25.4) / 1440;
  const border = `border-top:${layout.ruleWidthPt}pt solid #000`;
  const rules: string[] = [
    `${scope}{box-sizing:border-box;width:${widthMm.toFixed(1)}mm;padding:${top}mm ${right}mm ${bottom}mm ${left}mm;background:#fff;color:#000;font-family:${fontStack(layout.font)}}`,
    `${scope} table{border-collapse:collapse;table-layout:fixed;border:none}`,
    `${scope} td{vertical-align:top;padding:0 ${layout.cellPaddingMm}mm}`,
    `${scope} .t-header{width:${layout.headerColumnsMm[0] + layout.headerColumnsMm[1]}mm}`,
    `${scope} .t-header .c1{width:${layout.headerColumnsMm[0]}mm}`,
    `${scope} .t-header .c2{width:${layout.headerColumnsMm[1]}mm}`,
    `${scope} .t-signatures{width:${layout.signatureColumnsMm[0] + layout.signatureColumnsMm[1]}mm}`,
    `${scope} .t-signatures .c1{width:${layout.signatureColumnsMm[0]}mm}`,
    `${scope} .t-signatures .c2{width:${layout.signatureColumnsMm[1]}mm}`,
    `${scope} .t-signatures tr:first-child td{padding-top:${layout.signatureTopPt}pt}`,
    `${scope} .keep{break-after:avoid}`,
    `${scope} .t-data{width:100%;margin:${layout.styles.body.afterPt}pt 0}`,
    `${scope} .t-data th,${scope} .t-data td{border:${layout.dataBorderPt}pt solid #000;padding:${layout.dataCellPaddingPt.vertical}pt ${layout.dataCellPaddingPt.horizontal}pt;vertical-align:middle}`,
    `${scope} .t-data tr{break-inside:avoid}`,
    `${scope} .t-data .total p{font-weight:bold}`,
    ...(['left', 'center', 'right'] as const).map((align) => `${scope} .t-data .a-${align} p{text-align:${align}}`),
    `${scope} .rule{display:none}`,
  ];
  for (const [role, style] of Object.entries(layout.styles) as [ParagraphRole, TextStyle][]) {
    rules.push(`${scope} .r-${role}{${declarations(style)}}`);
    if (!style.rule) continue;
    // A rule as long as a fraction of the text: the paragraph shrinks to its text, the rule spans a part of it.
    const width = 'fractionOfText' in style.rule ? `${style.rule.fractionOfText * 100}%` : `${style.rule.mm}mm`;
    if ('fractionOfText' in style.rule) rules.push(`${scope} .r-${role}{width:fit-content;margin-left:auto;margin-right:auto}`);
    rules.push(`${scope} .r-${role} .rule{display:block;width:${width};margin:${layout.ruleGapPt}pt auto 0;${border}}`);
  }
  return rules.join('\n');
}
