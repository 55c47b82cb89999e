// Clock times (HH:MM) of a meeting and its speeches. A meeting and a speech last less than a day, so an end
// earlier than the start is past midnight, on the next day: the one place of that rule, for the store (durations,
// the stamps), the minutes (the end's date) and the editor (the hint under the end).

const DAY_MINUTES = 24 * 60;

export const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

const clockOf = (minutes: number): string => {
  const within = ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(within / 60)).padStart(2, '0')}:${String(within % 60).padStart(2, '0')}`;
};

/** The end is on the day after the start. */
export const endsNextDay = (start: string | null, end: string | null): boolean => start !== null && end !== null && end < start;

/** Minutes from the start to the end, across midnight when the end is earlier. */
export const minutesBetween = (start: string, end: string): number => (minutesOf(end) - minutesOf(start) + DAY_MINUTES) % DAY_MINUTES;

/** The clock time `minutes` after `start` (past midnight, the next day's), or null when that is a whole day or more. */
export const clockAfter = (start: string, minutes: number): string | null => (minutes < DAY_MINUTES ? clockOf(minutesOf(start) + minutes) : null);

/** The day after an ISO date (YYYY-MM-DD). */
export function dayAfter(iso: string): string {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
