// The meeting package (docs/meeting-file.md, "The meeting package"): what the central secretary sends to the sites
// of a meeting — its details, agenda and sites, optionally each site's expected attendees — as a version-2 meeting
// file inside, so that every record keeps the identity the site's report will name.
import * as z from 'zod';
import { MEETING_FILE_MAX_BYTES, MEETING_FILE_VERSION, meetingFileSchema } from './meeting-file.ts';

export const SITE_PACKAGE_KIND = 'bien-ban/meeting-package';
export const SITE_PACKAGE_VERSION = 1;
export const SITE_PACKAGE_MAX_BYTES = MEETING_FILE_MAX_BYTES;

export const sitePackageSchema = z
  .object({
    kind: z.literal(SITE_PACKAGE_KIND),
    version: z.literal(SITE_PACKAGE_VERSION),
    exportedAt: z.string().max(40),
    /** Whether the sites carry their expected attendees (else each site lists its own). */
    withAttendees: z.boolean(),
    /** The meeting's skeleton: details, sites and agenda; no speeches, conclusions, action items or recipients. */
    meeting: meetingFileSchema,
  })
  .superRefine((pack, ctx) => {
    const file = pack.meeting;
    const unnamed =
      file.version !== MEETING_FILE_VERSION ||
      file.meeting.uuid === undefined ||
      file.sites.some((site) => site.uuid === undefined || site.attendees.some((attendee) => attendee.uuid === undefined)) ||
      file.agenda.some((item) => item.uuid === undefined);
    if (unnamed) ctx.addIssue({ code: 'custom', path: ['meeting'], message: 'thiếu mã định danh của hội nghị hoặc của một mục' });
    if (file.sites.length === 0) ctx.addIssue({ code: 'custom', path: ['meeting', 'sites'], message: 'gói không có điểm cầu nào' });
  });

export type SitePackage = z.output<typeof sitePackageSchema>;

/** A package read at a site, before the secretary says which site is theirs. */
export interface PackageSummary {
  title: string;
  date: string | null;
  sites: { uuid: string; name: string; attendeeCount: number | null; attendees: number }[];
}
