// Every layout number of the two formats, one table each (docs: ../shared/spec/minutes-format.md).
// Party: HD 36-HD/VPTW sizes (kept by HD 05-HD/VPTW 2026); State: Nghị định 30/2020/NĐ-CP, Phụ lục I.
// Entries marked (practice) are common usage, not the official text: change them here.
import type { Format } from '../model/meeting.ts';
import type { ParagraphRole } from './document.ts';

export type Align = 'left' | 'center' | 'right' | 'justify';

/** A rule drawn under a paragraph: a fraction of the text's width, or a fixed length. */
export type Rule = { fractionOfText: number } | { mm: number };

export type LineSpacing = { exactPt: number } | { multiple: number };

export interface TextStyle {
  sizePt: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  align: Align;
  firstLineMm: number;
  beforePt: number;
  afterPt: number;
  line: LineSpacing;
  /** Keep on the same page as the next paragraph (headings). */
  keepNext: boolean;
  rule?: Rule;
}

export interface Layout {
  font: string;
  /** A4 portrait, in twips as the spec gives it. */
  page: { widthTwips: number; heightTwips: number };
  marginsMm: { top: number; bottom: number; left: number; right: number };
  /** From the top edge of the page to the page number (practice). */
  headerDistanceMm: number;
  pageNumber: TextStyle;
  /** Column widths of the borderless tables; they add up to the text width (practice). */
  headerColumnsMm: [number, number];
  signatureColumnsMm: [number, number];
  /** Left and right padding inside table cells (practice). */
  cellPaddingMm: number;
  /** Thickness of the drawn rules. */
  ruleWidthPt: number;
  /** Gap between a rule and the text above it. */
  ruleGapPt: number;
  /** Space above the signature table's first row (practice). */
  signatureTopPt: number;
  /** Tables of figures (the statistics): the lines of their cells, and the space inside a cell. */
  dataBorderPt: number;
  dataCellPaddingPt: { vertical: number; horizontal: number };
  styles: Record<ParagraphRole, TextStyle>;
}

const SINGLE: LineSpacing = { multiple: 1 };

function style(sizePt: number, options: Partial<TextStyle> = {}): TextStyle {
  return {
    sizePt,
    bold: false,
    italic: false,
    underline: false,
    align: 'center',
    firstLineMm: 0,
    beforePt: 0,
    afterPt: 0,
    line: SINGLE,
    keepNext: false,
    ...options,
  };
}

const PARTY_BODY_LINE: LineSpacing = { exactPt: 18 }; // (practice) exactly 18–20 pt
const STATE_BODY_LINE: LineSpacing = { multiple: 1.15 }; // single to 1.5 lines
const SIGNATURE_GAP_PT = 72; // (practice) room for the signature, about 2.5 cm

const party: Layout = {
  font: 'Times New Roman',
  page: { widthTwips: 11906, heightTwips: 16838 },
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
  headerDistanceMm: 10,
  pageNumber: style(14),
  headerColumnsMm: [78, 87],
  signatureColumnsMm: [82.5, 82.5],
  cellPaddingMm: 1,
  ruleWidthPt: 0.75,
  ruleGapPt: 4,
  signatureTopPt: 12,
  dataBorderPt: 0.5,
  dataCellPaddingPt: { vertical: 2, horizontal: 4 },
  styles: {
    superiorBody: style(14),
    issuingBody: style(14, { bold: true }),
    star: style(14),
    number: style(14, { beforePt: 6 }),
    confidentiality: style(14, { bold: true, beforePt: 6 }), // (practice)
    nation: style(15, { bold: true, rule: { fractionOfText: 1 } }),
    motto: style(14, { bold: true }), // not used by the Party format
    date: style(14, { italic: true, beforePt: 6 }),
    title: style(16, { bold: true, keepNext: true, beforePt: 24 }),
    subtitle: style(14, { bold: true }),
    separator: style(14, { afterPt: 12 }), // the line of dashes
    body: style(14, { align: 'justify', firstLineMm: 10, afterPt: 6, line: PARTY_BODY_LINE }),
    heading: style(14, { bold: true, keepNext: true, align: 'justify', firstLineMm: 10, beforePt: 6, afterPt: 6, line: PARTY_BODY_LINE }),
    subheading: style(14, { bold: true, italic: true, keepNext: true, align: 'justify', firstLineMm: 10, afterPt: 6, line: PARTY_BODY_LINE }),
    signAuthority: style(14, { bold: true }),
    signTitle: style(14, { bold: true }), // (practice) NGƯỜI GHI BIÊN BẢN / CHỦ TRÌ HỘI NGHỊ
    signPosition: style(14), // caps, not bold
    signName: style(14, { bold: true, beforePt: SIGNATURE_GAP_PT, afterPt: 12 }),
    recipientsLabel: style(14, { underline: true, align: 'left' }),
    recipient: style(12, { align: 'left' }),
    cellHead: style(13, { bold: true }),
    cell: style(13, { align: 'left' }),
  },
};

