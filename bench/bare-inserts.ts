// The baseline of the import benchmark (bench/store.ts): the meeting file read and checked as import does it, then
// every row by a bare INSERT prepared once, with no rule and no directory of people. It must write the records
// import writes (test/store/bare-inserts.test.ts), or the ratio compares unlike work.
import { readFileSync } from 'node:fs';
import { parseMeetingFile } from '../electron/services/meeting-file.ts';
import type { Db } from '../electron/store/index.ts';
import { toColumn } from '../electron/store/table.ts';
import { actionItemFields, agendaItemFields, attendeeFields, conclusionFields, meetingFields, siteFields, speechFields } from '../shared/model/meeting.ts';

/** The file read and checked as import does it, then every row by a bare INSERT prepared once: no rule, no people. */
export function bareInserts(db: Db, path: string): void {
  const file = parseMeetingFile(JSON.parse(readFileSync(path, 'utf8')));
  // SQLite stores booleans as 0/1.
  const values = (keys: string[], row: Record<string, unknown>) => keys.map((k) => (typeof row[k] === 'boolean' ? Number(row[k]) : row[k]));
  const insert = (table: string, keys: string[]) => {
    const stmt = db.prepare(`INSERT INTO ${table} (meeting_id, ord, ${keys.map(toColumn).join(', ')}) VALUES (?, ?, ${keys.map(() => '?').join(', ')})`);
    return (meetingId: number, ord: number, row: Record<string, unknown>) => Number(stmt.run(meetingId, ord, ...values(keys, row)).lastInsertRowid);
  };
  const keys = (fields: { shape: object }) => Object.keys(fields.shape);
  const meetingKeys = keys(meetingFields);
  const meeting = db.prepare(`INSERT INTO meetings (${meetingKeys.map(toColumn).join(', ')}, created_at, updated_at)
    VALUES (${meetingKeys.map(() => '?').join(', ')}, ?, ?)`);
  const rows = {
    site: insert('sites', keys(siteFields)),
    attendee: insert('attendees', keys(attendeeFields)),
    agenda: insert('agenda_items', keys(agendaItemFields)),
    speech: insert('speeches', keys(speechFields)),
    conclusion: insert('conclusions', keys(conclusionFields)),
    action: insert('action_items', keys(actionItemFields)),
    recipient: insert('recipients', ['text']),
  };
  db.transaction(() => {
    const now = new Date().toISOString();
    const m = file.meeting as Record<string, unknown>;
    const id = Number(meeting.run(...values(meetingKeys, m), now, now).lastInsertRowid);
    const attendees = new Map<string, number>();
    const agenda = new Map<string, number>();
    file.sites.forEach((site, s) => {
      const siteId = rows.site(id, s, site);
      site.attendees.forEach((a, i) => attendees.set(a.key, rows.attendee(id, i, { ...a, siteId, personId: null })));
    });
    file.agenda.forEach((item, i) => agenda.set(item.key, rows.agenda(id, i, item)));
    const ref = (ids: Map<string, number>, key: string | null) => (key === null ? null : (ids.get(key) ?? null));
    file.speeches.forEach((s, i) => rows.speech(id, i, { ...s, agendaItemId: ref(agenda, s.agendaKey), attendeeId: ref(attendees, s.speakerKey) }));
    file.conclusions.forEach((c, i) => rows.conclusion(id, i, { ...c, agendaItemId: ref(agenda, c.agendaKey) }));
    file.actionItems.forEach((a, i) => rows.action(id, i, a));
    file.recipients.forEach((r, i) => rows.recipient(id, i, r));
  })();
}
