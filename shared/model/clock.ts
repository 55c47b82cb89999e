// Clock times (HH:MM) of a meeting and its speeches. An end earlier than the start is past midnight, on the next
// day, when that makes it last at most 12 hours (22:30 to 00:40); earlier still (10:30 to 09:45) it is a slip and
// refused. The one place of that rule, for the store (durations, the stamps, the refusal), the minutes (the end's
// date) and the editor (the hint under the end).
const DAY_MINUTES = 24 * 60;
/** The longest a meeting or a speech that runs past midnight is taken to last. */
const PAST_MIDNIGHT_MINUTES = 12 * 60;

export const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

const clockOf = (minutes: number): string => {
  const within = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(within / 60)).padStart(2, '0')}:${String(within % 60).padStart(2, '0')}`;
};

/** Minutes from the start to the end, across midnight when the end is earlier. */
export const minutesBetween = (start: string, end: string): number => (minutesOf(end) - minutesOf(start) + DAY_MINUTES) % DAY_MINUTES;

/** The end is on the day after the start. */
export const endsNextDay = (start: string | null, end: string | null): boolean =>
  start !== null && end !== null && end < start && minutesBetween(start, end) <= PAST_MIDNIGHT_MINUTES;

/** The end is earlier than the start and cannot be past midnight: a slip, refused. */
export const endsBeforeStart = (start: string | null, end: string | null): boolean => start !== null && end !== null && end < start && !endsNextDay(start, end);

/** Minutes from the start until `at` (past midnight when it follows the start so), or null when `at` is before it. */
export const minutesUntil = (start: string, at: string): number | null => (at >= start || endsNextDay(start, at) ? minutesBetween(start, at) : null);

/** What is wrong with the times of a meeting or a speech, in the store's words, or null. */
export function timesProblem(row: { startTime?: unknown; endTime?: unknown }): string | null {
  const clock = (value: unknown) => (typeof value === 'string' ? value : null);
  return endsBeforeStart(clock(row.startTime), clock(row.endTime)) ? 'giờ kết thúc phải sau giờ bắt đầu (qua nửa đêm, không quá 12 giờ).' : null;
}

/** The clock time `minutes` after `start` (past midnight, the next day's), or null when no end of the rule above is. */
export function clockAfter(start: string, minutes: number): string | null {
  if (minutes >= DAY_MINUTES) return null;
  const end = clockOf(minutesOf(start) + minutes);
  return endsBeforeStart(start, end) ? null : end;
}

/** The day after an ISO date (YYYY-MM-DD). */
export function dayAfter(iso: string): string {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
