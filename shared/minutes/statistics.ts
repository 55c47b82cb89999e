// Speaking time of a meeting: how many speeches and how many minutes, per person, per site and per agenda
// item. Worked out from the speeches' recorded lengths (timing.ts); a speech without one is counted but
// adds no minutes. Never part of the minutes: it is a document of its own (statistics-document.ts).
import type { MeetingRecord, ProfileFields } from '../model/meeting.ts';
import { createContext, type Context } from './context.ts';
import { speakerOf } from './proceedings.ts';
import { speechTiming } from './timing.ts';

export interface Tally {
  speeches: number;
  /** Speeches whose length was recorded; only they count in the minutes and the average. */
  timed: number;
  minutes: number;
}

/** Agenda item id, or null for the speeches outside the agenda. */
export type ItemKey = number | null;

export interface Row {
  tally: Tally;
  byItem: Map<ItemKey, Tally>;
}

export interface SpeakerRow extends Row {
  name: string;
  positions: string;
  site: string;
}

export interface SiteRow extends Row {
  name: string;
  /** People who spoke from this site. */
  speakers: number;
}

export interface ItemRow {
  key: ItemKey;
  title: string;
  tally: Tally;
}

export interface SpeakingStatistics {
  items: ItemRow[];
  /** In the order of their first speech. */
  speakers: SpeakerRow[];
  /** In the order of the site list; sites with no speech are left out. */
  sites: SiteRow[];
  total: Tally;
  /** Speeches with no speaker and no presenter: the minute-taker's own summaries. */
  unattributed: Tally;
  ctx: Context;
}

export const emptyTally = (): Tally => ({ speeches: 0, timed: 0, minutes: 0 });

/** Average minutes per timed speech, or null when none was timed. */
export const averageMinutes = (t: Tally): number | null => (t.timed > 0 ? t.minutes / t.timed : null);

function add(tally: Tally, minutes: number | null): void {
  tally.speeches++;
  if (minutes === null) return;
  tally.timed++;
  tally.minutes += minutes;
}

function addTo(row: Row, item: ItemKey, minutes: number | null): void {
  add(row.tally, minutes);
  let perItem = row.byItem.get(item);
  if (!perItem) row.byItem.set(item, (perItem = emptyTally()));
  add(perItem, minutes);
}

export const OUTSIDE_AGENDA = 'Ngoài chương trình';

export function speakingStatistics(record: MeetingRecord, profile: ProfileFields): SpeakingStatistics {
  const ctx = createContext(record, profile);
  const { agenda, speeches } = ctx.record;
  const itemIds = new Set(agenda.map((item) => item.id));
  const presenter = new Map(agenda.map((item) => [item.id, item.presenter]));
  const items = new Map<ItemKey, ItemRow>(agenda.map((item, i) => [item.id, { key: item.id, title: item.title || `Mục ${i + 1}`, tally: emptyTally() }]));
  const speakers = new Map<string, SpeakerRow>();
  const sites = new Map<string, SiteRow & { people: Set<string> }>();
  const total = emptyTally();
  const unattributed = emptyTally();

  for (const speech of speeches) {
    const item: ItemKey = speech.agendaItemId !== null && itemIds.has(speech.agendaItemId) ? speech.agendaItemId : null;
    const { minutes } = speechTiming(speech);
    add(total, minutes);
    let itemRow = items.get(item);
    if (!itemRow) items.set(item, (itemRow = { key: item, title: OUTSIDE_AGENDA, tally: emptyTally() }));
    add(itemRow.tally, minutes);

    const speaker = speakerOf(ctx, speech);
    const name = speaker?.name || (item !== null ? (presenter.get(item) ?? '') : '');
    if (!name) {
      add(unattributed, minutes);
      continue;
    }
    const positions = speaker?.positions ?? '';
    const site = speaker?.site ?? '';
    // The same person: the same attendee, or the same name, position and site typed.
    const key = speaker?.attendeeId != null ? `a${speaker.attendeeId}` : `t${name}\u0000${positions}\u0000${site}`.toLocaleLowerCase('vi');
    let person = speakers.get(key);
    if (!person) speakers.set(key, (person = { name, positions, site, tally: emptyTally(), byItem: new Map() }));
    addTo(person, item, minutes);
    if (!site) continue;
    let siteRow = sites.get(site);
    if (!siteRow) sites.set(site, (siteRow = { name: site, speakers: 0, people: new Set(), tally: emptyTally(), byItem: new Map() }));
    siteRow.people.add(key);
    siteRow.speakers = siteRow.people.size;
    addTo(siteRow, item, minutes);
  }

  const siteOrder = new Map(ctx.record.sites.map((s, i) => [s.name, i]));
  const orderedSites = [...sites.values()]
    .map((row, i) => ({ row, at: siteOrder.get(row.name) ?? ctx.record.sites.length + i }))
    .sort((a, b) => a.at - b.at)
    .map(({ row: { people: _people, ...row } }) => row);
  const orderedItems = [...items.values()].filter((row) => row.key !== null || row.tally.speeches > 0);
  return { items: orderedItems, speakers: [...speakers.values()], sites: orderedSites, total, unattributed, ctx };
}
