// Merging site reports into a meeting. Each report's records are matched by identity: a new one is added, one
// the site changed since the last merge (and the centre did not) is updated, one both changed differently is a
// conflict (shown, the centre's value kept unless the secretary chose the site's), the same values change
// nothing. A record the centre gave the site (an expected attendee) has no base before its first merge, so a
// change made to it at the site is a conflict until chosen. The plan is worked out first, as
// the preview; merging works it out again inside the write's transaction, so what is written is what was shown.
// A report for another meeting or an unknown site, naming an agenda item the meeting lacks, or that cannot be
// read, is refused on its own: the others are merged, and the summary names each refused file and why.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { CATEGORY_LABELS, FIELD_LABELS, PRESENCE_LABELS, ROLE_LABELS, SPEECH_KIND_LABELS } from '../../shared/model/labels.ts';
import type { MergeOutcome, MergePreview, RecordMerge, ReportMerge, ReportSpeech, SiteReport, SpeechLog } from '../../shared/model/site-report.ts';
import type { MergeUndo, MergeWrites } from '../store/bulk-merge.ts';
import type { Store } from '../store/index.ts';
import { attendeeValues, readMergeSource, reportSpeech, siteValues } from './site-report.ts';

export interface NamedReport {
  file: string;
  /** The report (or another machine's speeches), or why its file could not be read. */
  report: SiteReport | SpeechLog | AppError;
}

type Values = Record<string, unknown>;
const strip = <T extends { uuid: string }>({ uuid: _u, ...rest }: T): Omit<T, 'uuid'> => rest;
/** A field's value as the secretary reads it: choices by their Vietnamese names, references by what they name. */
type Show = (key: string, value: unknown) => string;
const CHOICES: Record<string, Record<string, string>> = {
  presence: PRESENCE_LABELS,
  role: ROLE_LABELS,
  category: CATEGORY_LABELS,
  kind: SPEECH_KIND_LABELS,
};

/** Central value, site value and base → what the merge does (see the header). */
function decide(central: string | undefined, site: string, base: string | undefined): MergeOutcome {
  if (central === undefined) return 'added';
  if (central === site) return 'unchanged';
  if (base !== undefined && central === base) return 'updated';
  if (base !== undefined && site === base) return 'unchanged';
  return 'conflict';
}

function differences(central: Values | undefined, site: Values, show: Show): RecordMerge['differences'] {
  if (!central) return [];
  return Object.keys(site)
    .filter((key) => central[key] !== site[key])
    .map((key) => ({ field: FIELD_LABELS[key] ?? key, central: show(key, central[key]), site: show(key, site[key]) }));
}

/** The meeting as a merge sees it, kept up to date as reports are planned one after another. */
function meetingState(store: Store, meetingId: number) {
  const meeting = store.meetings.get(meetingId);
  const sites = store.sites.list(meetingId);
  const attendees = store.attendees.list(meetingId);
  const agenda = store.agenda.list(meetingId);
  const siteUuid = new Map(sites.map((site) => [site.id, site.uuid]));
  const attendeeUuid = new Map(attendees.map((attendee) => [attendee.id, attendee.uuid]));
  const agendaUuid = new Map(agenda.map((item) => [item.id, item.uuid]));
  return {
    meeting,
    sites: new Map(sites.map((site) => [site.uuid, { id: site.id, name: site.name, values: siteValues(site) as Values }])),
    attendees: new Map(
      attendees.map((a) => [
        a.uuid,
        {
          id: a.id as number | null,
          siteUuid: siteUuid.get(a.siteId) ?? '',
          values: attendeeValues(a) as Values,
        },
      ]),
    ),
    speeches: new Map(
      store.speeches.list(meetingId).map((s) => [
        s.uuid,
        {
          id: s.id as number | null,
          values: strip(reportSpeech(s, agendaUuid, attendeeUuid)) as Values,
        },
      ]),
    ),
    agenda: new Map(agenda.map((item) => [item.uuid, item.title])),
    bases: store.bulk.bases(meetingId),
  };
}

function refusal(state: ReturnType<typeof meetingState>, report: SiteReport | SpeechLog): string | null {
  if (report.meeting.uuid !== state.meeting.uuid) {
    return `Báo cáo của hội nghị khác (“${report.meeting.title || 'chưa có tên'}”), không phải của hội nghị này.`;
  }
  if ('site' in report && !state.sites.has(report.site.uuid)) return `Điểm cầu “${report.site.name || 'chưa có tên'}” không có trong hội nghị này.`;
  const unknown = report.speeches.findIndex((speech) => speech.agendaUuid !== null && !state.agenda.has(speech.agendaUuid));
  if (unknown >= 0) return `Phát biểu thứ ${unknown + 1} thuộc một mục chương trình không có trong hội nghị này.`;
  return null;
}

