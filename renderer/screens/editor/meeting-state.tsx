// The open meeting: the record as last stored, and the writes that keep it in step with the store.
// Each write goes through the tracker (the saved indicator) and then updates the record in place, so
// counts and lists follow at once without reloading the whole meeting.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ListItems, ListName } from '../../../shared/api.ts';
import type { Attendee, Meeting, MeetingRecord, Site } from '../../../shared/model/meeting.ts';
import { errorMessage, type Client } from '../../api.ts';
import { useClient, useTracker } from '../../context.tsx';
import { searchable, type Searchable } from '../../../shared/vietnamese/match.ts';

type Item = ListItems[ListName];

export interface MeetingOps {
  record: MeetingRecord;
  meetingId: number;
  saveMeeting(patch: Partial<Meeting>): Promise<Meeting>;
  add<L extends ListName>(list: L, values: Record<string, unknown>, position?: number): Promise<ListItems[L]>;
  addMany<L extends ListName>(list: L, rows: Record<string, unknown>[]): Promise<ListItems[L][]>;
  update<L extends ListName>(list: L, id: number, patch: Record<string, unknown>): Promise<ListItems[L]>;
  remove(list: ListName, id: number): Promise<void>;
  move(list: ListName, id: number, position: number): Promise<void>;
  markAllPresent(siteId: number): Promise<void>;
  sortAttendees(siteId: number, order: 'full' | 'given'): Promise<void>;
  /** Stores a committed attendee in the people directory (after pending saves have landed). */
  rememberAttendee(id: number): Promise<void>;
  /** The latest record, for callbacks that outlive a render. */
  latest(): MeetingRecord;
  client: Client;
}

const EditorContext = createContext<MeetingOps | null>(null);
export const EditorProvider = EditorContext.Provider;
export function useEditor(): MeetingOps {
  const ops = useContext(EditorContext);
  if (!ops) throw new Error('useEditor outside the meeting editor');
  return ops;
}

/** Items of one list share an order within their scope: the site for attendees, the meeting otherwise. */
const scopeOf = (list: ListName, item: Item): number => (list === 'attendees' ? (item as Attendee).siteId : 0);

function sorted<T extends Item>(list: ListName, items: T[]): T[] {
  return [...items].sort((a, b) => scopeOf(list, a) - scopeOf(list, b) || a.ord - b.ord || a.id - b.id);
}

function withList(record: MeetingRecord, list: ListName, items: Item[]): MeetingRecord {
  return { ...record, [list]: sorted(list, items) };
}

const itemsOf = (record: MeetingRecord, list: ListName): Item[] => record[list];

