// Parts of the minutes that the notice shares: the header block, the title, the chair, the place, the
// conclusions with their votes, the action items and the recipients.
import { CONFIDENTIALITY_LABELS } from '../model/labels.ts';
import type { Attendee, Site, SiteLevel } from '../model/meeting.ts';
import { groupBy, linesOf, type Context } from './context.ts';
import { BLANK, body, lead, paragraph, strong, type Paragraph, type Table } from './document.ts';
import { atSite, countOf, dateWords, documentSymbol, listItems, placeAndDate, upper, type DocumentType } from './wording.ts';

/** How sites of one level are named in a count: "34 điểm cầu tỉnh, thành phố", "21 điểm cầu cấp xã". */
export const LEVEL_WORDS: Record<SiteLevel, string> = {
  central: 'Trung ương',
  province: 'tỉnh, thành phố',
  district: 'cấp huyện',
  commune: 'cấp xã',
  other: 'khác',
};

export function headerTable(ctx: Context, type: DocumentType, number: number | null, date: string | null): Table {
  const { profile, format, gaps, record } = ctx;
  const left: Paragraph[] = [];
  if (profile.superiorBody) left.push(paragraph('superiorBody', upper(profile.superiorBody)));
  left.push(paragraph('issuingBody', upper(gaps.need(profile.issuingBody, 'Chưa có tên cơ quan ban hành (thông tin cơ quan).'))));
  if (format === 'party') left.push(paragraph('star', '*'));
  const right =
    format === 'party'
      ? [paragraph('nation', 'ĐẢNG CỘNG SẢN VIỆT NAM')]
      : [paragraph('nation', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), paragraph('motto', 'Độc lập - Tự do - Hạnh phúc')];

  if (number === null) gaps.note(type === 'BB' ? 'Chưa có số biên bản.' : 'Chưa có số thông báo.');
  const abbreviation = gaps.need(profile.abbreviation, 'Chưa có chữ viết tắt tên cơ quan (thông tin cơ quan).');
  const numberCell = [paragraph('number', documentSymbol(format, type, number, abbreviation === BLANK ? '' : abbreviation))];
  const confidentiality = record.meeting.confidentiality;
  if (confidentiality !== 'none') numberCell.push(paragraph('confidentiality', CONFIDENTIALITY_LABELS[confidentiality]));

  const place = gaps.need(profile.placeName, 'Chưa có địa danh (thông tin cơ quan).');
  const dateCell = [paragraph('date', placeAndDate(place, date))];
  return {
    type: 'table',
    role: 'header',
    rows: [
      [left, right],
      [numberCell, dateCell],
    ],
  };
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
  return `trực tuyến từ ${atSite(ctx.gaps.need(ctx.mainSite?.name, 'Chưa có tên điểm cầu chính.'))} ${reached}`;
}

/** "34 điểm cầu tỉnh, thành phố và 3.321 điểm cầu cấp xã"; a level with one site names it. */
function sitesByLevel(sites: Site[]): string {
  const groups = groupBy(sites, (s) => s.level);
  const parts = [...groups].map(([level, list]) =>
    list.length === 1 && list[0]?.name ? atSite(list[0].name) : `${countOf(list.length, 'điểm cầu')} ${LEVEL_WORDS[level]}`,
  );
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}` : (parts[0] ?? '');
}

/** The conclusions: per agenda item when the chair concluded each, then the overall conclusion. */
export function conclusionBlocks(ctx: Context, options: { prefix: string; role: 'heading' | 'subheading'; votes: boolean }): Paragraph[] {
  const { agenda, conclusions } = ctx.record;
  const itemIds = new Set(agenda.map((item) => item.id));
  const byItem = groupBy(conclusions, (c) => c.agendaItemId);
  const perItem = agenda.map((item) => ({ item, list: byItem.get(item.id) ?? [] })).filter((group) => group.list.length > 0);
  const overall = conclusions.filter((c) => c.agendaItemId === null || !itemIds.has(c.agendaItemId));
  if (conclusions.length === 0) return [body(ctx.gaps.need('', 'Chưa có kết luận.'))];

  const out: Paragraph[] = [];
  let n = 0;
  const each = (list: typeof conclusions) => {
    for (const conclusion of list) {
      const index = ctx.ordinal.get(conclusion) ?? 0;
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
    const task = a.task.replace(/\s*\n\s*/g, ' ');
    // The task's own full stop goes: the bracket belongs to the same item ("… được giao (thực hiện: …);").
    return details.length > 0 ? `${task.replace(/[\s.;,]+$/, '')} (${details.join('; ')})` : task;
  });
  return [lead(body(strong('Phân công thực hiện:'))), ...listItems(lines).map((l) => body(l))];
}

export function recipientParagraphs(ctx: Context): Paragraph[] {
  const texts = ctx.record.recipients.map((r) => r.text).filter(Boolean);
  const items = listItems(texts.length > 0 ? texts : [ctx.words.keepCopy]);
  // One block: "Nơi nhận:" never ends a page with its items on the next.
  const lines = [paragraph('recipientsLabel', 'Nơi nhận:'), ...items.map((text) => paragraph('recipient', text))];
  return lines.map((p, i) => (i < lines.length - 1 ? lead(p) : p));
}
