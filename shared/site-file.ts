// A list of sites read from a CSV or Excel file, before it is added: name, level, head count (empty: a site
// that lists its attendees by name), address; with the same rows converted when the text is in a legacy encoding.
import type { SiteLevel } from './model/meeting.ts';
import type { LegacyEncoding } from './vietnamese/legacy.ts';

export interface SiteRow {
  name: string;
  location: string;
  level: SiteLevel;
  attendeeCount: number | null;
}

export interface SiteFile {
  fileName: string;
  /** How the file was read: "bảng mã UTF-8", "tệp Excel"… */
  encoding: string;
  /** The heading line(s) found above the list; null when there was none. */
  heading: string | null;
  rows: SiteRow[];
  /** Rows naming a site the meeting has already (they are left out when added). */
  existing: number;
  /** Set when the file's text looks like TCVN3 or VNI-Windows. */
  legacy: { encoding: LegacyEncoding; confident: boolean; rows: SiteRow[] } | null;
}
