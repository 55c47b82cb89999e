// An attendee list read from a CSV or Excel file, before it is added: the rows as found and, when the
// text is in a legacy encoding, the same rows converted, so the secretary chooses.
import type { LegacyEncoding } from './vietnamese/legacy.ts';

export interface AttendeeRow {
  fullName: string;
  positions: string;
  unit: string;
}

export interface AttendeeFile {
  fileName: string;
  /** How the file was read, for the preview: "bảng mã UTF-8", "bảng mã UTF-16", "tệp Excel"… */
  encoding: string;
  /** The heading line(s) found above the list, which are not people; null when there was none. */
  heading: string | null;
  rows: AttendeeRow[];
  /** Set when the file's text looks like TCVN3 or VNI-Windows. */
  legacy: { encoding: LegacyEncoding; confident: boolean; rows: AttendeeRow[] } | null;
}