const state: Layout = {
  font: 'Times New Roman',
  page: { widthTwips: 11906, heightTwips: 16838 },
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 }, // 20–25 / 20–25 / 30–35 / 15–20
  headerDistanceMm: 10,
  pageNumber: style(13),
  headerColumnsMm: [73, 92], // the quốc hiệu line needs about 8.9 cm at 12 pt
  signatureColumnsMm: [82.5, 82.5],
  cellPaddingMm: 1,
  ruleWidthPt: 0.75,
  ruleGapPt: 4,
  signatureTopPt: 12,
  dataBorderPt: 0.5,
  dataCellPaddingPt: { vertical: 2, horizontal: 4 },
  styles: {
    superiorBody: style(13),
    issuingBody: style(13, { bold: true, rule: { fractionOfText: 0.4 } }), // 1/3–1/2 of its width
    star: style(13), // not used by the State format
    number: style(13, { beforePt: 6 }),
    confidentiality: style(13, { bold: true, beforePt: 6 }), // (practice)
    nation: style(12, { bold: true }), // 12–13 pt; 13 pt would not fit on one line beside the issuing body
    motto: style(14, { bold: true, rule: { fractionOfText: 1 } }),
    date: style(14, { italic: true, beforePt: 6 }),
    title: style(14, { bold: true, keepNext: true, beforePt: 24 }),
    subtitle: style(14, { bold: true, afterPt: 12, rule: { mm: 30 } }), // the separator: a short solid rule (practice: 3 cm)
    separator: style(14), // not used: the State separator is the rule under the sub-title
    body: style(14, { align: 'justify', firstLineMm: 10, afterPt: 6, line: STATE_BODY_LINE }),
    heading: style(14, { bold: true, keepNext: true, align: 'justify', firstLineMm: 10, beforePt: 6, afterPt: 6, line: STATE_BODY_LINE }),
    subheading: style(14, { bold: true, italic: true, keepNext: true, align: 'justify', firstLineMm: 10, afterPt: 6, line: STATE_BODY_LINE }),
    signAuthority: style(14, { bold: true }),
    signTitle: style(14, { bold: true }), // THƯ KÝ / CHỦ TỌA
    signPosition: style(14, { bold: true }),
    signName: style(14, { bold: true, beforePt: SIGNATURE_GAP_PT, afterPt: 12 }),
    recipientsLabel: style(12, { bold: true, italic: true, align: 'left' }),
    recipient: style(11, { align: 'left' }),
    cellHead: style(13, { bold: true }),
    cell: style(13, { align: 'left' }),
  },
};

export const LAYOUTS: Record<Format, Layout> = { party, state };

export const layoutFor = (format: Format): Layout => LAYOUTS[format];

/** Twips (1/20 pt) from millimetres. */
export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);
