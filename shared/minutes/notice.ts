// The thông báo kết luận: the chair's conclusions (not the debate) as a second document from the same meeting.
import type { MeetingRecord, ProfileFields } from '../model/meeting.ts';
import { BLANK, body, lead, paragraph, strong, type DocumentModel, type Paragraph } from './document.ts';
import { createContext, type Context } from './context.ts';
import type { MinutesOptions } from './model.ts';
import { actionItemBlocks, chairName, conclusionBlocks, firstChair, headerTable, meetingTitle, placePhrase, recipientParagraphs, titleBlock } from './parts.ts';
import { capitalize, dateWords, endSentence, personInText, signingAuthority, upper } from './wording.ts';

export interface NoticeOptions extends MinutesOptions {
  /** The notice's own date (YYYY-MM-DD), usually a few days after the meeting. */
  issuedOn?: string | null;
}

export function buildNotice(record: MeetingRecord, profile: ProfileFields, options: NoticeOptions = {}): DocumentModel {
  const ctx = createContext(record, profile, options.format);
  const { gaps, words } = ctx;
  const { meeting } = ctx.record;
  const issuedOn = options.issuedOn ?? null;
  // No date of its own: printed "ngày … tháng … năm …" (filled in when signed), never the day of the export.
  if (!issuedOn) gaps.note('Chưa có ngày ban hành thông báo (Thông tin chung, “Ngày thông báo kết luận”).');
  const chair = firstChair(ctx);
  const chairText = chair ? personInText(chairName(ctx), chair.positions) : BLANK;
  const title = meetingTitle(ctx);
  if (!meeting.date) gaps.note('Chưa có ngày họp.');

  return {
    kind: 'notice',
    format: ctx.format,
    blocks: [
      headerTable(ctx, 'TB', meeting.noticeNumber, issuedOn),
      ...titleBlock(ctx, 'THÔNG BÁO', `Kết luận của đồng chí ${chairText} tại ${title}`),
      body(`${capitalize(dateWords(meeting.date))}, ${title} được tổ chức ${placePhrase(ctx, true)}, do đồng chí ${chairText} chủ trì.`),
      lead(body('Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, ', strong(`đồng chí ${chairName(ctx)}`), ' kết luận như sau:')),
      ...conclusionBlocks(ctx, { prefix: '', role: 'heading', votes: false }),
      ...actionItemBlocks(ctx),
      body(endSentence('Thông báo để các cơ quan, đơn vị liên quan biết, thực hiện', words.end)),
      { type: 'table', role: 'signatures', rows: [[recipientParagraphs(ctx), signer(ctx)]] },
    ],
    author: ctx.profile.issuingBody || meeting.minuteTakerName,
    title: `Thông báo kết luận ${title}`,
    missing: gaps.list,
    advice: gaps.advice,
  };
}

/** "T/L BAN THƯỜNG VỤ" / "CHÁNH VĂN PHÒNG" / the name, as the profile says. */
function signer(ctx: Context): Paragraph[] {
  const { profile, gaps } = ctx;
  const out: Paragraph[] = [];
  if (profile.noticeSignerAuthority) out.push(paragraph('signAuthority', upper(signingAuthority(ctx.format, profile.noticeSignerAuthority))));
  out.push(paragraph('signPosition', upper(gaps.need(profile.noticeSignerPosition, 'Chưa có chức vụ người ký thông báo kết luận (thông tin cơ quan).'))));
  out.push(paragraph('signName', gaps.need(profile.noticeSignerName, 'Chưa có họ tên người ký thông báo kết luận (thông tin cơ quan).')));
  return out;
}
