// Which automatic backups to keep: a pure rule, so that it can be tested without files or clocks.

export interface Dated {
  name: string;
  /** Milliseconds since the epoch. */
  time: number;
}

export interface RetentionRule {
  /** The most recent backups kept whatever their age. */
  recent: number;
  /** One backup (the newest) per calendar day for this many days back. */
  days: number;
  /** One backup (the newest) per calendar month for this many months back. */
  months: number;
}

export const DEFAULT_RETENTION: RetentionRule = { recent: 10, days: 14, months: 12 };

const dayKey = (time: number) => new Date(time).toISOString().slice(0, 10);
const monthKey = (time: number) => new Date(time).toISOString().slice(0, 7);

/**
 * The names to delete. Kept: the `recent` newest; the newest of each of the last `days` days; the
 * newest of each of the last `months` months. Backups dated in the future (a wrong clock) are kept.
 */
export function backupsToDelete(backups: readonly Dated[], now: number, rule: RetentionRule = DEFAULT_RETENTION): string[] {
  const sorted = [...backups].sort((a, b) => b.time - a.time || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  sorted.slice(0, Math.max(0, rule.recent)).forEach((b) => keep.add(b.name));
  const dayLimit = now - rule.days * 86_400_000;
  const monthStart = new Date(now);
  monthStart.setUTCDate(1);
  monthStart.setUTCHours(0, 0, 0, 0);
  monthStart.setUTCMonth(monthStart.getUTCMonth() - Math.max(0, rule.months - 1));
  const days = new Set<string>();
  const months = new Set<string>();
  for (const backup of sorted) {
    if (backup.time > now) keep.add(backup.name);
    if (rule.days > 0 && backup.time > dayLimit && !days.has(dayKey(backup.time))) {
      days.add(dayKey(backup.time));
      keep.add(backup.name);
    }
    if (rule.months > 0 && backup.time >= monthStart.getTime() && !months.has(monthKey(backup.time))) {
      months.add(monthKey(backup.time));
      keep.add(backup.name);
    }
  }
  return sorted.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
