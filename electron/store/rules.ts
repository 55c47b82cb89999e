// The store's rules that span fields or records, one function each. The editing path (table.ts, lists.ts,
// meetings.ts) and the bulk path (bulk.ts) both call these, so a meeting written either way obeys the same
// rules and is refused in the same words. Each check throws an AppError; the callers supply the facts.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';

const refused = (message: string): AppError => new AppError('INVALID_INPUT', message);

/**
 * Every meeting and every record of its lists has a stable identity, recognised on any machine: a new record
 * gets a random UUID; one that comes from elsewhere (a meeting file, a site report, a backup) keeps its own.
 */
export const identityOf = (given?: string | null): string => given ?? randomUUID();

/** A meeting ends after it starts. */
export function checkMeetingTimes(value: { startTime: string | null; endTime: string | null }): void {
  if (value.startTime && value.endTime && value.endTime < value.startTime) {
    throw refused('Không lưu được thông tin hội nghị: giờ kết thúc phải sau giờ bắt đầu.');
  }
}

/** Where a new record goes in a list of `size`: at the end, or at `position` (clamped), the rest moving down. */
export function placeIn(size: number, position?: number): number {
  return position === undefined ? size : Math.max(0, Math.min(position, size));
}

/** A reference must name a record of the same meeting. */
export function outsideMeeting(label: string, key: string): AppError {
  return refused(`Không lưu được ${label}: ${key === 'siteId' ? 'điểm cầu' : 'mục được chọn'} không thuộc hội nghị này.`);
}

/**
 * Every meeting with sites has exactly one main site: a site added to a meeting without sites is the main
 * one, and so is a site added as main (the previous main site then stops being main).
 */
export const takesMain = (meetingHasSites: boolean, wantsMain: boolean): boolean => wantsMain || !meetingHasSites;

/** The main site stays main until another site is chosen in its place. */
export function checkKeepsMainSite(isMain: boolean, wantsMain: unknown): void {
  if (isMain && wantsMain === false) {
    throw refused('Hội nghị phải có một điểm cầu chính; hãy chọn điểm cầu chính khác thay cho điểm cầu này.');
  }
}

/** A count-only site (a head count instead of a list) takes no named attendee. */
export function checkSiteTakesAttendees(countOnly: boolean): void {
  if (countOnly) throw refused('Điểm cầu này chỉ ghi số lượng đại biểu; hãy bỏ số lượng để nhập danh sách.');
}

/** A site that lists attendees by name cannot become count-only while it has any. */
export function checkSiteMayCountOnly(attendeeCount: number | null, hasAttendees: boolean): void {
  if (attendeeCount !== null && hasAttendees) {
    throw refused('Điểm cầu đã có danh sách đại biểu; hãy xóa danh sách trước khi chỉ ghi số lượng.');
  }
}