export function useMeetingRecord(meetingId: number): { ops: MeetingOps | null; error: string | null; reload(): Promise<void> } {
  const client = useClient();
  const tracker = useTracker();
  const [record, setRecord] = useState<MeetingRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latestRef = useRef<MeetingRecord | null>(null);
  latestRef.current = record;

  const reload = useCallback(async () => {
    try {
      const next = await client.getMeeting({ id: meetingId });
      latestRef.current = next;
      setRecord(next);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [client, meetingId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const change = useCallback((update: (current: MeetingRecord) => MeetingRecord) => {
    setRecord((current) => {
      if (!current) return current;
      const next = update(current);
      latestRef.current = next;
      return next;
    });
  }, []);

  const ops = useMemo((): MeetingOps | null => {
    if (!record) return null;
    const replace = (list: ListName, item: Item) => change((r) => {
      let items = itemsOf(r, list).map((x) => (x.id === item.id ? item : x));
      if (list === 'sites' && (item as Site).isMain) items = items.map((x) => (x.id !== item.id && (x as Site).isMain ? { ...x, isMain: false } : x));
      return withList(r, list, items);
    });
    const append = (list: ListName, added: Item[], position?: number) => change((r) => {
      let items = itemsOf(r, list);
      const first = added[0];
      if (position !== undefined && first) {
        items = items.map((x) => (scopeOf(list, x) === scopeOf(list, first) && x.ord >= first.ord ? { ...x, ord: x.ord + added.length } : x));
      }
      if (list === 'sites' && added.some((s) => (s as Site).isMain)) items = items.map((x) => ({ ...x, isMain: false }));
      return withList(r, list, [...items, ...added]);
    });

    return {
      record,
      meetingId,
      client,
      latest: () => latestRef.current ?? record,
      saveMeeting: async (patch) => {
        const meeting = await tracker.track(client.updateMeeting({ id: meetingId, patch }));
        change((r) => ({ ...r, meeting }));
        return meeting;
      },
      add: async (list, values, position) => {
        const item = await tracker.track(client.add(list, meetingId, values, position));
        append(list, [item], position);
        return item;
      },
      addMany: async (list, rows) => {
        const items = await tracker.track(client.addMany(list, meetingId, rows));
        append(list, items);
        return items;
      },
      update: async (list, id, patch) => {
        const item = await tracker.track(client.update(list, id, patch));
        replace(list, item);
        return item;
      },
      remove: async (list, id) => {
        await tracker.track(client.removeItem({ list, id }));
        if (list === 'sites' || list === 'agenda' || list === 'attendees') {
          // Removing these touches other lists (attendees of a site, the main site, speakers, items).
          await reload();
          return;
        }
        change((r) => {
          const gone = itemsOf(r, list).find((x) => x.id === id);
          const rest = itemsOf(r, list).filter((x) => x.id !== id)
            .map((x) => (gone && scopeOf(list, x) === scopeOf(list, gone) && x.ord > gone.ord ? { ...x, ord: x.ord - 1 } : x));
          return withList(r, list, rest);
        });
      },
      move: async (list, id, position) => {
        await tracker.track(client.moveItem({ list, id, position }));
        change((r) => {
          const all = itemsOf(r, list);
          const moving = all.find((x) => x.id === id);
          if (!moving) return r;
          const scope = scopeOf(list, moving);
          const siblings = all.filter((x) => scopeOf(list, x) === scope && x.id !== id);
          siblings.splice(Math.max(0, Math.min(position, siblings.length)), 0, moving);
          const ords = new Map(siblings.map((x, i) => [x.id, i]));
          return withList(r, list, all.map((x) => (ords.has(x.id) ? { ...x, ord: ords.get(x.id) ?? x.ord } : x)));
        });
      },
      sortAttendees: async (siteId, order) => {
        const sorted = await tracker.track(client.sortAttendees({ siteId, order }));
        const byId = new Map(sorted.map((a) => [a.id, a]));
        change((r) => withList(r, 'attendees', r.attendees.map((a) => byId.get(a.id) ?? a)));
      },
      markAllPresent: async (siteId) => {
        const updated = await tracker.track(client.markAllPresent({ siteId }));
        const byId = new Map(updated.map((a) => [a.id, a]));
        change((r) => ({ ...r, attendees: r.attendees.map((a) => byId.get(a.id) ?? a) }));
      },
      rememberAttendee: async (id) => {
        await tracker.settle();
        const attendee = (latestRef.current ?? record).attendees.find((a) => a.id === id);
        if (!attendee || !attendee.fullName) return;
        const person = await client.rememberPerson({ person: { fullName: attendee.fullName, positions: attendee.positions, unit: attendee.unit } });
        if (attendee.personId === null) {
          const linked = await tracker.track(client.update('attendees', id, { personId: person.id }));
          replace('attendees', linked);
        }
      },
    };
  }, [record, meetingId, client, tracker, change, reload]);

  return { ops, error, reload };
}

export interface AttendeeOption {
  id: number;
  label: string;
  detail: string;
  attendee: Attendee;
  key: Searchable;
}

/** Every named attendee as a pickable option (speaker, chair), with folded keys computed once. */
export function useAttendeeOptions(record: MeetingRecord): AttendeeOption[] {
  const { attendees, sites } = record;
  return useMemo(() => {
    const siteNames = new Map(sites.map((s) => [s.id, s.name]));
    return attendees.filter((a) => a.fullName).map((a) => ({
      id: a.id,
      label: a.fullName,
      detail: [a.positions, siteNames.get(a.siteId) ? `điểm cầu ${siteNames.get(a.siteId) ?? ''}` : ''].filter(Boolean).join(' · '),
      attendee: a,
      key: searchable(a.fullName),
    }));
  }, [attendees, sites]);
}

/** Present in the meeting: present, late, or left early. */
export const isPresent = (a: Attendee): boolean => a.presence === 'present' || a.presence === 'late' || a.presence === 'left_early';

export interface SiteStats {
  named: number;
  present: number;
  /** Head count of a count-only site, or the present named attendees. */
  count: number;
}

export function useSiteStats(record: MeetingRecord) {
  const { sites, attendees } = record;
  return useMemo(() => {
    const bySite = new Map<number, Attendee[]>();
    for (const a of attendees) {
      const list = bySite.get(a.siteId);
      if (list) list.push(a);
      else bySite.set(a.siteId, [a]);
    }
    const stats = new Map<number, SiteStats>();
    let named = 0;
    let present = 0;
    let counted = 0;
    for (const site of sites) {
      const list = bySite.get(site.id) ?? [];
      const here = list.filter(isPresent).length;
      named += list.length;
      present += here;
      counted += site.attendeeCount ?? 0;
      stats.set(site.id, { named: list.length, present: here, count: site.attendeeCount ?? here });
    }
    return { bySite, stats, total: { sites: sites.length, named, present, counted, attending: present + counted } };
  }, [sites, attendees]);
}

/**
 * A record created only when the user first types into it (a new speech, a conclusion): every
 * field's save waits for the one creation, then updates its own fields.
 */
export function useLazyItem<L extends ListName>(list: L, existing: ListItems[L] | null, initial: () => Record<string, unknown>, onCreated?: (item: ListItems[L]) => void) {
  const ops = useEditor();
  const idRef = useRef<Promise<number> | null>(existing ? Promise.resolve(existing.id) : null);
  const initialRef = useRef(initial);
  const onCreatedRef = useRef(onCreated);
  useEffect(() => {
    initialRef.current = initial;
    onCreatedRef.current = onCreated;
  });
  const opsRef = useRef(ops);
  useEffect(() => {
    opsRef.current = ops;
  });

  const ensure = useCallback((): Promise<number> => {
    if (!idRef.current) {
      const creating = opsRef.current.add(list, initialRef.current()).then((item) => {
        onCreatedRef.current?.(item);
        return item.id;
      });
      creating.catch(() => {
        // A failed creation is retried by the next save.
        if (idRef.current === creating) idRef.current = null;
      });
      idRef.current = creating;
    }
    return idRef.current;
  }, [list]);

  const save = useCallback(async (patch: Record<string, unknown>) => {
    const id = await ensure();
    return opsRef.current.update(list, id, patch);
  }, [ensure, list]);

  return { save, ensure, created: () => idRef.current !== null };
}
