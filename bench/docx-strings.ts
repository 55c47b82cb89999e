// The baseline of the minutes benchmark: the document.xml the docx renderer writes, written here as strings straight
// from the document model, with the same layout numbers. The benchmark checks that it is the same XML, byte for
// byte, and so measures what the docx package costs beyond writing the text. Never used by the app.
import type { DocumentModel, Paragraph, Table } from '../shared/minutes/document.ts';
import { paragraphText } from '../shared/minutes/document.ts';
import { layoutFor, mmToTwips, type Layout, type TextStyle } from '../shared/minutes/layout.ts';
import { textWidthPt } from '../electron/minutes/metrics.ts';

const pt = (points: number): number => Math.round(points * 20);
// eslint-disable-next-line no-control-regex -- the characters XML cannot hold, as docx drops them
const TEXT = /[&<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const escape = (text: string) => text.replace(TEXT, (c) => ENTITIES[c] ?? '');
const JC = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const;
const NONE = 'w:val="none" w:color="auto" w:sz="0"';

/** A run's properties where they differ from the document's defaults (font, black, the body's size), as the renderer writes them. */
function runProperties(layout: Layout, style: TextStyle, strong = false): string {
  const size = style.sizePt * 2;
  const inner =
    `${style.bold || strong ? '<w:b/><w:bCs/>' : ''}${style.italic ? '<w:i/><w:iCs/>' : ''}` +
    `${style.sizePt === layout.styles.body.sizePt ? '' : `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`}${style.underline ? '<w:u w:val="single"/>' : ''}`;
  return inner === '' ? '' : `<w:rPr>${inner}</w:rPr>`;
}

const spacing = (before: number, after: number, line: TextStyle['line']) =>
  'exactPt' in line
    ? `<w:spacing w:after="${pt(after)}" w:before="${pt(before)}" w:line="${pt(line.exactPt)}" w:lineRule="exact"/>`
    : `<w:spacing w:after="${pt(after)}" w:before="${pt(before)}" w:line="${Math.round(240 * line.multiple)}" w:lineRule="auto"/>`;

const keep = (on: boolean) => (on ? '<w:keepNext/>' : '');

function paragraphs(p: Paragraph, layout: Layout, widthTwips: number, keepNextToo = false, beforePt?: number): string {
  const style = { ...layout.styles[p.role], ...(beforePt === undefined ? {} : { beforePt }) };
  const keepNext = keepNextToo || Boolean(p.lead) || style.keepNext;
  const indent = style.firstLineMm ? `<w:ind w:firstLine="${mmToTwips(style.firstLineMm)}"/>` : '';
  let out =
    `<w:p><w:pPr>${keep(keepNext || Boolean(style.rule))}${spacing(style.beforePt, style.rule ? layout.ruleGapPt : style.afterPt, style.line)}` +
    `${indent}<w:jc w:val="${JC[style.align]}"/>${runProperties(layout, style)}</w:pPr>`;
  for (const run of p.runs) {
    const properties = runProperties(layout, style, run.strong);
    run.text.split('\n').forEach((line, i) => {
      out += `<w:r>${properties}${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escape(line)}</w:t></w:r>`;
    });
  }
  out += '</w:p>';
  if (!style.rule) return out;
  const longest = Math.max(
    ...paragraphText(p)
      .split('\n')
      .map((line) => textWidthPt(line, style.sizePt, style.bold)),
  );
  const rule = 'fractionOfText' in style.rule ? Math.min(pt(longest), widthTwips) * style.rule.fractionOfText : mmToTwips(style.rule.mm);
  const side = Math.max(0, Math.round((widthTwips - rule) / 2));
  return (
    `${out}<w:p><w:pPr>${keep(keepNext)}<w:pBdr><w:top w:val="single" w:color="000000" w:sz="${Math.round(layout.ruleWidthPt * 8)}" w:space="0"/></w:pBdr>` +
    `<w:spacing w:after="${pt(style.afterPt)}" w:before="0" w:line="${pt(1)}" w:lineRule="exact"/>` +
    `<w:ind w:left="${side}" w:right="${side}"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`
  );
}

function table(t: Table, layout: Layout): string {
  const widths = (t.role === 'header' ? layout.headerColumnsMm : layout.signatureColumnsMm).map(mmToTwips);
  const padding = mmToTwips(layout.cellPaddingMm);
  const borders = (sides: string[]) => sides.map((side) => `<w:${side} ${NONE}/>`).join('');
  let out =
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${widths.reduce((a, b) => a + b, 0)}"/>` +
    `<w:tblBorders>${borders(['top', 'left', 'bottom', 'right', 'insideH', 'insideV'])}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="${padding}"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="${padding}"/></w:tblCellMar>` +
    `</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  t.rows.forEach((cells, r) => {
    out += '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 0;
      out += `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/><w:tcBorders>${borders(['top', 'left', 'bottom', 'right'])}</w:tcBorders></w:tcPr>`;
      const top = (j: number) => (t.role === 'signatures' && r === 0 && j === 0 ? layout.signatureTopPt : undefined);
      out += cell.length > 0 ? cell.map((p, j) => paragraphs(p, layout, width - 2 * padding, false, top(j))).join('') : '<w:p/>';
      out += '</w:tc>';
    });
    out += '</w:tr>';
  });
  return `${out}</w:tbl>`;
}

/** The body of document.xml; `head` and `tail` (the namespaces, the section properties) are the renderer's own. */
export function documentXmlAsStrings(doc: DocumentModel, head: string, tail: string): string {
  const layout = layoutFor(doc.format);
  const textWidth = layout.page.widthTwips - mmToTwips(layout.marginsMm.left) - mmToTwips(layout.marginsMm.right);
  let out = head;
  doc.blocks.forEach((block, i) => {
    if (block.type === 'table') {
      out += table(block, layout);
      return;
    }
    if (block.type === 'data') throw new Error('the string baseline writes the minutes, which hold no table of figures');
    const next = doc.blocks[i + 1];
    out += paragraphs(block, layout, textWidth, next?.type === 'table' && next.role === 'signatures');
  });
  if (doc.blocks[doc.blocks.length - 1]?.type !== 'paragraph') out += '<w:p/>';
  return out + tail;
}