/** The refused files the summary names one by one; the rest are counted. */
const NAMED_REFUSALS = 5;

/** "34 báo cáo: 31 nhập, 2 có khác biệt cần chọn, 1 bị từ chối: x.json: lý do. 40 mục mới, 3 mục cập nhật." */
function summaryOf(reports: readonly ReportMerge[], totals: MergePreview['totals']): string {
  const refused = reports.filter((report) => report.refused !== null);
  const withConflicts = reports.filter((report) => report.records.some((record) => record.outcome === 'conflict')).length;
  const reasons = refused.slice(0, NAMED_REFUSALS).map((report) => `${report.file}: ${(report.refused ?? '').replace(/\.$/, '')}`);
  if (refused.length > NAMED_REFUSALS) reasons.push(`và ${(refused.length - NAMED_REFUSALS).toLocaleString('vi-VN')} tệp khác`);
  const n = (count: number) => count.toLocaleString('vi-VN');
  return (
    `${n(reports.length)} báo cáo: ${n(reports.length - refused.length - withConflicts)} nhập, ${n(withConflicts)} có khác biệt cần chọn, ` +
    `${n(refused.length)} bị từ chối${reasons.length > 0 ? `: ${reasons.join('; ')}` : ''}. ` +
    `${n(totals.added)} mục mới, ${n(totals.updated)} mục cập nhật.`
  );
}

/** Plans every report in order (a later report sees what an earlier one merges); returns the preview and the writes. */
function plan(store: Store, meetingId: number, reports: readonly NamedReport[], choices: MergeChoices): { preview: MergePreview; writes: MergeWrites } {
  const state = meetingState(store, meetingId);
  const writes: MergeWrites = { siteCounts: [], addAttendees: [], updateAttendees: [], addSpeeches: [], updateSpeeches: [], bases: [] };
  const pendingAdds = new Map<string, { value: Values }>();
  const counts = new Map<number, number | null>();
  const show: Show = (key, value) => {
    if (value === null || value === '') return '—';
    const text = String(value);
    if (key === 'speakerUuid') return String(state.attendees.get(text)?.values.fullName ?? '') || '(chưa có tên)';
    if (key === 'agendaUuid') return state.agenda.get(text) || '(chưa có tên)';
    return CHOICES[key]?.[text] ?? text;
  };

  function merge(
    list: RecordMerge['list'],
    uuid: string,
    label: string,
    site: Values,
    current: { id: number | null; values: Values } | undefined,
    write: (outcome: 'added' | 'updated') => void,
  ): RecordMerge {
    const siteJson = JSON.stringify(site);
    const base = state.bases.get(uuid);
    const decided = decide(current ? JSON.stringify(current.values) : undefined, siteJson, base);
    const outcome = decided === 'conflict' && choices.takeSite.has(uuid) ? 'updated' : decided;
    const record: RecordMerge = { list, uuid, outcome, label, differences: outcome === 'added' ? [] : differences(current?.values, site, show) };
    if (outcome === 'conflict') return record;
    if (outcome === 'added' || outcome === 'updated') write(outcome);
    if (base !== siteJson) {
      writes.bases.push({ uuid, fields: siteJson });
      state.bases.set(uuid, siteJson);
    }
    return record;
  }

  function speechRecords(speeches: readonly ReportSpeech[], speakerName: (speech: ReportSpeech) => string): RecordMerge[] {
    return speeches.map((speech) => {
      const values = strip(speech) as Values;
      const current = state.speeches.get(speech.uuid);
      const label = `Phát biểu của ${speakerName(speech) || 'người chưa ghi tên'}` + (speech.startTime ? ` lúc ${speech.startTime}` : '');
      return merge('speeches', speech.uuid, label, values, current, (outcome) => {
        if (outcome === 'added') {
          const add = { uuid: speech.uuid, value: strip(speech) as Omit<ReportSpeech, 'uuid'> };
          writes.addSpeeches.push(add);
          pendingAdds.set(speech.uuid, add);
          state.speeches.set(speech.uuid, { id: null, values });
        } else if (current) {
          current.values = values;
          const pending = pendingAdds.get(speech.uuid);
          if (pending) pending.value = values;
          else if (current.id !== null) writes.updateSpeeches.push({ id: current.id, value: strip(speech) });
        }
      });
    });
  }

  /** Another machine's speeches: a speaker the meeting here does not list is kept as a free-text speaker. */
  function logRecords(log: SpeechLog): RecordMerge[] {
    const speeches = log.speeches.map((speech) => {
      if (speech.speakerUuid === null || state.attendees.has(speech.speakerUuid)) return speech;
      const who = log.speakers.get(speech.speakerUuid);
      return { ...speech, speakerUuid: null, speakerName: who?.fullName ?? '', speakerPosition: who?.positions ?? '', speakerSite: who?.site ?? '' };
    });
    return speechRecords(speeches, (speech) => speech.speakerName || String(state.attendees.get(speech.speakerUuid ?? '')?.values.fullName ?? ''));
  }

  const merged: ReportMerge[] = reports.map(({ file, report }) => {
    if (report instanceof AppError) return { file, siteName: '', refused: report.message, records: [] };
    const refused = refusal(state, report);
    if (!('site' in report)) {
      return { file, siteName: 'Phát biểu ghi ở máy khác', refused, records: refused ? [] : logRecords(report) };
    }
    if (refused) return { file, siteName: report.site.name, refused, records: [] };
    const site = state.sites.get(report.site.uuid);
    if (!site) throw new Error('unreachable: the site was checked');
    const records: RecordMerge[] = [];
    records.push(
      merge('sites', report.site.uuid, site.name, { attendeeCount: report.site.attendeeCount }, site, () => {
        site.values = { attendeeCount: report.site.attendeeCount };
        counts.set(site.id, report.site.attendeeCount);
      }),
    );
    for (const attendee of report.site.attendees) {
      const values = strip(attendee) as Values;
      const current = state.attendees.get(attendee.uuid);
      const label = attendee.fullName || '(chưa có tên)';
      if (current && current.siteUuid !== report.site.uuid) {
        records.push({
          list: 'attendees',
          uuid: attendee.uuid,
          outcome: 'conflict',
          label,
          differences: [{ field: 'điểm cầu', central: 'điểm cầu khác', site: site.name }],
        });
        continue;
      }
      records.push(
        merge('attendees', attendee.uuid, label, values, current, (outcome) => {
          if (outcome === 'added') {
            const add = { siteId: site.id, uuid: attendee.uuid, value: strip(attendee) };
            writes.addAttendees.push(add);
            pendingAdds.set(attendee.uuid, add);
            state.attendees.set(attendee.uuid, { id: null, siteUuid: report.site.uuid, values });
          } else if (current) {
            current.values = values;
            const pending = pendingAdds.get(attendee.uuid);
            if (pending) pending.value = values;
            else if (current.id !== null) writes.updateAttendees.push({ id: current.id, value: strip(attendee) });
          }
        }),
      );
    }
    records.push(
      ...speechRecords(report.speeches, (speech) => speech.speakerName || report.site.attendees.find((a) => a.uuid === speech.speakerUuid)?.fullName || ''),
    );
    return { file, siteName: report.site.name, refused: null, records };
  });
  writes.siteCounts = [...counts].map(([siteId, attendeeCount]) => ({ siteId, attendeeCount }));

  const totals = { added: 0, updated: 0, conflict: 0, unchanged: 0, refused: 0 };
  for (const report of merged) {
    if (report.refused) totals.refused++;
    for (const record of report.records) totals[record.outcome]++;
  }
  return { preview: { meetingId, reports: merged, totals, summary: summaryOf(merged, totals) }, writes };
}

