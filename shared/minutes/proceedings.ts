// Part 2 of the minutes, the proceedings: the agenda items in order, each with its speeches.
import type { AgendaItem, Speech, SpeechKind } from '../model/meeting.ts';
import { groupBy, linesOf, type Context } from './context.ts';
import { body, paragraph, strong, type Paragraph, type Run } from './document.ts';
import { atSite, capitalize, countOf, formatCount } from './wording.ts';

const SPEECH_VERBS: Record<SpeechKind, string> = {
  report: 'báo cáo',
  contribution: 'phát biểu ý kiến',
  speech: 'phát biểu',
  explanation: 'giải trình',
  direction: 'phát biểu chỉ đạo',
};

/**
 * What the minutes count as "ý kiến phát biểu" ("Có 16 ý kiến phát biểu", minutes-format.md): contributions and
 * speeches; a report, an explanation or a direction is told by its own name, not counted among them.
 */
export const isOpinion = (speech: Pick<Speech, 'kind'>): boolean => speech.kind === 'contribution' || speech.kind === 'speech';

export function proceedings(ctx: Context): Paragraph[] {
  const { agenda, speeches } = ctx.record;
  const out = [paragraph('heading', `2. ${ctx.words.proceedings}`)];
  const itemIds = new Set(agenda.map((item) => item.id));
  const inItem = (s: Speech) => s.agendaItemId !== null && itemIds.has(s.agendaItemId);
  const firstInItem = speeches.findIndex(inItem);
  // Speeches outside the agenda keep their place: before the first item (opening) or after the items.
  const before = speeches.filter((s, i) => !inItem(s) && (firstInItem === -1 || i < firstInItem));
  const after = speeches.filter((s, i) => !inItem(s) && firstInItem !== -1 && i > firstInItem);

  const byItem = groupBy(speeches, (s) => s.agendaItemId);
  // Items that look empty while speeches stand outside them: most likely no item was chosen while taking them down.
  const outside = before.length + after.length;
  if (outside > 0 && agenda.some((item) => !byItem.has(item.id))) {
    ctx.gaps.advise(
      `Có ${countOf(outside, 'phát biểu')} chưa chọn mục chương trình nên được in ngoài các mục: mở phát biểu (Sửa), chọn ở ô Mục chương trình hoặc Alt+M.`,
    );
  }
  out.push(...before.flatMap((s) => speechParagraphs(ctx, s, undefined)));
  agenda.forEach((item, i) => {
    const title = ctx.gaps.need(item.title, `Mục chương trình thứ ${i + 1}: chưa có tên.`);
    out.push(paragraph('subheading', `2.${i + 1}. ${title}`));
    const list = byItem.get(item.id) ?? [];
    // A heading alone would say nothing of what happened: the gap is printed and the secretary told.
    if (list.length === 0) {
      out.push(
        body(
          ctx.gaps.need(
            '',
            `Mục chương trình thứ ${i + 1} (${title}): chưa ghi diễn biến; nếu không ai phát biểu, hãy ghi một phát biểu không có người phát biểu tóm tắt phần này.`,
          ),
        ),
      );
      return;
    }
    const opinions = list.filter(isOpinion).length;
    if (opinions > 1) out.push(body(`Có ${formatCount(opinions)} ý kiến phát biểu.`));
    out.push(...list.flatMap((s) => speechParagraphs(ctx, s, item)));
  });
  out.push(...after.flatMap((s) => speechParagraphs(ctx, s, undefined)));
  if (speeches.length === 0 && agenda.length === 0) out.push(body(ctx.gaps.need('', 'Chưa có diễn biến hội nghị (chương trình, phát biểu).')));
  return out;
}

export interface Speaker {
  name: string;
  positions: string;
  /** The speaker's site ('' when not known), and whether it is the main one. */
  site: string;
  atMain: boolean;
  /** The attendee who spoke, when on the list. */
  attendeeId: number | null;
}

/** Who gave a speech: an attendee, or the name typed with it; null when neither. */
export function speakerOf(ctx: Context, s: Speech): Speaker | null {
  const attendee = s.attendeeId === null ? undefined : ctx.attendeesById.get(s.attendeeId);
  if (attendee) {
    const site = ctx.sites.get(attendee.siteId);
    return { name: attendee.fullName, positions: attendee.positions, site: site?.name ?? '', atMain: site === ctx.mainSite, attendeeId: attendee.id };
  }
  if (s.speakerName || s.speakerPosition) {
    const main = ctx.mainSite?.name ?? '';
    return {
      name: s.speakerName,
      positions: s.speakerPosition,
      site: s.speakerSite || main,
      atMain: !s.speakerSite || s.speakerSite === main,
      attendeeId: null,
    };
  }
  return null;
}

/**
 * "Đồng chí Phạm Quang Hưng, Vụ trưởng Vụ V báo cáo: …". Without a speaker the agenda item's presenter speaks;
 * without either, the text is the minute-taker's own summary.
 */
function speechParagraphs(ctx: Context, s: Speech, item: AgendaItem | undefined): Paragraph[] {
  const index = ctx.ordinal.get(s) ?? 0;
  const verb = SPEECH_VERBS[s.kind];
  const speaker = speakerOf(ctx, s);
  let intro: (string | Run)[] = [];
  if (speaker) {
    const name = ctx.gaps.need(speaker.name, `Phát biểu thứ ${index}: chưa có tên người phát biểu.`);
    // Every speaker is written with a position (minutes-format.md, Diễn biến): a missing one is "…", to fill in.
    const positions = ctx.gaps.need(speaker.positions, `Phát biểu thứ ${index}${speaker.name ? ` (${speaker.name})` : ''}: chưa có chức vụ người phát biểu.`);
    const where = ctx.bySite && speaker.site && !speaker.atMain ? ` (${atSite(speaker.site)})` : '';
    intro = [strong(`Đồng chí ${name}`), `, ${positions}${where} ${verb}: `];
  } else if (item?.presenter) {
    intro = [strong(capitalize(item.presenter)), ` ${verb}: `];
  }
  const lines = linesOf(s.content);
  if (lines.length === 0) lines.push(ctx.gaps.need('', `Phát biểu thứ ${index}: chưa có nội dung.`));
  const [first = '', ...rest] = lines;
  return [body(...intro, first), ...rest.map((l) => body(l))];
}
