// The meeting and section open in this window, kept in the page's history entry so that a reload (F5) opens
// them again; any other start (a new window, the app started again, the page loaded anew) shows the meetings.
// What is read back is checked: anything else than a meeting id and a known section is ignored.
import { SECTIONS, type SectionId } from './MeetingEditor.tsx';

export interface OpenMeeting {
  id: number;
  section: SectionId;
}

const KEY = 'bienBanOpenMeeting';

const isSection = (value: unknown): value is SectionId => SECTIONS.some((s) => s.id === value);

/** The meeting open before the page was reloaded, if it was reloaded and what it kept is well formed. */
export function recallOpenMeeting(history: History, performance: Performance): OpenMeeting | null {
  try {
    const [load] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    if (load?.type !== 'reload') return null;
    const state: unknown = history.state;
    if (typeof state !== 'object' || state === null) return null;
    const kept: unknown = (state as Record<string, unknown>)[KEY];
    if (typeof kept !== 'object' || kept === null) return null;
    const { id, section } = kept as Record<string, unknown>;
    return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 && isSection(section) ? { id, section } : null;
  } catch {
    return null;
  }
}

/** Keeps (or, with null, forgets) the open meeting in the current history entry. */
export function rememberOpenMeeting(history: History, open: OpenMeeting | null): void {
  try {
    const state: unknown = history.state;
    const others = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
    history.replaceState({ ...others, [KEY]: open ? { id: open.id, section: open.section } : null }, '');
  } catch {
    // A page that may not keep history state reopens on the meetings list: nothing is lost.
  }
}
