// The bulk write path: many records of one meeting at once (import of a meeting file, copy from an earlier
// meeting, restore of a meeting from a backup, and the merge of site reports), in one transaction and in
// linear time: statements prepared once, each list's size read once per call, the meeting touched once.
// The input's fields were validated by their schema (the meeting file's, or the store's when rows are copied
// from it) and are not validated again; the rules that span records are the editing path's (rules.ts).
// Rows go in through ordinary INSERTs, so the database's triggers (search index, removed speakers) see them
// exactly as they see the editing path's.
import type { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import type { MeetingFile } from '../../shared/model/meeting-file.ts';
import {
  actionItemFields,
  agendaItemFields,
  attendeeFields,
  conclusionFields,
  recipientFields,
  siteFields,
  speechFields,
  type MeetingFields,
} from '../../shared/model/meeting.ts';
import { describePath } from '../../shared/model/validate.ts';
import type { Db } from './db.ts';
import type { Meetings } from './meetings.ts';
import type { People } from './people.ts';
import { checkSiteTakesAttendees, identityOf, outsideMeeting, speechTiming, takesMain } from './rules.ts';
import { toColumn, touchMeeting } from './table.ts';

type FileSite = MeetingFile['sites'][number];
type FileAttendee = FileSite['attendees'][number];

/** An attendee to write; with a `personId` it keeps that directory entry, without one it is remembered by name. */
export type BulkAttendee = FileAttendee & { personId?: number | null };
export type BulkSite = Omit<FileSite, 'attendees'> & { attendees: BulkAttendee[] };

/**
 * Records of one meeting, referring to each other by key (as in the meeting file); every list may be left out.
 * A record with a `uuid` keeps that identity (a meeting file, a backup); one without gets a new one (a copy).
 */
export interface MeetingContent {
  sites?: BulkSite[];
  agenda?: MeetingFile['agenda'];
  speeches?: MeetingFile['speeches'];
  conclusions?: MeetingFile['conclusions'];
  actionItems?: MeetingFile['actionItems'];
  recipients?: MeetingFile['recipients'];
}

type Path = (string | number)[];

/** Runs a rule check; its refusal names where in the content the offending record is. */
function at(path: Path, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const where = describePath(path);
    throw new AppError(error.code, `${where.charAt(0).toUpperCase()}${where.slice(1)}: ${error.message}`, { cause: error });
  }
}

/** An INSERT of one list's records, prepared once; returns the new row's id. */
function inserter<S extends z.ZodObject>(db: Db, table: string, fields: S) {
  const keys = Object.keys(fields.shape);
  const stmt = db.prepare(`INSERT INTO ${table} (meeting_id, ord, uuid, ${keys.map(toColumn).join(', ')})
    VALUES (?, ?, ?, ${keys.map(() => '?').join(', ')})`);
  return (meetingId: number, ord: number, value: z.output<S> & { uuid?: string | undefined }): number => {
    const row = value as Record<string, unknown>;
    const params = keys.map((key) => {
      const cell = row[key];
      return typeof cell === 'boolean' ? Number(cell) : cell;
    });
    return Number(stmt.run(meetingId, ord, identityOf(value.uuid), ...params).lastInsertRowid);
  };
}

