// The DOCX renderer of the document model (docx package): the same blocks and layout table as the HTML preview.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  PageNumber,
  PageOrientation,
  Paragraph as DocxParagraph,
  Table as DocxTable,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { DataTable, DocumentModel, Paragraph, Table } from '../../shared/minutes/document.ts';
import { paragraphText } from '../../shared/minutes/document.ts';
import { LAYOUTS, layoutFor, mmToTwips, type Align, type Layout, type TextStyle } from '../../shared/minutes/layout.ts';
import { packDocx } from './docx-package.ts';
import { StyleCache, styledParagraph, styledRuns, type ParagraphStyle, type RunStyle } from './docx-prepared.ts';
import { textWidthPt } from './metrics.ts';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<Align, unknown>;
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER };

const pt = (points: number): number => Math.round(points * 20);

/** Times New Roman in all four slots, so that no character falls back to another font. */
const fontSlots = (font: string) => ({ ascii: font, hAnsi: font, cs: font, eastAsia: font });

/**
 * What every run is unless it says otherwise (styles.xml's document defaults): the font in all four slots, black,
 * the body's size, Vietnamese. Runs and paragraph marks then state only how they differ, which keeps document.xml
 * to a third of the size it had with every property on every run, and its XML and deflate cheaper by as much.
 */
function documentRun(layout: Layout) {
  const size = layout.styles.body.sizePt * 2;
  return { font: fontSlots(layout.font), size, sizeComplexScript: size, color: '000000', language: { value: 'vi-VN' } };
}

export function runStyle(layout: Layout, style: TextStyle, strong = false): RunStyle {
  return {
    ...(style.sizePt === layout.styles.body.sizePt ? {} : { size: style.sizePt * 2, sizeComplexScript: style.sizePt * 2 }),
    ...(style.bold || strong ? { bold: true, boldComplexScript: true } : {}),
    ...(style.italic ? { italics: true, italicsComplexScript: true } : {}),
    ...(style.underline ? { underline: { type: UnderlineType.SINGLE } } : {}),
  };
}

function spacing(style: TextStyle, afterPt = style.afterPt) {
  const line =
    'exactPt' in style.line
      ? { line: pt(style.line.exactPt), lineRule: LineRuleType.EXACT }
      : { line: Math.round(240 * style.line.multiple), lineRule: LineRuleType.AUTO };
  return { before: pt(style.beforePt), after: pt(afterPt), ...line };
}

/** The properties of a paragraph of this style (its text's, and those of its paragraph mark). */
export function paragraphStyle(layout: Layout, style: TextStyle, keepNext: boolean): ParagraphStyle {
  return {
    alignment: ALIGN[style.align],
    indent: style.firstLineMm ? { firstLine: mmToTwips(style.firstLineMm) } : undefined,
    // Over a rule, the gap is the text's own space after: a word processor may draw a border over the space before.
    spacing: spacing(style, style.rule ? layout.ruleGapPt : style.afterPt),
    ...(keepNext || style.rule ? { keepNext: true } : {}),
    run: runStyle(layout, style),
  };
}

/** Each layout's styles, built once for every document. */
const STYLES = new Map<Layout, StyleCache>(Object.values(LAYOUTS).map((layout) => [layout, new StyleCache()]));

const runKey = (style: TextStyle, strong: boolean) => `${style.sizePt}|${style.bold || strong}|${style.italic}|${style.underline}`;
const paragraphKey = (style: TextStyle, keepNext: boolean) =>
  `${runKey(style, false)}|${style.align}|${style.firstLineMm}|${style.beforePt}|${style.rule ? 'rule' : style.afterPt}|` +
  `${'exactPt' in style.line ? `=${style.line.exactPt}` : `*${style.line.multiple}`}|${keepNext || Boolean(style.rule)}`;

/**
 * A paragraph, and the rule under it when its style has one: an empty paragraph with a top border, indented so that
 * the rule is centred and as long as the text (or a fraction of it, or a fixed length). The text keeps its full width.
 */
function paragraphs(p: Paragraph, layout: Layout, widthTwips: number, options: { keepNext?: boolean; beforePt?: number; align?: Align } = {}): DocxParagraph[] {
  const style = {
    ...layout.styles[p.role],
    ...(options.beforePt === undefined ? {} : { beforePt: options.beforePt }),
    ...(options.align === undefined ? {} : { align: options.align }),
  };
  const keepNext = Boolean(options.keepNext || p.lead || style.keepNext);
  const styles = STYLES.get(layout) ?? new StyleCache();
  const children = p.runs.flatMap((run) =>
    styledRuns(
      styles.run(runKey(style, Boolean(run.strong)), () => runStyle(layout, style, run.strong)),
      run.text,
    ),
  );
  const text = styledParagraph(
    styles.paragraph(paragraphKey(style, keepNext), () => paragraphStyle(layout, style, keepNext)),
    children,
  );
  if (!style.rule) return [text];

  const longestLine = Math.max(
    ...paragraphText(p)
      .split('\n')
      .map((line) => textWidthPt(line, style.sizePt, style.bold)),
  );
  const textTwips = Math.min(pt(longestLine), widthTwips);
  const ruleTwips = 'fractionOfText' in style.rule ? textTwips * style.rule.fractionOfText : mmToTwips(style.rule.mm);
  const side = Math.max(0, Math.round((widthTwips - ruleTwips) / 2));
  const rule = new DocxParagraph({
    indent: { left: side, right: side },
    spacing: { before: 0, after: pt(style.afterPt), line: pt(1), lineRule: LineRuleType.EXACT },
    border: { top: { style: BorderStyle.SINGLE, size: Math.round(layout.ruleWidthPt * 8), color: '000000', space: 0 } },
    ...(keepNext ? { keepNext } : {}),
    run: { size: 2 },
  });
  return [text, rule];
}

