// The one list of documents the app produces and of the files each is written as. The handlers, the
// command-line tool and the preview screen read it; adding a document is one entry here, one builder
// (electron/minutes/registry.ts, checked complete by its type) and its model.
import type { DocumentType } from './minutes/wording.ts';

export const DOCUMENT_KINDS = ['minutes', 'notice', 'statistics'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The files a document can be written as; every document is also shown as an HTML preview. */
export const DOCUMENT_OUTPUTS = ['docx', 'pdf', 'csv'] as const;
export type DocumentOutput = (typeof DOCUMENT_OUTPUTS)[number];

export interface DocumentInfo {
  /** Inside a sentence: "Đã xuất biên bản". */
  noun: string;
  /** A title, the start of a file name: "Biên bản". */
  title: string;
  /** The symbol of its number ("Số 05-BB/…") when it is an official document with one. */
  symbol: DocumentType | null;
  /** Its format: the meeting's own (stored with it), or chosen at each export. */
  format: 'meeting' | 'chosen';
  outputs: readonly DocumentOutput[];
  /** The command of the command-line tool that writes it. */
  command: string;
}

export const DOCUMENTS: Record<DocumentKind, DocumentInfo> = {
  minutes: { noun: 'biên bản', title: 'Biên bản', symbol: 'BB', format: 'meeting', outputs: ['docx', 'pdf'], command: 'minutes' },
  notice: { noun: 'thông báo kết luận', title: 'Thông báo kết luận', symbol: 'TB', format: 'chosen', outputs: ['docx', 'pdf'], command: 'notice' },
  statistics: {
    noun: 'thống kê thời gian phát biểu',
    title: 'Thống kê thời gian phát biểu',
    symbol: null,
    format: 'meeting',
    outputs: ['docx', 'pdf', 'csv'],
    command: 'stats',
  },
};

/** What Ctrl+E (Xuất biên bản…) writes, and what the menu's Ctrl+P prints outside the preview. */
export const QUICK_EXPORT = { kind: 'minutes', output: 'docx' } as const satisfies { kind: DocumentKind; output: DocumentOutput };

export interface OutputInfo {
  /** The kind of file, for a button or a dialog: "Word". */
  label: string;
  extension: string;
  /** The save dialog's filter name. */
  filter: string;
}

export const OUTPUTS: Record<DocumentOutput, OutputInfo> = {
  docx: { label: 'Word', extension: 'docx', filter: 'Văn bản Word' },
  pdf: { label: 'PDF', extension: 'pdf', filter: 'Tệp PDF' },
  csv: { label: 'CSV', extension: 'csv', filter: 'Bảng CSV (mở bằng Excel)' },
};
