// Each document of shared/documents.ts and the model that makes it, checked complete by its type: a document
// missing here does not compile. The documents' outputs are written in electron/minutes/documents.ts.
import type { DocumentKind } from '../documents.ts';
import type { Format, MeetingRecord, ProfileFields } from '../model/meeting.ts';
import type { DocumentModel } from './document.ts';
import { buildMinutes } from './model.ts';
import { buildNotice } from './notice.ts';
import { buildStatistics, statisticsRows } from './statistics-document.ts';

export interface BuildOptions {
  /** The format to write; the meeting's own by default. */
  format?: Format | undefined;
  /** The notice's date (YYYY-MM-DD); the one recorded with the meeting by default. */
  issuedOn?: string | null | undefined;
}

export interface Builder {
  model(record: MeetingRecord, profile: ProfileFields, options: BuildOptions): DocumentModel;
  /** The document as one table (its CSV), for the documents that are figures. */
  rows?(record: MeetingRecord, profile: ProfileFields): string[][];
}

export const BUILDERS: Record<DocumentKind, Builder> = {
  minutes: { model: (record, profile, { format }) => buildMinutes(record, profile, { format }) },
  notice: { model: (record, profile, { format, issuedOn }) => buildNotice(record, profile, { format, issuedOn: issuedOn ?? record.meeting.noticeDate }) },
  statistics: { model: (record, profile, { format }) => buildStatistics(record, profile, { format }), rows: statisticsRows },
};

export const buildDocumentModel = (kind: DocumentKind, record: MeetingRecord, profile: ProfileFields, options: BuildOptions = {}): DocumentModel =>
  BUILDERS[kind].model(record, profile, options);