function table(t: Table, layout: Layout): DocxTable {
  const widths = (t.role === 'header' ? layout.headerColumnsMm : layout.signatureColumnsMm).map(mmToTwips);
  const padding = mmToTwips(layout.cellPaddingMm);
  return new DocxTable({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
    margins: { top: 0, bottom: 0, left: padding, right: padding },
    rows: t.rows.map(
      (cells, r) =>
        new TableRow({
          cantSplit: true,
          children: cells.map((cell, i) => {
            const inner = (widths[i] ?? 0) - 2 * padding;
            // The signatures stand a little below the text above them.
            const top = (j: number) => (t.role === 'signatures' && r === 0 && j === 0 ? { beforePt: layout.signatureTopPt } : {});
            return new TableCell({
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              borders: NO_BORDERS,
              children: cell.length > 0 ? cell.flatMap((p, j) => paragraphs(p, layout, inner, top(j))) : [new DocxParagraph({})],
            });
          }),
        }),
    ),
  });
}

/** A table of figures: ruled cells, the row of titles repeated on every page, no row split across pages. */
function dataTable(t: DataTable, layout: Layout, widthTwips: number): DocxTable {
  const share = t.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((widthTwips * c.width) / share));
  const line = { style: BorderStyle.SINGLE, size: Math.round(layout.dataBorderPt * 8), color: '000000' } as const;
  const { vertical, horizontal } = layout.dataCellPaddingPt;
  const row = (texts: string[], role: 'cellHead' | 'cell', strong: boolean, header: boolean) =>
    new TableRow({
      cantSplit: true,
      tableHeader: header,
      children: texts.map(
        (text, i) =>
          new TableCell({
            width: { size: widths[i] ?? 0, type: WidthType.DXA },
            // Centred in the row's height, as the preview and the PDF (html.ts: .t-data td).
            verticalAlign: VerticalAlignTable.CENTER,
            children: paragraphs(
              { type: 'paragraph', role, runs: [{ text, strong }] },
              layout,
              widths[i] ?? 0,
              // Headings centred as their style says (as in the preview); figures and names as their column.
              header ? {} : { align: t.columns[i]?.align ?? 'left' },
            ),
          }),
      ),
    });
  return new DocxTable({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
    margins: { top: pt(vertical), bottom: pt(vertical), left: pt(horizontal), right: pt(horizontal) },
    rows: [
      row(
        t.columns.map((c) => c.title),
        'cellHead',
        true,
        true,
      ),
      ...t.rows.map((cells, r) => row(cells, 'cell', Boolean(t.totalRow) && r === t.rows.length - 1, false)),
    ],
  });
}

/** The page number: Arabic, centred in the header, on every page but the first. */
function pageNumberHeader(layout: Layout): Header {
  const style = layout.pageNumber;
  return new Header({
    children: [
      new DocxParagraph({
        alignment: ALIGN[style.align],
        children: [new TextRun({ children: [PageNumber.CURRENT], ...runStyle(layout, style) })],
      }),
    ],
  });
}

export async function renderDocx(doc: DocumentModel): Promise<Uint8Array> {
  const layout = layoutFor(doc.format);
  const { top, bottom, left, right } = layout.marginsMm;
  const textWidth = layout.page.widthTwips - mmToTwips(left) - mmToTwips(right);

  const children: (DocxParagraph | DocxTable)[] = [];
  doc.blocks.forEach((block, i) => {
    if (block.type === 'table') {
      children.push(table(block, layout));
      return;
    }
    if (block.type === 'data') {
      children.push(dataTable(block, layout, textWidth));
      return;
    }
    // The last paragraph before the signatures stays on their page.
    const beforeSignatures = doc.blocks[i + 1]?.type === 'table' && (doc.blocks[i + 1] as Table).role === 'signatures';
    children.push(...paragraphs(block, layout, textWidth, { keepNext: beforeSignatures }));
  });
  // A document must not end with a table.
  if (doc.blocks[doc.blocks.length - 1]?.type !== 'paragraph') children.push(new DocxParagraph({}));

  const document = new Document({
    creator: doc.author || 'Biên Bản',
    lastModifiedBy: doc.author || 'Biên Bản',
    title: doc.title,
    styles: {
      default: {
        document: { run: documentRun(layout) },
      },
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: layout.page.widthTwips, height: layout.page.heightTwips, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: mmToTwips(top),
              bottom: mmToTwips(bottom),
              left: mmToTwips(left),
              right: mmToTwips(right),
              header: mmToTwips(layout.headerDistanceMm),
              footer: mmToTwips(layout.headerDistanceMm),
            },
          },
        },
        headers: { default: pageNumberHeader(layout), first: new Header({ children: [new DocxParagraph({})] }) },
        children,
      },
    ],
  });
  return packDocx(document);
}
