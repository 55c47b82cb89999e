// The meeting package (docs/meeting-file.md): the central secretary sends the sites the meeting's details, agenda
// and sites (optionally each site's expected attendees); a site's machine opens it as a meeting bound to its one
// site, records the attendance and speeches there and exports that site's report (site-report.ts). What the
// package sends is recorded at the centre as each record's merge base, so that a site's first change to a record
// the centre sent merges as an update, not a conflict.
import { AppError } from '../../shared/errors.ts';
import { parseVersioned } from '../../shared/model/validate.ts';
import {
  SITE_PACKAGE_KIND,
  SITE_PACKAGE_MAX_BYTES,
  SITE_PACKAGE_VERSION,
  sitePackageSchema,
  type PackageSummary,
  type SitePackage,
} from '../../shared/model/site-package.ts';
import type { Store } from '../store/index.ts';
import { writeFileAtomic } from './files.ts';
import { readJsonFile } from './json-limits.ts';
import { checkPlainExport, importMeeting, MEETING_FILE_MAX_DEPTH, toMeetingFile } from './meeting-file.ts';
import { getMeetingRecord } from './meetings.ts';
import { attendeeValues, siteValues } from './site-report.ts';

export interface PackageOptions {
  /** Send each site's expected attendees (else every site lists its own). */
  withAttendees: boolean;
  /** A confidential meeting's plain package, confirmed by the secretary. */
  confirmed?: boolean | undefined;
}

/** The package and the bases it sets: each record sent, as a merge compares it. */
export function toSitePackage(store: Store, meetingId: number, { withAttendees }: PackageOptions, exportedAt = new Date()) {
  const record = getMeetingRecord(store, meetingId);
  const attendees = withAttendees ? record.attendees : [];
  const pack: SitePackage = {
    kind: SITE_PACKAGE_KIND,
    version: SITE_PACKAGE_VERSION,
    exportedAt: exportedAt.toISOString(),
    withAttendees,
    meeting: toMeetingFile({ ...record, attendees, speeches: [], conclusions: [], actionItems: [], recipients: [], queue: [] }, exportedAt),
  };
  const bases = [
    ...record.sites.map((site) => ({ uuid: site.uuid, fields: JSON.stringify(siteValues(site)) })),
    ...attendees.map((attendee) => ({ uuid: attendee.uuid, fields: JSON.stringify(attendeeValues(attendee)) })),
  ];
  return { pack, bases };
}

/** Writes the package; its bases are recorded in the same transaction, so a failed write records none. */
export function exportSitePackage(store: Store, meetingId: number, target: string, options: PackageOptions): void {
  checkPlainExport(store, meetingId, options);
  const { pack, bases } = toSitePackage(store, meetingId, options);
  store.transaction(() => {
    store.bulk.recordBases(meetingId, bases);
    writeFileAtomic(target, `${JSON.stringify(pack, null, 2)}\n`, store.files);
  });
}

export function parseSitePackage(json: unknown): SitePackage {
  return parseVersioned(sitePackageSchema, json, {
    kind: SITE_PACKAGE_KIND,
    version: SITE_PACKAGE_VERSION,
    expected: 'gói hội nghị gửi các điểm cầu',
    name: 'Gói hội nghị',
  });
}

export function readSitePackage(path: string): SitePackage {
  return parseSitePackage(readJsonFile(path, { maxBytes: SITE_PACKAGE_MAX_BYTES, maxDepth: MEETING_FILE_MAX_DEPTH + 2, what: 'Gói hội nghị' }));
}

export function summarizePackage(pack: SitePackage): PackageSummary {
  return {
    title: pack.meeting.meeting.title,
    date: pack.meeting.meeting.date,
    sites: pack.meeting.sites.map((site) => ({
      uuid: site.uuid ?? '',
      name: site.name,
      attendeeCount: site.attendeeCount,
      attendees: site.attendees.length,
    })),
  };
}

/** Opens the package as a new meeting bound to the site named by its identity; returns the meeting's id. */
export function openSitePackage(store: Store, pack: SitePackage, siteUuid: string): number {
  const uuid = siteUuid.toLowerCase();
  if (!pack.meeting.sites.some((site) => site.uuid === uuid)) {
    throw new AppError('NOT_FOUND', 'Gói hội nghị này không có điểm cầu đã chọn.');
  }
  return store.transaction(() => {
    const meetingId = importMeeting(store, { ...pack.meeting, speeches: [], conclusions: [], actionItems: [], recipients: [] });
    const site = store.sites.list(meetingId).find((s) => s.uuid === uuid);
    if (!site) throw new Error('unreachable: the package named the site');
    store.bulk.bindSite(meetingId, site.id);
    return meetingId;
  });
}
