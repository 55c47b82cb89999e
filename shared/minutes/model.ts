// The minutes model: a meeting record and the organisation's profile → the biên bản as formatted Vietnamese text.
// Every wording rule of the document lives in the builders (this file, attendance.ts, proceedings.ts, parts.ts)
// or in wording.ts; how it looks lives in layout.ts.
import { dayAfter, endsNextDay } from '../model/clock.ts';
import type { Format, MeetingRecord, ProfileFields } from '../model/meeting.ts';
import { attendance } from './attendance.ts';
import { createContext, linesOf, type Context } from './context.ts';
import { BLANK, body, lead, paragraph, strong, type Block, type DocumentModel, type Paragraph, type Table } from './document.ts';
import { actionItemBlocks, chairName, conclusionBlocks, firstChair, headerTable, meetingTitle, placePhrase, recipientParagraphs, titleBlock } from './parts.ts';
import { proceedings } from './proceedings.ts';
import { capitalize, clockWords, dateWords, endSentence, joinPeople, listItems, personLine } from './wording.ts';

export interface MinutesOptions {
  /** The format to write; the meeting's own by default. */
  format?: Format;
}

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
  const author = meeting.minuteTakerName || ctx.profile.issuingBody;
  return { kind: 'minutes', format: ctx.format, blocks, author, title: `Biên bản ${meetingTitle(ctx)}`, missing: ctx.gaps.list, advice: ctx.gaps.advice };
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
  const chairs = ctx.chairs.map(
    (c) => `đồng chí ${personLine(gaps.need(c.fullName, 'Chưa có họ tên người chủ trì.'), gaps.need(c.positions, 'Chưa có chức vụ người chủ trì.'))}`,
  );
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

// ---- 3. Conclusions, closing, signatures

function conclusionIntro(ctx: Context): Paragraph[] {
  if (ctx.record.conclusions.length === 0) return [];
  return [lead(body(strong(`Đồng chí ${chairName(ctx)}`), `, chủ trì ${ctx.words.event} kết luận:`))];
}

/**
 * The end of the meeting, with its date when it is past midnight (Party "cùng ngày" only on the same day); that
 * the minutes were read and approved only when the secretary recorded it.
 */
function closing(ctx: Context): Paragraph {
  const { meeting } = ctx.record;
  const end = time(ctx, meeting.endTime, 'Chưa có giờ kết thúc.');
  const event = capitalize(ctx.words.event);
  const nextDay = endsNextDay(meeting.startTime, meeting.endTime);
  const day = dateWords(nextDay && meeting.date ? dayAfter(meeting.date) : meeting.date);
  const ended =
    ctx.format === 'party' && !nextDay
      ? `${event} kết thúc vào hồi ${end} cùng ngày`
      : `${event} kết thúc vào ${ctx.format === 'party' ? 'hồi ' : ''}${end}, ${day}`;
  const approved = meeting.minutesApproved ? `. Biên bản đã được thông qua trước ${ctx.words.event}` : '';
  return body(`${ended}${approved}${ctx.words.end}`);
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