/** The secretary's explicit choices: records (by identity) whose conflict is resolved with the site's value. */
export interface MergeChoices {
  takeSite: ReadonlySet<string>;
}
const NO_CHOICES: MergeChoices = { takeSite: new Set() };

const nothingToWrite = (writes: MergeWrites) => Object.values(writes).every((list: unknown[]) => list.length === 0);

/** The report files named: a folder stands for its .json files, in name order. */
export function reportFiles(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let folder = false;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      // Not there: readReports names it as a file that cannot be read.
    }
    if (!folder) return [path];
    return readdirSync(path)
      .filter((name) => name.toLowerCase().endsWith('.json'))
      .sort()
      .map((name) => join(path, name));
  });
}

/** Reads report files; a file that cannot be read becomes a refused report, named by its file. */
export function readReports(paths: readonly string[]): NamedReport[] {
  return paths.map((path) => {
    try {
      return { file: basename(path), report: readMergeSource(path) };
    } catch (error) {
      if (error instanceof AppError) return { file: basename(path), report: error };
      throw error;
    }
  });
}

/** What merging the reports would do; writes nothing. */
export function previewMerge(store: Store, meetingId: number, reports: readonly NamedReport[], choices = NO_CHOICES): MergePreview {
  return plan(store, meetingId, reports, choices).preview;
}

/**
 * Merges the reports that can be merged, in one transaction through the bulk path, and returns what was done with
 * what undoes it (null when nothing was written). A refused report is left out, its file untouched.
 */
export function mergeReports(
  store: Store,
  meetingId: number,
  reports: readonly NamedReport[],
  choices = NO_CHOICES,
): MergePreview & { undo: MergeUndo | null } {
  return store.transaction(() => {
    const { preview, writes } = plan(store, meetingId, reports, choices);
    return { ...preview, undo: nothingToWrite(writes) ? null : store.bulk.merge(meetingId, writes) };
  });
}
