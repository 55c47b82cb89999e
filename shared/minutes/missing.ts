// What the secretary left empty that the document needs: warned about before export, printed as "…".
import type { MeetingRecord, ProfileFields } from '../model/meeting.ts';
import type { DocumentKind } from './document.ts';
import { buildDocumentModel, type BuildOptions } from './registry.ts';

/**
 * The missing fields, one Vietnamese sentence each, in document order. They are collected while the document is
 * built, at the very places that print "…", so the warning and the file cannot disagree.
 */
export function listMissing(record: MeetingRecord, profile: ProfileFields, kind: DocumentKind, options: BuildOptions = {}): string[] {
  return buildDocumentModel(kind, record, profile, options).missing;
}
