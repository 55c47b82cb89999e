// The minutes model: a meeting record and the organisation's profile → the biên bản as formatted Vietnamese text.
// Every wording rule of the document lives here or in wording.ts; how it looks lives in layout.ts.
import { CONFIDENTIALITY_LABELS } from '../model/labels.ts';
import type {
  AgendaItem, Attendee, Category, Format, MeetingRecord, Presence, ProfileFields, Site, SiteLevel, Speech, SpeechKind,
} from '../model/meeting.ts';
import { normalizeText } from '../text.ts';
import {
  BLANK, body, Gaps, lead, paragraph, strong, type Block, type DocumentModel, type Paragraph, type Run, type Table,
} from './document.ts';
import {
  capitalize, clockWords, countOf, dateWords, documentSymbol, endSentence, formatCount, joinPeople, listItems,
  personLine, placeAndDate, ratio, upper, type DocumentType,
} from './wording.ts';

export interface MinutesOptions {
  /** The format to write; the meeting's own by default. */
  format?: Format;
}

/** The words that differ between the two formats. */
const WORDS = {
  party: {
    event: 'hội nghị',
    chair: 'Người chủ trì',
    minuteTaker: 'Người ghi biên bản',
    documents: 'Tài liệu sử dụng trong hội nghị',
    attendance: 'Thành phần hội nghị',
    proceedings: 'Diễn biến hội nghị',
    minuteTakerSigns: 'NGƯỜI GHI BIÊN BẢN',
    chairSigns: 'CHỦ TRÌ HỘI NGHỊ',
    keepCopy: 'Lưu Văn phòng',
    end: '.',
  },
  state: {
    event: 'cuộc họp',
    chair: 'Chủ trì',
    minuteTaker: 'Thư ký',
    documents: 'Tài liệu sử dụng trong cuộc họp',
    attendance: 'Thành phần tham dự',
    proceedings: 'Diễn biến cuộc họp',
    minuteTakerSigns: 'THƯ KÝ',
    chairSigns: 'CHỦ TỌA',
    keepCopy: 'Lưu: VT',
    end: './.',
  },
} as const satisfies Record<Format, Record<string, string>>;

const CATEGORY_WORDS: Record<Category, string> = {
  delegate: 'Đại biểu chính thức',
  guest: 'Đại biểu mời dự',
  press: 'Báo chí',
  staff: 'Cán bộ phục vụ',
};
const CATEGORY_ORDER: readonly Category[] = ['delegate', 'guest', 'press', 'staff'];

/** How sites of one level are named in a count: "34 điểm cầu tỉnh, thành phố", "21 điểm cầu cấp xã". */
const LEVEL_WORDS: Record<SiteLevel, string> = {
  central: 'Trung ương',
  province: 'tỉnh, thành phố',
  district: 'cấp huyện',
  commune: 'cấp xã',
  other: 'khác',
};

const SPEECH_VERBS: Record<SpeechKind, string> = {
  report: 'báo cáo',
  contribution: 'phát biểu ý kiến',
  speech: 'phát biểu',
  explanation: 'giải trình',
  direction: 'phát biểu chỉ đạo',
};

const PRESENT: readonly Presence[] = ['present', 'late', 'left_early'];
const isPresent = (a: Attendee): boolean => PRESENT.includes(a.presence);
const ROLE_RANK = { chair: 0, site_chair: 1, member: 2 } as const;

/** Everything a builder needs, computed once. */
export interface Context {
  record: MeetingRecord;
  profile: ProfileFields;
  format: Format;
  words: (typeof WORDS)[Format];
  gaps: Gaps;
  chairs: Attendee[];
  sites: Map<number, Site>;
  mainSite: Site | undefined;
  /** An online or multi-site meeting: attendance is listed site by site. */
  bySite: boolean;
}

/** Every string of a value through the text normalisation (NFC, no XML-illegal characters). */
function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return normalizeText(value) as T;
  if (Array.isArray(value)) return value.map(cleanStrings) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)])) as T;
  }
  return value;
}

