// Commands that prepare a meeting without the window: the organisation profile shown and set, a new meeting,
// site lists and attendee lists imported from CSV or Excel files (the app's own readers and write paths).
import { AppError } from '../../shared/errors.ts';
import { FIELD_LABELS } from '../../shared/model/labels.ts';
import { meetingFields, profileFields } from '../../shared/model/meeting.ts';
import { fold } from '../../shared/vietnamese/fold.ts';
import { ENCODING_LABELS, type LegacyEncoding } from '../../shared/vietnamese/legacy.ts';
import { readAttendeeFile } from '../services/attendee-file.ts';
import { createMeeting } from '../services/meetings.ts';
import { readSiteFile } from '../services/site-file.ts';
import { importSites } from '../services/site-list.ts';
import type { Store } from '../store/index.ts';

export interface Out {
  out(line: string): void;
}

/** How rows in a legacy encoding are taken: converted to Unicode or kept as they are; never decided silently. */
export type LegacyChoice = 'convert' | 'keep' | undefined;

const count = (n: number) => n.toLocaleString('vi-VN');
const NUMBERS = new Set(['number', 'noticeNumber']);
const DATES = new Set(['date', 'noticeDate']);

/** "trường=giá trị" arguments → fields of a schema's keys; dates may be written dd/mm/yyyy, numbers as digits. */
function assignments(args: readonly string[], keys: readonly string[], what: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const arg of args) {
    const at = arg.indexOf('=');
    const key = at > 0 ? arg.slice(0, at) : '';
    if (!keys.includes(key)) {
      throw new AppError('INVALID_INPUT', `"${arg}" không phải là trường=giá trị của ${what}; các trường: ${keys.join(', ')}.`);
    }
    const text = arg.slice(at + 1);
    const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    fields[key] =
      text === '' && (NUMBERS.has(key) || DATES.has(key))
        ? null
        : NUMBERS.has(key) && /^\d+$/.test(text)
          ? Number(text)
          : DATES.has(key) && date
            ? `${date[3]}-${date[2]?.padStart(2, '0')}-${date[1]?.padStart(2, '0')}`
            : text;
  }
  return fields;
}

const PROFILE_KEYS = Object.keys(profileFields.shape);
const MEETING_KEYS = Object.keys(meetingFields.shape);

/** `profile [trường=giá trị …]`: sets the fields given, then shows the whole profile, one field a line. */
export function profileCommand(store: Store, args: string[], io: Out): void {
  if (args.length > 0) store.profile.update(assignments(args, PROFILE_KEYS, 'thông tin cơ quan'));
  const profile = store.profile.get() as Record<string, unknown>;
  for (const key of PROFILE_KEYS) io.out(`${key}\t${FIELD_LABELS[key] ?? key}\t${String(profile[key] ?? '')}`);
}

/** `new <tiêu đề> [trường=giá trị …]`: a new meeting with the profile's defaults; prints its id. */
export function newMeetingCommand(store: Store, [title = '', ...args]: string[], io: Out): void {
  io.out(String(createMeeting(store, { ...assignments(args, MEETING_KEYS, 'hội nghị'), title })));
}

function legacyRows<R>(file: { fileName: string; rows: R[]; legacy: { encoding: LegacyEncoding; rows: R[] } | null }, choice: LegacyChoice): R[] {
  if (!file.legacy) return file.rows;
  if (choice === 'convert') return file.legacy.rows;
  if (choice === 'keep') return file.rows;
  throw new AppError(
    'INVALID_INPUT',
    `Tệp ${file.fileName} có vẻ được gõ bằng bảng mã ${ENCODING_LABELS[file.legacy.encoding]}: ` +
      'thêm --convert để chuyển sang Unicode, hoặc --keep để giữ nguyên.',
  );
}

/** `sites <mã hội nghị> <tệp>`: the sites of a list added through the bulk path; those the meeting has are left out. */
export async function sitesCommand(store: Store, meetingId: number, path: string, io: Out, choice: LegacyChoice): Promise<void> {
  store.meetings.get(meetingId);
  const file = await readSiteFile(path);
  const { added, skipped } = importSites(store, meetingId, legacyRows(file, choice));
  io.out(`Đã thêm ${count(added)} điểm cầu vào hội nghị ${meetingId}${skipped > 0 ? ` (bỏ qua ${count(skipped)} điểm cầu đã có)` : ''}.`);
}

/**
 * `attendees <mã hội nghị> <tệp> [--site <tên>]`: the people of a list added to a site: the one named (created when
 * the meeting has no site of that name), or the main site.
 */
export async function attendeesCommand(
  store: Store,
  meetingId: number,
  path: string,
  io: Out,
  choice: LegacyChoice,
  siteName: string | undefined,
): Promise<void> {
  store.meetings.get(meetingId);
  const file = await readAttendeeFile(path);
  const rows = legacyRows(file, choice);
  const wanted = siteName?.trim();
  // All or nothing: a site created for the list goes if a row is refused.
  const site = store.transaction(() => {
    const sites = store.sites.list(meetingId);
    const target = wanted ? (sites.find((s) => fold(s.name) === fold(wanted)) ?? store.sites.add(meetingId, { name: wanted })) : sites.find((s) => s.isMain);
    if (!target) throw new AppError('INVALID_INPUT', `Hội nghị ${meetingId} chưa có điểm cầu nào; dùng --site "<tên điểm cầu>" để tạo điểm cầu cho danh sách.`);
    for (const row of rows) store.attendees.add(meetingId, { ...row, siteId: target.id });
    return target;
  });
  io.out(`Đã thêm ${count(rows.length)} đại biểu vào điểm cầu ${site.name || '(chưa có tên)'} của hội nghị ${meetingId}.`);
}
