// The open meeting as the store last said it is. Every write goes through the save tracker and answers
// with what it changed (whole lists in store order, the meeting with its revision); the page puts that
// in place of what it held. Nothing here works out a store rule (order, the main site) by itself: the
// only state the page keeps of its own is what the user has not committed yet (see draft-row.ts).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { LIST_NAMES, type Change, type ListName } from '../../../shared/api.ts';
import type { Meeting, MeetingRecord } from '../../../shared/model/meeting.ts';
import type { MergePreview } from '../../../shared/model/site-report.ts';
import { ApiError, errorMessage, type Client } from '../../api.ts';
import { useClient, useTracker } from '../../context.tsx';

type Values = Record<string, unknown>;

/** The writes of the open meeting; each resolves once its change is in place. */
export interface MeetingWrites {
  meetingId: number;
  client: Client;
  saveMeeting(patch: Partial<Meeting>): Promise<void>;
  /** Returns the id of the new row. */
  add(list: ListName, values: Values, position?: number): Promise<number>;
  addMany(list: ListName, rows: Values[]): Promise<number[]>;
  update(list: ListName, id: number, patch: Values): Promise<void>;
  /** Returns the token that brings the row back (null for a site). */
  remove(list: ListName, id: number): Promise<string | null>;
  /** Returns the id the row has again. */
  undoRemove(undoToken: string): Promise<number>;
  move(list: ListName, id: number, position: number): Promise<void>;
  markAllPresent(siteId: number): Promise<void>;
  sortAttendees(siteId: number, order: 'full' | 'given'): Promise<void>;
  /** Starts the speech of a registered speaker at `at`; returns the new speech's id. */
  startQueued(queueId: number, at: string): Promise<number>;
  stampMeeting(which: 'start' | 'end', at: string): Promise<void>;
  /** Sites from a file, through the bulk path; returns how many were added and left out. */
  importSites(sites: Values[]): Promise<{ added: number; skipped: number }>;
  /** Stores a committed attendee in the people directory (after pending saves have landed). */
  rememberAttendee(id: number): Promise<void>;
  /** Merges previewed site reports; `takeSite`: the records whose conflict takes the site's value. */
  mergeSiteReports(token: string, takeSite: string[]): Promise<{ merged: MergePreview; undoToken: string | null }>;
  /** Undoes a merge of site reports. */
  undoMerge(undoToken: string): Promise<void>;
  /** The latest record, for callbacks that outlive a render. */
  latest(): MeetingRecord;
}

export interface MeetingOps extends MeetingWrites {
  record: MeetingRecord;
}

const EditorContext = createContext<MeetingOps | null>(null);
export const EditorProvider = EditorContext.Provider;
export function useEditor(): MeetingOps {
  const ops = useContext(EditorContext);
  if (!ops) throw new Error('useEditor outside the meeting editor');
  return ops;
}

/** A stable function returning the latest writes, for objects that outlive a render (draft rows). */
export function useWrites(): () => MeetingWrites {
  const ops = useEditor();
  const ref = useRef<MeetingWrites>(ops);
  useEffect(() => {
    ref.current = ops;
  });
  return useCallback(() => ref.current, []);
}

type Part = ListName | 'meeting';
/** The record, and for each of its parts the revision it was read at. */
export interface Held {
  record: MeetingRecord;
  revisions: Record<Part, number>;
}

export function holdRecord(record: MeetingRecord): Held {
  const revision = record.meeting.revision;
  return { record, revisions: Object.fromEntries([...LIST_NAMES, 'meeting'].map((part) => [part, revision])) as Record<Part, number> };
}

/** Flat records (every field a primitive) with the same fields. */
function sameRecord(a: object, b: object): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.is((a as Values)[key], (b as Values)[key]));
}

/**
 * The list as the store sent it, with the records that did not change kept as the objects the page held
 * (and the list itself when nothing in it changed), so that memoised rows of unchanged records skip.
 */
function keepUnchanged<T extends { id: number }>(held: readonly T[], sent: readonly T[]): readonly T[] {
  const before = new Map(held.map((item) => [item.id, item]));
  let same = held.length === sent.length;
  const list = sent.map((item, index) => {
    const old = before.get(item.id);
    const kept = old !== undefined && sameRecord(old, item) ? old : item;
    if (kept !== held[index]) same = false;
    return kept;
  });
  return same ? held : list;
}

