// The minutes and the notice of a stored meeting: the HTML preview and the Word file, from one model.
import type { Preview } from '../../shared/api.ts';
import type { DocumentKind, DocumentModel } from '../../shared/minutes/document.ts';
import { previewStylesheet, renderHtml } from '../../shared/minutes/html.ts';
import { buildMinutes } from '../../shared/minutes/model.ts';
import { buildNotice } from '../../shared/minutes/notice.ts';
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
  /** Date of the notice (YYYY-MM-DD); today when not given. */
  issuedOn?: string | undefined;
}

/** Today as YYYY-MM-DD, local time. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function buildDocument(store: Store, meetingId: number, request: DocumentRequest): DocumentModel {
  const record = getMeetingRecord(store, meetingId);
  const profile = store.profile.get();
  return request.kind === 'minutes'
    ? buildMinutes(record, profile, { format: request.format })
    : buildNotice(record, profile, { format: request.format, issuedOn: request.issuedOn ?? record.meeting.noticeDate ?? today() });
}

export function previewDocument(store: Store, meetingId: number, request: DocumentRequest): Preview {
  const doc = buildDocument(store, meetingId, request);
  return { html: renderHtml(doc), css: previewStylesheet(doc.format), missing: doc.missing };
}

/**
 * Writes the minutes or the notice as a Word file, atomically: a temporary file renamed over the target, so a failure
 * never leaves a half-written file. Missing fields print as "…" and are returned so the caller can warn.
 */
export async function writeMinutesDocx(store: Store, meetingId: number, target: string, request: DocumentRequest): Promise<{ missing: string[] }> {
  const doc = buildDocument(store, meetingId, request);
  const bytes = await renderDocx(doc);
  writeFileAtomic(target, bytes, store.files);
  return { missing: doc.missing };
}

/** The documents dependency of the IPC handlers. */
export const documents = {
  preview: (store, { meetingId, ...request }) => previewDocument(store, meetingId, request),
  writeDocx: (store, { meetingId, ...request }, target) => writeMinutesDocx(store, meetingId, target, request),
} satisfies Documents;
