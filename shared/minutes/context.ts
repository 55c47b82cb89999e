// What every builder of the minutes and the notice reads: the cleaned record, the format's words, and the
// record's lookups computed once (by id, by site, each record's place in its list), so that no builder
// searches a list inside a loop.
import type { Attendee, Format, MeetingRecord, Presence, ProfileFields, Site } from '../model/meeting.ts';
import { normalizeText } from '../text.ts';
import { Gaps } from './document.ts';

/** The words that differ between the two formats. */
const WORDS = {
  party: {
    event: 'hội nghị',
    chair: 'Người chủ trì',
    minuteTaker: 'Người ghi biên bản',
    documents: 'Tài liệu sử dụng trong hội nghị',
    attendance: 'Thành phần hội nghị',
    proceedings: 'Diễn biến hội nghị',
    minuteTakerSigns: 'NGƯỜI GHI BIÊN BẢN',
    chairSigns: 'CHỦ TRÌ HỘI NGHỊ',
    keepCopy: 'Lưu Văn phòng',
    end: '.',
  },
  state: {
    event: 'cuộc họp',
    chair: 'Chủ trì',
    minuteTaker: 'Thư ký',
    documents: 'Tài liệu sử dụng trong cuộc họp',
    attendance: 'Thành phần tham dự',
    proceedings: 'Diễn biến cuộc họp',
    minuteTakerSigns: 'THƯ KÝ',
    chairSigns: 'CHỦ TỌA',
    keepCopy: 'Lưu: VT',
    end: './.',
  },
} as const satisfies Record<Format, Record<string, string>>;

const PRESENT: readonly Presence[] = ['present', 'late', 'left_early'];
export const isPresent = (a: Attendee): boolean => PRESENT.includes(a.presence);

/** Everything a builder needs, computed once. */
export interface Context {
  record: MeetingRecord;
  profile: ProfileFields;
  format: Format;
  words: (typeof WORDS)[Format];
  gaps: Gaps;
  chairs: Attendee[];
  sites: Map<number, Site>;
  mainSite: Site | undefined;
  /** An online or multi-site meeting: attendance is listed site by site. */
  bySite: boolean;
  attendeesById: Map<number, Attendee>;
  /** Each site's attendees, in list order. */
  attendeesBySite: Map<number, Attendee[]>;
  /** Place of a record in its list, from 1 (an attendee's within its site), for the messages about it. */
  ordinal: Map<object, number>;
}

/**
 * Every string of a value through the text normalisation (NFC, no XML-illegal characters). What it does not change
 * is returned as it is, not copied: all of a record read from the store, whose text was normalised on the way in.
 */
function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return normalizeText(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item: unknown, i) => {
      const clean = cleanStrings(item);
      if (clean !== item) (out ??= [...value])[i] = clean;
    });
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    for (const key in value) {
      const item: unknown = value[key];
      const clean = cleanStrings(item);
      if (clean !== item) (out ??= { ...(value as Record<string, unknown>) })[key] = clean;
    }
    return (out ?? value) as T;
  }
  return value;
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function createContext(record: MeetingRecord, profile: ProfileFields, format?: Format): Context {
  const clean = cleanStrings(record);
  const chosen = format ?? clean.meeting.format;
  const attendeesBySite = groupBy(clean.attendees, (a) => a.siteId);
  const ordinal = new Map<object, number>();
  const number = (list: readonly object[]) => list.forEach((item, i) => ordinal.set(item, i + 1));
  for (const list of [clean.sites, clean.speeches, clean.conclusions, ...attendeesBySite.values()]) number(list);
  return {
    record: clean,
    profile: cleanStrings(profile),
    format: chosen,
    words: WORDS[chosen],
    gaps: new Gaps(),
    chairs: clean.attendees.filter((a) => a.role === 'chair'),
    sites: new Map(clean.sites.map((s) => [s.id, s])),
    mainSite: clean.sites.find((s) => s.isMain) ?? clean.sites[0],
    bySite: clean.meeting.mode !== 'in_person' || clean.sites.length > 1,
    attendeesById: new Map(clean.attendees.map((a) => [a.id, a])),
    attendeesBySite,
    ordinal,
  };
}

/** Multi-line text → its non-empty lines, each a paragraph. */
export const linesOf = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
