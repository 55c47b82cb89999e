// The documents of a stored meeting (shared/documents.ts): their HTML preview, and each file they are
// written as — DOCX (docx package), PDF (the preview's page printed by a browser engine), CSV — from one model.
import Papa from 'papaparse';
import type { Preview } from '../../shared/api.ts';
import { DOCUMENTS, OUTPUTS, type DocumentKind, type DocumentOutput } from '../../shared/documents.ts';
import { AppError } from '../../shared/errors.ts';
import type { DocumentModel } from '../../shared/minutes/document.ts';
import { previewStylesheet, renderHtml } from '../../shared/minutes/html.ts';
import { printPage, type PrintPage } from '../../shared/minutes/print.ts';
import { BUILDERS, type BuildOptions } from '../../shared/minutes/registry.ts';
import type { Format } from '../../shared/model/meeting.ts';
import type { Documents } from '../api/handlers.ts';
import { writeFileAtomic } from '../services/files.ts';
import { getMeetingRecord } from '../services/meetings.ts';
import type { Store } from '../store/index.ts';
import { renderDocx } from './docx.ts';

export interface DocumentRequest {
  kind: DocumentKind;
  /** The meeting's own format when not given. */
  format?: Format | undefined;
  /** Date of the notice (YYYY-MM-DD); the one recorded with the meeting when not given. */
  issuedOn?: string | undefined;
}

/** A browser engine that prints a page: Electron's own window in the app, an installed browser for the command line. */
export interface Printer {
  /** The page as PDF bytes, laid out by its own stylesheet (A4, margins, page numbers). */
  pdf(page: PrintPage): Promise<Uint8Array>;
  /** The page to the system's print dialog; false when the user cancelled it. Absent where there is no screen. */
  print?(page: PrintPage): Promise<boolean>;
}

const noPrinter: Printer = {
  pdf: () => Promise.reject(new AppError('PRINT_FAILED', 'Không tạo được tệp PDF: không có trình in PDF.')),
};

function buildOptions(request: DocumentRequest): BuildOptions {
  return { format: request.format, ...(request.issuedOn === undefined ? {} : { issuedOn: request.issuedOn }) };
}

export function buildDocument(store: Store, meetingId: number, request: DocumentRequest): DocumentModel {
  return BUILDERS[request.kind].model(getMeetingRecord(store, meetingId), store.profile.get(), buildOptions(request));
}

export function previewDocument(store: Store, meetingId: number, request: DocumentRequest): Preview {
  const doc = buildDocument(store, meetingId, request);
  return { html: renderHtml(doc), css: previewStylesheet(doc.format), missing: doc.missing, advice: doc.advice };
}

/** CSV as a spreadsheet opens it at once: UTF-8 with its mark, CRLF, a formula-looking cell kept as text. */
const csvBytes = (rows: string[][]): Uint8Array => new TextEncoder().encode(`\uFEFF${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: true })}\r\n`);

function refuseOutput(kind: DocumentKind, output: DocumentOutput): never {
  throw new AppError('INVALID_INPUT', `Không xuất được ${DOCUMENTS[kind].noun} ra tệp ${OUTPUTS[output].label}: văn bản này không có dạng đó.`);
}

/** The bytes of one output of a document. */
export async function renderOutput(
  store: Store,
  meetingId: number,
  request: DocumentRequest,
  output: DocumentOutput,
  printer: Printer = noPrinter,
): Promise<{ bytes: Uint8Array; missing: string[] }> {
  if (!DOCUMENTS[request.kind].outputs.includes(output)) refuseOutput(request.kind, output);
  if (output === 'csv') {
    const rows = BUILDERS[request.kind].rows;
    if (!rows) refuseOutput(request.kind, output);
    const doc = buildDocument(store, meetingId, request);
    return { bytes: csvBytes(rows(getMeetingRecord(store, meetingId), store.profile.get())), missing: doc.missing };
  }
  const doc = buildDocument(store, meetingId, request);
  const bytes = output === 'docx' ? await renderDocx(doc) : await printer.pdf(printPage(doc));
  return { bytes, missing: doc.missing };
}

/**
 * Writes one output of a document, atomically: a temporary file renamed over the target, so a failure never leaves
 * a half-written file. Missing fields print as "…" and are returned so the caller can warn.
 */
export async function writeDocument(
  store: Store,
  meetingId: number,
  target: string,
  request: DocumentRequest,
  output: DocumentOutput = 'docx',
  printer?: Printer,
): Promise<{ missing: string[] }> {
  const { bytes, missing } = await renderOutput(store, meetingId, request, output, printer);
  writeFileAtomic(target, bytes, store.files);
  return { missing };
}

/** The Word file of a document (the minutes by default in the benchmarks and the older callers). */
export const writeMinutesDocx = (store: Store, meetingId: number, target: string, request: DocumentRequest): Promise<{ missing: string[] }> =>
  writeDocument(store, meetingId, target, request, 'docx');

/** The documents dependency of the IPC handlers, printing with the given engine. */
export function createDocuments(printer: Printer = noPrinter): Documents {
  return {
    preview: (store, { meetingId, ...request }) => previewDocument(store, meetingId, request),
    write: (store, { meetingId, output, ...request }, target) => writeDocument(store, meetingId, target, request, output, printer),
    async print(store, { meetingId, ...request }) {
      if (!printer.print) throw new AppError('PRINT_FAILED', 'Không in được: máy này không có trình in.');
      const doc = buildDocument(store, meetingId, request);
      return (await printer.print(printPage(doc))) ? { missing: doc.missing } : null;
    },
  };
}

/** Preview and Word files, without a printer (the tests of what does not need one). */
export const documents = createDocuments();
