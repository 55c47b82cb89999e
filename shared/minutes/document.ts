// The document model both renderers draw: formatted Vietnamese text in semantic roles, no layout.
import type { DocumentKind } from '../documents.ts';
import type { Format } from '../model/meeting.ts';

export type { DocumentKind } from '../documents.ts';

/** What a paragraph is; the layout table of each format says how each role looks. */
export type ParagraphRole =
  // Header block
  | 'superiorBody'
  | 'issuingBody'
  | 'star'
  | 'number'
  | 'confidentiality'
  | 'nation'
  | 'motto'
  | 'date'
  // Title
  | 'title'
  | 'subtitle'
  | 'separator'
  // Body
  | 'body'
  | 'heading'
  | 'subheading'
  // Signatures and recipients
  | 'signAuthority'
  | 'signTitle'
  | 'signPosition'
  | 'signName'
  | 'recipientsLabel'
  | 'recipient'
  // Tables of figures
  | 'cellHead'
  | 'cell';

/** A piece of text; `strong` marks a label or a speaker's name inside a paragraph. A "\n" is a line break. */
export interface Run {
  text: string;
  strong?: boolean;
}

export interface Paragraph {
  type: 'paragraph';
  role: ParagraphRole;
  runs: Run[];
  /** Introduces the next paragraph ("… kết luận:"): no page break between them. */
  lead?: boolean;
}

/** A borderless two-column table: the header block or the signatures. Rows of cells of paragraphs. */
export interface Table {
  type: 'table';
  role: 'header' | 'signatures';
  rows: Paragraph[][][];
}

export type CellAlign = 'left' | 'center' | 'right';

/** A table of figures with ruled cells: a row of column titles, then rows of texts; the last row a total when marked. */
export interface DataTable {
  type: 'data';
  columns: { title: string; /** Share of the text width. */ width: number; align: CellAlign }[];
  rows: string[][];
  totalRow?: boolean;
}

export type Block = Paragraph | Table | DataTable;

export interface DocumentModel {
  kind: DocumentKind;
  format: Format;
  blocks: Block[];
  /** Who the file says wrote it (its properties): the minute-taker or the issuing body. */
  author: string;
  /** The file's title in its properties. */
  title: string;
  /** What the secretary left empty and the document shows as "…", in Vietnamese. */
  missing: string[];
  /** What the secretary may want to look at though the document prints it as it is (no "…"), in Vietnamese. */
  advice: string[];
}

export const BLANK = '…';

/**
 * Collects the fields a document needs but the record lacks, each printed as "…" by the caller (note: only where
 * it prints "…" itself); and apart, advice about what is printed as it is.
 */
export class Gaps {
  readonly list: string[] = [];
  readonly advice: string[] = [];
  private readonly seen = new Set<string>();

  /** The value, or "…" with the message noted when it is empty. */
  need(value: string | null | undefined, message: string): string {
    if (value && value.trim()) return value;
    this.note(message);
    return BLANK;
  }

  note(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.list.push(message);
  }

  advise(message: string): void {
    if (!this.advice.includes(message)) this.advice.push(message);
  }
}

export function paragraph(role: ParagraphRole, ...parts: (string | Run)[]): Paragraph {
  return {
    type: 'paragraph',
    role,
    runs: parts.filter((p) => (typeof p === 'string' ? p : p.text) !== '').map((p) => (typeof p === 'string' ? { text: p } : p)),
  };
}

export const body = (...parts: (string | Run)[]): Paragraph => paragraph('body', ...parts);

export const strong = (text: string): Run => ({ text, strong: true });

/** The paragraph, marked as introducing the next one. */
export const lead = (p: Paragraph): Paragraph => ({ ...p, lead: true });

/** The plain text of a paragraph. */
export const paragraphText = (p: Paragraph): string => p.runs.map((r) => r.text).join('');