/** Puts what a write changed in place; a part already read at a later revision keeps what it has. */
export function applyChange(held: Held, change: Change): Held {
  const record: Record<string, unknown> = { ...held.record };
  const revisions = { ...held.revisions };
  let changed = false;
  if (change.meeting && change.revision > revisions.meeting) {
    record.meeting = change.meeting;
    revisions.meeting = change.revision;
    changed = true;
  }
  for (const list of LIST_NAMES) {
    const items = change.lists[list];
    if (items && change.revision > revisions[list]) {
      record[list] = keepUnchanged<{ id: number }>(held.record[list], items);
      revisions[list] = change.revision;
      changed = true;
    }
  }
  if (!changed) return held;
  // Newer revisions of parts that are as they were: the record the page holds stays the same object.
  const same = Object.keys(record).every((part) => record[part] === (held.record as unknown as Values)[part]);
  return { record: same ? held.record : (record as unknown as MeetingRecord), revisions };
}

export function useMeetingRecord(meetingId: number): { ops: MeetingOps | null; error: string | null; missing: boolean } {
  const client = useClient();
  const tracker = useTracker();
  const [held, setHeld] = useState<Held | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The meeting is not in the store (deleted, or never there).
  const [missing, setMissing] = useState(false);
  const latestRef = useRef<Held | null>(null);

  const apply = useCallback((change: Change) => {
    if (!latestRef.current) return;
    latestRef.current = applyChange(latestRef.current, change);
    setHeld(latestRef.current);
  }, []);

  useEffect(() => {
    let live = true;
    client.getMeeting({ id: meetingId }).then(
      (record) => {
        if (!live) return;
        latestRef.current = holdRecord(record);
        setHeld(latestRef.current);
        setError(null);
      },
      (err: unknown) => {
        if (!live) return;
        setError(errorMessage(err));
        setMissing(err instanceof ApiError && err.code === 'NOT_FOUND');
      },
    );
    return () => {
      live = false;
    };
  }, [client, meetingId]);

  const writes = useMemo((): MeetingWrites => {
    // The call leaves synchronously (a flush from pagehide must be sent before the page goes).
    const write = async <C extends Change>(call: Promise<C>): Promise<C> => {
      const change = await tracker.track(call);
      apply(change);
      return change;
    };
    const latest = () => {
      if (!latestRef.current) throw new Error('the meeting is not loaded');
      return latestRef.current.record;
    };
    return {
      meetingId,
      client,
      latest,
      saveMeeting: async (patch) => {
        await write(client.updateMeeting({ id: meetingId, patch }));
      },
      add: async (list, values, position) =>
        (await write(client.addItem(position === undefined ? { list, meetingId, values } : { list, meetingId, values, position }))).id,
      addMany: async (list, rows) => (await write(client.addItems({ list, meetingId, rows }))).ids,
      update: async (list, id, patch) => {
        await write(client.updateItem({ list, id, patch }));
      },
      remove: async (list, id) => (await write(client.removeItem({ list, id }))).undoToken,
      undoRemove: async (undoToken) => (await write(client.undoRemove({ undoToken }))).id,
      move: async (list, id, position) => {
        await write(client.moveItem({ list, id, position }));
      },
      markAllPresent: async (siteId) => {
        await write(client.markAllPresent({ siteId }));
      },
      sortAttendees: async (siteId, order) => {
        await write(client.sortAttendees({ siteId, order }));
      },
      startQueued: async (queueId, at) => (await write(client.startQueued({ queueId, at }))).id,
      stampMeeting: async (which, at) => {
        await write(client.stampMeeting({ meetingId, which, at }));
      },
      importSites: async (sites) => {
        const { added, skipped } = await write(client.importSites({ meetingId, sites }));
        return { added, skipped };
      },
      mergeSiteReports: async (token, takeSite) => {
        const { merged, undoToken } = await write(client.mergeSiteReports({ token, takeSite }));
        return { merged, undoToken };
      },
      undoMerge: async (undoToken) => {
        await write(client.undoMerge({ undoToken }));
      },
      rememberAttendee: async (id) => {
        await tracker.settle();
        const attendee = latest().attendees.find((a) => a.id === id);
        if (!attendee || !attendee.fullName) return;
        const person = await client.rememberPerson({ person: { fullName: attendee.fullName, positions: attendee.positions, unit: attendee.unit } });
        if (attendee.personId === null) await write(client.updateItem({ list: 'attendees', id, patch: { personId: person.id } }));
      },
    };
  }, [client, tracker, meetingId, apply]);

  const shown = held?.record ?? null;
  const ops = useMemo(() => (shown ? { ...writes, record: shown } : null), [writes, shown]);
  return { ops, error, missing };
}
