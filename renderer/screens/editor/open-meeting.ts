// The meeting and section open in this window, kept in the page's history entry so that a reload (F5) opens
// them again; any other start (a new window, the app started again, the page loaded anew) shows the meetings.
// What is read back is checked: anything else than a meeting id and a known section is ignored. The speech
// being taken down in Diễn biến (a draft row the store has, not yet handed over to the list) is kept beside
// them, so that the composer opens on it again.
import { SECTIONS, type SectionId } from './MeetingEditor.tsx';

export interface OpenMeeting {
  id: number;
  section: SectionId;
  /** The speech being taken down, if any. */
  draft?: number;
}

const KEY = 'bienBanOpenMeeting';
const DRAFT_KEY = 'bienBanSpeechDraft';

const isId = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

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
    if (!isId(id) || !isSection(section)) return null;
    const draft: unknown = (state as Record<string, unknown>)[DRAFT_KEY];
    const { meeting, speech } = typeof draft === 'object' && draft !== null ? (draft as Record<string, unknown>) : {};
    return meeting === id && isId(speech) ? { id, section, draft: speech } : { id, section };
  } catch {
    return null;
  }
}

function keep(history: History, key: string, value: unknown): void {
  try {
    const state: unknown = history.state;
    const others = typeof state === 'object' && state !== null ? (state as Record<string, unknown>) : {};
    history.replaceState({ ...others, [key]: value }, '');
  } catch {
    // A page that may not keep history state reopens on the meetings list: nothing is lost.
  }
}

/** Keeps (or, with null, forgets) the open meeting in the current history entry. */
export function rememberOpenMeeting(history: History, open: Omit<OpenMeeting, 'draft'> | null): void {
  keep(history, KEY, open ? { id: open.id, section: open.section } : null);
}

/** Keeps (or, with null, forgets) the speech being taken down in the open meeting. */
export function rememberSpeechDraft(history: History, meetingId: number, speechId: number | null): void {
  keep(history, DRAFT_KEY, speechId === null ? null : { meeting: meetingId, speech: speechId });
}
