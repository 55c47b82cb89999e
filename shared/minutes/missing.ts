// What the secretary left empty that the document needs: warned about before export, printed as "…".
import type { MeetingRecord, ProfileFields } from '../model/meeting.ts';
import type { DocumentKind } from './document.ts';
import { buildMinutes, type MinutesOptions } from './model.ts';
import { buildNotice, type NoticeOptions } from './notice.ts';

/**
 * The missing fields, one Vietnamese sentence each, in document order. They are collected while the document is
 * built, at the very places that print "…", so the warning and the file cannot disagree.
 */
export function listMissing(record: MeetingRecord, profile: ProfileFields, kind: DocumentKind, options: MinutesOptions & NoticeOptions = {}): string[] {
  return (kind === 'minutes' ? buildMinutes(record, profile, options) : buildNotice(record, profile, options)).missing;
}