export function createBulk(db: Db, meetings: Meetings, people: People) {
  const insert = {
    site: inserter(db, 'sites', siteFields),
    attendee: inserter(db, 'attendees', attendeeFields),
    agenda: inserter(db, 'agenda_items', agendaItemFields),
    speech: inserter(db, 'speeches', speechFields),
    conclusion: inserter(db, 'conclusions', conclusionFields),
    actionItem: inserter(db, 'action_items', actionItemFields),
    recipient: inserter(db, 'recipients', recipientFields),
  };
  const size = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE meeting_id = ?`).pluck();
  const sizes = {
    sites: size('sites'),
    agenda: size('agenda_items'),
    speeches: size('speeches'),
    conclusions: size('conclusions'),
    actionItems: size('action_items'),
    recipients: size('recipients'),
  };
  const clearMain = db.prepare('UPDATE sites SET is_main = 0 WHERE meeting_id = ? AND is_main = 1');

  /** Writes the content after what the meeting holds (nothing, when `fresh`). */
  function write(meetingId: number, content: MeetingContent, fresh: boolean): void {
    const base = (list: keyof typeof sizes) => (fresh ? 0 : (sizes[list].get(meetingId) as number));
    const sites = content.sites ?? [];

    // One main site: decided over the whole batch first, so no row is written twice.
    const siteBase = base('sites');
    let main = -1;
    sites.forEach((site, i) => {
      if (takesMain(siteBase + i > 0, site.isMain)) main = i;
    });
    if (main >= 0 && siteBase > 0) clearMain.run(meetingId);

    const attendeeIds = new Map<string, number>();
    sites.forEach(({ key: _key, attendees, ...site }, s) => {
      if (attendees.length > 0) at(['sites', s, 'attendees', 0], () => checkSiteTakesAttendees(site.attendeeCount !== null));
      const siteId = insert.site(meetingId, siteBase + s, { ...site, isMain: s === main });
      attendees.forEach(({ key, personId, ...attendee }, a) => {
        const person = personId !== undefined ? personId : attendee.fullName ? people.rememberValid(attendee).id : null;
        attendeeIds.set(key, insert.attendee(meetingId, a, { ...attendee, siteId, personId: person }));
      });
    });

    const agendaIds = new Map<string, number>();
    const agendaBase = base('agenda');
    (content.agenda ?? []).forEach(({ key, ...item }, i) => agendaIds.set(key, insert.agenda(meetingId, agendaBase + i, item)));

    /** The id a key names in this content; a key naming nothing is a reference outside the meeting. */
    const resolve = (ids: Map<string, number>, key: string | null, path: Path, label: string, field: string): number | null => {
      if (key === null) return null;
      const id = ids.get(key);
      if (id === undefined)
        at(path, () => {
          throw outsideMeeting(label, field);
        });
      return id ?? null;
    };

    const speechBase = base('speeches');
    (content.speeches ?? []).forEach(({ agendaKey, speakerKey, ...speech }, i) => {
      let timed = speech;
      at(['speeches', i], () => {
        timed = speechTiming(speech);
      });
      insert.speech(meetingId, speechBase + i, {
        ...timed,
        agendaItemId: resolve(agendaIds, agendaKey, ['speeches', i, 'agendaKey'], 'phát biểu', 'agendaItemId'),
        attendeeId: resolve(attendeeIds, speakerKey, ['speeches', i, 'speakerKey'], 'phát biểu', 'attendeeId'),
      });
    });
    const conclusionBase = base('conclusions');
    (content.conclusions ?? []).forEach(({ agendaKey, ...conclusion }, i) => {
      insert.conclusion(meetingId, conclusionBase + i, {
        ...conclusion,
        agendaItemId: resolve(agendaIds, agendaKey, ['conclusions', i, 'agendaKey'], 'kết luận', 'agendaItemId'),
      });
    });
    const actionBase = base('actionItems');
    (content.actionItems ?? []).forEach((item, i) => insert.actionItem(meetingId, actionBase + i, item));
    const recipientBase = base('recipients');
    (content.recipients ?? []).forEach((recipient, i) => insert.recipient(meetingId, recipientBase + i, recipient));
  }

  return {
    /** A new meeting with all its records; returns its id. The meeting keeps `uuid` when given (a meeting file's). */
    create: db.transaction((meeting: MeetingFields & { uuid?: string | undefined }, content: MeetingContent): number => {
      const { uuid, ...fields } = meeting;
      const meetingId = meetings.insert(fields, uuid).id;
      write(meetingId, content, true);
      return meetingId;
    }),
    /** Records added to an existing meeting, after those it holds. */
    append: db.transaction((meetingId: number, content: MeetingContent): void => {
      meetings.get(meetingId);
      write(meetingId, content, false);
      touchMeeting(db, meetingId);
    }),
  };
}

export type Bulk = ReturnType<typeof createBulk>;