export function createContext(record: MeetingRecord, profile: ProfileFields, format?: Format): Context {
  const clean = cleanStrings(record);
  const chosen = format ?? clean.meeting.format;
  return {
    record: clean,
    profile: cleanStrings(profile),
    format: chosen,
    words: WORDS[chosen],
    gaps: new Gaps(),
    chairs: clean.attendees.filter((a) => a.role === 'chair'),
    sites: new Map(clean.sites.map((s) => [s.id, s])),
    mainSite: clean.sites.find((s) => s.isMain) ?? clean.sites[0],
    bySite: clean.meeting.mode !== 'in_person' || clean.sites.length > 1,
  };
}

/** Multi-line text → its non-empty lines, each a paragraph. */
export const linesOf = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Parts shared with the notice

export function headerTable(ctx: Context, type: DocumentType, number: number | null, date: string | null): Table {
  const { profile, format, gaps, record } = ctx;
  const left: Paragraph[] = [];
  if (profile.superiorBody) left.push(paragraph('superiorBody', upper(profile.superiorBody)));
  left.push(paragraph('issuingBody', upper(gaps.need(profile.issuingBody, 'Chưa có tên cơ quan ban hành (thông tin cơ quan).'))));
  if (format === 'party') left.push(paragraph('star', '*'));
  const right = format === 'party'
    ? [paragraph('nation', 'ĐẢNG CỘNG SẢN VIỆT NAM')]
    : [paragraph('nation', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), paragraph('motto', 'Độc lập - Tự do - Hạnh phúc')];

  if (number === null) gaps.note(type === 'BB' ? 'Chưa có số biên bản.' : 'Chưa có số thông báo.');
  const abbreviation = gaps.need(profile.abbreviation, 'Chưa có chữ viết tắt tên cơ quan (thông tin cơ quan).');
  const numberCell = [paragraph('number', documentSymbol(format, type, number, abbreviation === BLANK ? '' : abbreviation))];
  const confidentiality = record.meeting.confidentiality;
  if (confidentiality !== 'none') numberCell.push(paragraph('confidentiality', CONFIDENTIALITY_LABELS[confidentiality]));

  const place = gaps.need(profile.placeName, 'Chưa có địa danh (thông tin cơ quan).');
  const dateCell = [paragraph('date', placeAndDate(place, date))];
  return { type: 'table', role: 'header', rows: [[left, right], [numberCell, dateCell]] };
}

export function meetingTitle(ctx: Context): string {
  return ctx.gaps.need(ctx.record.meeting.title, 'Chưa có tiêu đề (trích yếu) của hội nghị.');
}

export function titleBlock(ctx: Context, title: string, subtitle: string): Paragraph[] {
  const out = [paragraph('title', title), paragraph('subtitle', subtitle)];
  if (ctx.format === 'party') out.push(paragraph('separator', '-----'));
  return out;
}

export function firstChair(ctx: Context): Attendee | undefined {
  if (ctx.chairs.length === 0) ctx.gaps.note('Chưa có người chủ trì: hãy chọn vai trò "Chủ trì hội nghị" cho một đại biểu.');
  return ctx.chairs[0];
}

export function chairName(ctx: Context): string {
  const chair = firstChair(ctx);
  return chair ? ctx.gaps.need(chair.fullName, 'Chưa có họ tên người chủ trì.') : BLANK;
}

/**
 * Where the meeting was held: the venue, or for an online meeting the main site and the sites it reached.
 * In a sentence a venue takes "tại": "tại Hội trường A", "trực tuyến từ điểm cầu …".
 */
