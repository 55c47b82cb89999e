// The store's rules that span fields or records, one function each. The editing path (table.ts, lists.ts,
// meetings.ts) and the bulk path (bulk.ts) both call these, so a meeting written either way obeys the same
// rules and is refused in the same words. Each check throws an AppError; the callers supply the facts.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { clockAfter, endsNextDay, minutesBetween, timesProblem } from '../../shared/model/clock.ts';

const refused = (message: string): AppError => new AppError('INVALID_INPUT', message);

/**
 * Every meeting and every record of its lists has a stable identity, recognised on any machine: a new record
 * gets a random UUID; one that comes from elsewhere (a meeting file, a site report, a backup) keeps its own.
 */
export const identityOf = (given?: string | null): string => given ?? randomUUID();

/** A meeting ends after it starts, or past midnight (shared/model/clock.ts). */
export function checkMeetingTimes(value: { startTime: string | null; endTime: string | null }): void {
  const problem = timesProblem(value);
  if (problem) throw refused(`Không lưu được thông tin hội nghị: ${problem}`);
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

export interface SpeechTimes {
  startTime: string | null;
  endTime: string | null;
  durationMinutes: number | null;
}

/**
 * A speech's times kept in step: when its start and end are known, its duration is the minutes between them
 * (an end before the start is past midnight: shared/model/clock.ts); a duration typed for a speech with a start
 * moves its end (unless it is a whole day, when the duration stands alone); an end cleared clears the duration
 * worked out from it.
 * `changed` names the fields the write sets (none for a whole record: an import, a new speech).
 */
export function speechTiming<T extends SpeechTimes>(value: T, changed: (key: keyof SpeechTimes) => boolean = () => false): T {
  const start = value.startTime;
  let end = value.endTime;
  let duration = value.durationMinutes;
  if (start && changed('durationMinutes') && !changed('endTime')) end = null;
  else if (end === null && changed('endTime') && !changed('durationMinutes')) duration = null;
  if (start && end) {
    const problem = timesProblem({ startTime: start, endTime: end });
    if (problem) throw refused(`Không lưu được phát biểu: ${problem}`);
    duration = minutesBetween(start, end);
  } else if (start && duration !== null) end = clockAfter(start, duration);
  return end === value.endTime && duration === value.durationMinutes ? value : { ...value, endTime: end, durationMinutes: duration };
}

/**
 * The speech before one that starts is still running (started, not ended, not after this start, or before it
 * past midnight): it ends now.
 */
export const endsWhenNextStarts = (previous: SpeechTimes | undefined, start: string): boolean =>
  previous !== undefined && previous.startTime !== null && previous.endTime === null && (previous.startTime <= start || endsNextDay(previous.startTime, start));

/** A speaker registered to speak is an attendee or a name; the same one is registered once per agenda item. */
export function checkQueueEntry(entry: { attendeeId: number | null; speakerName: string }, registeredAlready: boolean): void {
  if (entry.attendeeId === null && !entry.speakerName) throw refused('Không đăng ký phát biểu được: chưa có tên người phát biểu.');
  if (registeredAlready) throw refused('Người này đã có trong danh sách đăng ký phát biểu của mục này.');
}