export function placePhrase(ctx: Context, inSentence = false): string {
  const { meeting } = ctx.record;
  const at = inSentence ? 'tại ' : '';
  const others = ctx.record.sites.filter((s) => s !== ctx.mainSite);
  if (meeting.mode === 'in_person' || others.length === 0) {
    const venue = meeting.venue || ctx.mainSite?.name || '';
    return `${at}${ctx.gaps.need(venue, 'Chưa có địa điểm.')}`;
  }
  const reached = `đến ${sitesByLevel(others)}`;
  if (meeting.mode === 'mixed') return `${at}${ctx.gaps.need(meeting.venue, 'Chưa có địa điểm.')}, kết hợp trực tuyến ${reached}`;
  return `trực tuyến từ điểm cầu ${ctx.gaps.need(ctx.mainSite?.name, 'Chưa có tên điểm cầu chính.')} ${reached}`;
}

/** "34 điểm cầu tỉnh, thành phố và 3.321 điểm cầu cấp xã"; a level with one site names it. */
function sitesByLevel(sites: Site[]): string {
  const groups = groupBy(sites, (s) => s.level);
  const parts = [...groups].map(([level, list]) =>
    list.length === 1 && list[0]?.name ? `điểm cầu ${list[0].name}` : `${countOf(list.length, 'điểm cầu')} ${LEVEL_WORDS[level]}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}` : parts[0] ?? '';
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The conclusions: per agenda item when the chair concluded each, then the overall conclusion. */
export function conclusionBlocks(ctx: Context, options: { prefix: string; role: 'heading' | 'subheading'; votes: boolean }): Paragraph[] {
  const { agenda, conclusions } = ctx.record;
  const itemIds = new Set(agenda.map((item) => item.id));
  const perItem = agenda
    .map((item) => ({ item, list: conclusions.filter((c) => c.agendaItemId === item.id) }))
    .filter((group) => group.list.length > 0);
  const overall = conclusions.filter((c) => c.agendaItemId === null || !itemIds.has(c.agendaItemId));
  if (conclusions.length === 0) return [body(ctx.gaps.need('', 'Chưa có kết luận.'))];

  const out: Paragraph[] = [];
  let n = 0;
  const each = (list: typeof conclusions) => {
    for (const conclusion of list) {
      const index = conclusions.indexOf(conclusion) + 1;
      const lines = linesOf(conclusion.content);
      if (lines.length === 0) lines.push(ctx.gaps.need('', `Kết luận thứ ${index}: chưa có nội dung.`));
      out.push(...lines.map((l) => body(l)));
      if (options.votes) {
        const vote = voteLine(conclusion.voteFor, conclusion.voteAgainst, conclusion.voteOther);
        if (vote) out.push(body(strong('Kết quả biểu quyết: '), vote));
      }
    }
  };
  for (const { item, list } of perItem) {
    out.push(paragraph(options.role, `${options.prefix}${++n}. ${item.title || BLANK}`));
    each(list);
  }
  if (overall.length > 0) {
    if (perItem.length > 0) out.push(paragraph(options.role, `${options.prefix}${++n}. Kết luận chung`));
    each(overall);
  }
  return out;
}

/** "tán thành 45 đồng chí; không tán thành 0 đồng chí; ý kiến khác 02 đồng chí." */
export function voteLine(voteFor: number | null, against: number | null, other: number | null): string | null {
  const part = (label: string, n: number | null) => (n === null ? null : `${label} ${countOf(n, 'đồng chí')}`);
  const parts = [part('tán thành', voteFor), part('không tán thành', against), part('ý kiến khác', other)].filter((p) => p !== null);
  return parts.length > 0 ? `${parts.join('; ')}.` : null;
}

export function actionItemBlocks(ctx: Context): Paragraph[] {
  const items = ctx.record.actionItems.filter((a) => a.task);
  if (items.length === 0) return [];
  const lines = items.map((a) => {
    const details = [a.responsible && `thực hiện: ${a.responsible}`, a.dueDate && `thời hạn: ${dateWords(a.dueDate)}`].filter(Boolean);
    return `${a.task.replace(/\s*\n\s*/g, ' ')}${details.length > 0 ? ` (${details.join('; ')})` : ''}`;
  });
  return [lead(body(strong('Phân công thực hiện:'))), ...listItems(lines).map((l) => body(l))];
}

export function recipientParagraphs(ctx: Context): Paragraph[] {
  const texts = ctx.record.recipients.map((r) => r.text).filter(Boolean);
  const items = listItems(texts.length > 0 ? texts : [ctx.words.keepCopy]);
  return [paragraph('recipientsLabel', 'Nơi nhận:'), ...items.map((text) => paragraph('recipient', text))];
}

// ---------------------------------------------------------------------------------------------
// The minutes

export function buildMinutes(record: MeetingRecord, profile: ProfileFields, options: MinutesOptions = {}): DocumentModel {
  const ctx = createContext(record, profile, options.format);
  const { meeting } = ctx.record;
  const blocks: Block[] = [
    headerTable(ctx, 'BB', meeting.number, dateOrNote(ctx, meeting.date)),
    ...titleBlock(ctx, 'BIÊN BẢN', meetingTitle(ctx)),
    ...opening(ctx),
    ...attendance(ctx),
    ...proceedings(ctx),
    paragraph('heading', '3. Kết luận'),
    ...conclusionIntro(ctx),
    ...conclusionBlocks(ctx, { prefix: '3.', role: 'subheading', votes: true }),
    ...actionItemBlocks(ctx),
    closing(ctx),
    signatures(ctx),
    ...recipientParagraphs(ctx),
  ];
  return { kind: 'minutes', format: ctx.format, blocks, missing: ctx.gaps.list };
}

function dateOrNote(ctx: Context, date: string | null): string | null {
  if (!date) ctx.gaps.note('Chưa có ngày họp.');
  return date;
}

function time(ctx: Context, value: string | null, message: string): string {
  if (!value) ctx.gaps.note(message);
  return clockWords(value);
}

function opening(ctx: Context): Paragraph[] {
  const { meeting } = ctx.record;
  const { words, gaps } = ctx;
  const out = [
    body(strong('Thời gian: '), `vào hồi ${time(ctx, meeting.startTime, 'Chưa có giờ bắt đầu.')}, ${dateWords(meeting.date)}.`),
    body(strong('Địa điểm: '), endSentence(placePhrase(ctx))),
  ];
  const content = linesOf(meeting.content);
  if (content.length > 1) out.push(lead(body(strong('Nội dung:'))), ...content.map((l) => body(l)));
  else out.push(body(strong('Nội dung: '), endSentence(content[0] ?? meetingTitle(ctx))));

  if (ctx.chairs.length === 0) firstChair(ctx);
  const chairs = ctx.chairs.map((c) =>
    `đồng chí ${personLine(gaps.need(c.fullName, 'Chưa có họ tên người chủ trì.'), gaps.need(c.positions, 'Chưa có chức vụ người chủ trì.'))}`);
  out.push(body(strong(`${words.chair}: `), endSentence(chairs.length > 0 ? joinPeople(chairs) : BLANK)));

  const taker = gaps.need(meeting.minuteTakerName, 'Chưa có họ tên người ghi biên bản.');
  const takerPosition = gaps.need(meeting.minuteTakerPosition, 'Chưa có chức vụ người ghi biên bản.');
  const takerText = taker === BLANK && takerPosition === BLANK ? BLANK : endSentence(`đồng chí ${personLine(taker, takerPosition)}`);
  out.push(body(strong(`${words.minuteTaker}: `), takerText));

  const documents = linesOf(meeting.documents);
  if (documents.length === 1) out.push(body(strong(`${words.documents}: `), endSentence(documents[0] ?? '')));
  else if (documents.length > 1) out.push(lead(body(strong(`${words.documents}:`))), ...listItems(documents).map((l) => body(l)));
  return out;
}

// ---- 1. Attendance

function attendance(ctx: Context): Paragraph[] {
  const out = [paragraph('heading', `1. ${ctx.words.attendance}`)];
  const { sites, attendees } = ctx.record;
  if (attendees.length === 0 && sites.every((s) => s.attendeeCount === null)) {
    return [...out, body(ctx.gaps.need('', 'Chưa có thành phần tham dự (điểm cầu và đại biểu).'))];
  }
  return [...out, ...(ctx.bySite ? attendanceBySite(ctx) : attendanceByCategory(ctx))];
}

function attendeesOf(ctx: Context, site: Site): Attendee[] {
  return ctx.record.attendees
    .filter((a) => a.siteId === site.id)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => ROLE_RANK[x.a.role] - ROLE_RANK[y.a.role] || x.i - y.i)
    .map(({ a }) => a);
}

/** "đồng chí Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy, chủ trì tại điểm cầu (đến muộn lúc 14 giờ 30)". */
function attendeeEntry(ctx: Context, a: Attendee): string {
  const siteName = ctx.sites.get(a.siteId)?.name || BLANK;
  const index = ctx.record.attendees.filter((x) => x.siteId === a.siteId).indexOf(a) + 1;
  const name = ctx.gaps.need(a.fullName, `Đại biểu thứ ${index} tại điểm cầu ${siteName}: chưa có họ tên.`);
  let text = `đồng chí ${personLine(name, a.positions)}`;
  // Who chaired is said of those who were there.
  if (a.role === 'chair' && isPresent(a)) text += `, chủ trì ${ctx.words.event}`;
  if (a.role === 'site_chair' && isPresent(a)) text += ', chủ trì tại điểm cầu';
  const at = a.presenceTime ? ` lúc ${clockWords(a.presenceTime)}` : '';
  switch (a.presence) {
    case 'late': return `${text} (đến muộn${at})`;
    case 'left_early': return `${text} (về sớm${at})`;
    case 'absent_excused': {
      const reason = ctx.gaps.need(a.absenceReason, `Đồng chí ${name} vắng có lý do nhưng chưa ghi lý do.`);
      return `${text} (vắng có lý do: ${reason})`;
    }
    case 'absent_unexcused': return `${text} (vắng không có lý do)`;
    default: return text;
  }
}

/** People in one sentence, separated by ";": "đồng chí A - Bí thư; đồng chí B - Phó Bí thư." */
const peopleSentence = (ctx: Context, list: Attendee[]): string => endSentence(joinPeople(list.map((a) => attendeeEntry(ctx, a))));

/** "Vắng mặt: 02 đồng chí: đồng chí A (vắng có lý do: đi công tác); đồng chí B (vắng không có lý do)." */
function absences(ctx: Context, list: Attendee[], always: boolean): Paragraph[] {
  const absent = list.filter((a) => !isPresent(a));
  if (absent.length === 0) return always ? [body(strong('Vắng mặt: '), 'không.')] : [];
  return [body(strong('Vắng mặt: '), `${countOf(absent.length, 'đồng chí')}: ${peopleSentence(ctx, absent)}`)];
}

/** One place: official delegates with "Có mặt: 45/47 đồng chí" and named absences, then guests, press, staff. */
function attendanceByCategory(ctx: Context): Paragraph[] {
  const site = ctx.mainSite;
  if (site && site.attendeeCount !== null) return [body(strong('Có mặt: '), `${countOf(site.attendeeCount, 'đại biểu')}.`)];
  const all = site ? attendeesOf(ctx, site) : [];
  const out: Paragraph[] = [];
  let n = 0;
  for (const category of CATEGORY_ORDER) {
    const list = all.filter((a) => a.category === category);
    if (list.length === 0) continue;
    out.push(paragraph('subheading', `1.${++n}. ${CATEGORY_WORDS[category]}`));
    const present = list.filter(isPresent);
    if (category === 'delegate') {
      const names = present.length > 0 ? `: ${peopleSentence(ctx, present)}` : '.';
      out.push(body(strong('Có mặt: '), `${ratio(present.length, list.length)} đồng chí${names}`));
    } else if (present.length > 0) {
      out.push(body(capitalize(peopleSentence(ctx, present))));
    }
    out.push(...absences(ctx, list, category === 'delegate'));
  }
  return out;
}

/**
 * Online: "Tại điểm cầu …: 02 đại biểu: đồng chí … chủ trì tại điểm cầu; đồng chí …." — the main site first, then each
 * site with its chair and attendees, the count-only sites by level ("Tại 21 điểm cầu cấp xã: 412 đại biểu."), the totals.
 */
function attendanceBySite(ctx: Context): Paragraph[] {
  const { sites } = ctx.record;
  const ordered = ctx.mainSite ? [ctx.mainSite, ...sites.filter((s) => s !== ctx.mainSite)] : sites;
  const named = ordered.filter((s) => s === ctx.mainSite || s.attendeeCount === null);
  const countOnly = groupBy(ordered.filter((s) => !named.includes(s)), (s) => s.level);
  const out: Paragraph[] = [];
  let n = 0;
  let presentTotal = 0;
  let absentTotal = 0;
  const siteName = (s: Site) => ctx.gaps.need(s.name, `Điểm cầu thứ ${sites.indexOf(s) + 1}: chưa có tên.`);
  const at = (where: string) => strong(`1.${++n}. Tại ${where}: `);

  for (const site of named) {
    if (site.attendeeCount !== null) {
      presentTotal += site.attendeeCount;
      out.push(body(at(`điểm cầu ${siteName(site)}`), `${countOf(site.attendeeCount, 'đại biểu')}.`));
      continue;
    }
    const list = attendeesOf(ctx, site);
    const present = list.filter(isPresent);
    presentTotal += present.length;
    absentTotal += list.length - present.length;
    const delegates = present.filter((a) => a.category === 'delegate');
    const names = delegates.length > 0 ? `: ${peopleSentence(ctx, delegates)}` : '.';
    out.push(body(at(`điểm cầu ${siteName(site)}`), `${countOf(present.length, 'đại biểu')}${names}`));
    for (const category of CATEGORY_ORDER.filter((c) => c !== 'delegate')) {
      const group = present.filter((a) => a.category === category);
      if (group.length > 0) out.push(body(strong(`${CATEGORY_WORDS[category]}: `), peopleSentence(ctx, group)));
    }
    out.push(...absences(ctx, list, false));
  }
  for (const [level, group] of countOnly) {
    const people = group.reduce((sum, s) => sum + (s.attendeeCount ?? 0), 0);
    presentTotal += people;
    const where = group.length === 1 && group[0] ? `điểm cầu ${siteName(group[0])}` : `${countOf(group.length, 'điểm cầu')} ${LEVEL_WORDS[level]}`;
    out.push(body(at(where), `${countOf(people, 'đại biểu')}.`));
  }
  const absent = absentTotal > 0 ? `; vắng mặt ${countOf(absentTotal, 'đồng chí')}` : '';
  out.push(body(strong('Tổng số: '), `${countOf(sites.length, 'điểm cầu')}, ${countOf(presentTotal, 'đại biểu')} có mặt${absent}.`));
  return out;
}

// ---- 2. Proceedings

function proceedings(ctx: Context): Paragraph[] {
  const { agenda, speeches } = ctx.record;
  const out = [paragraph('heading', `2. ${ctx.words.proceedings}`)];
  const itemIds = new Set(agenda.map((item) => item.id));
  const inItem = (s: Speech) => s.agendaItemId !== null && itemIds.has(s.agendaItemId);
  const firstInItem = speeches.findIndex(inItem);
  // Speeches outside the agenda keep their place: before the first item (opening) or after the items.
  const before = speeches.filter((s, i) => !inItem(s) && (firstInItem === -1 || i < firstInItem));
  const after = speeches.filter((s, i) => !inItem(s) && firstInItem !== -1 && i > firstInItem);

  out.push(...before.flatMap((s) => speechParagraphs(ctx, s, undefined)));
  agenda.forEach((item, i) => {
    out.push(paragraph('subheading', `2.${i + 1}. ${ctx.gaps.need(item.title, `Mục chương trình thứ ${i + 1}: chưa có tên.`)}`));
    const list = speeches.filter((s) => s.agendaItemId === item.id);
    const opinions = list.filter((s) => s.kind === 'contribution' || s.kind === 'speech').length;
    if (opinions > 1) out.push(body(`Có ${formatCount(opinions)} ý kiến phát biểu.`));
    out.push(...list.flatMap((s) => speechParagraphs(ctx, s, item)));
  });
  out.push(...after.flatMap((s) => speechParagraphs(ctx, s, undefined)));
  if (speeches.length === 0 && agenda.length === 0) out.push(body(ctx.gaps.need('', 'Chưa có diễn biến hội nghị (chương trình, phát biểu).')));
  return out;
}

interface Speaker { name: string; positions: string; site: string }

function speakerOf(ctx: Context, s: Speech): Speaker | null {
  const attendee = s.attendeeId === null ? undefined : ctx.record.attendees.find((a) => a.id === s.attendeeId);
  if (attendee) {
    const site = ctx.sites.get(attendee.siteId);
    return { name: attendee.fullName, positions: attendee.positions, site: site && site !== ctx.mainSite ? site.name : '' };
  }
  if (s.speakerName || s.speakerPosition) {
    return { name: s.speakerName, positions: s.speakerPosition, site: s.speakerSite && s.speakerSite !== ctx.mainSite?.name ? s.speakerSite : '' };
  }
  return null;
}

/**
 * "Đồng chí Phạm Quang Hưng, Vụ trưởng Vụ V báo cáo: …". Without a speaker the agenda item's presenter speaks;
 * without either, the text is the minute-taker's own summary.
 */
function speechParagraphs(ctx: Context, s: Speech, item: AgendaItem | undefined): Paragraph[] {
  const index = ctx.record.speeches.indexOf(s) + 1;
  const verb = SPEECH_VERBS[s.kind];
  const speaker = speakerOf(ctx, s);
  let intro: (string | Run)[] = [];
  if (speaker) {
    const name = ctx.gaps.need(speaker.name, `Phát biểu thứ ${index}: chưa có tên người phát biểu.`);
    const where = ctx.bySite && speaker.site ? ` (điểm cầu ${speaker.site})` : '';
    intro = [strong(`Đồng chí ${name}`), `${speaker.positions ? `, ${speaker.positions}` : ''}${where} ${verb}: `];
  } else if (item?.presenter) {
    intro = [strong(capitalize(item.presenter)), ` ${verb}: `];
  }
  const lines = linesOf(s.content);
  if (lines.length === 0) lines.push(ctx.gaps.need('', `Phát biểu thứ ${index}: chưa có nội dung.`));
  const [first = '', ...rest] = lines;
  return [body(...intro, first), ...rest.map((l) => body(l))];
}

// ---- 3. Conclusions, closing, signatures

function conclusionIntro(ctx: Context): Paragraph[] {
  if (ctx.record.conclusions.length === 0) return [];
  return [lead(body(strong(`Đồng chí ${chairName(ctx)}`), `, chủ trì ${ctx.words.event} kết luận:`))];
}

function closing(ctx: Context): Paragraph {
  const { meeting } = ctx.record;
  const end = time(ctx, meeting.endTime, 'Chưa có giờ kết thúc.');
  const event = capitalize(ctx.words.event);
  return ctx.format === 'party'
    ? body(`${event} kết thúc vào hồi ${end} cùng ngày. Biên bản đã được thông qua trước ${ctx.words.event}.`)
    : body(`${event} kết thúc vào ${end}, ${dateWords(meeting.date)}${ctx.words.end}`);
}

function signatures(ctx: Context): Table {
  const taker = ctx.record.meeting.minuteTakerName || BLANK;
  const cell = (title: string, name: string) => [paragraph('signTitle', title), paragraph('signName', name)];
  return {
    type: 'table',
    role: 'signatures',
    rows: [[cell(ctx.words.minuteTakerSigns, taker), cell(ctx.words.chairSigns, chairName(ctx))]],
  };
}
