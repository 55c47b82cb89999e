// The speaking-time statistics as a document of their own (never inside the minutes), and as a table for a
// spreadsheet: per agenda item, per person, per site, and per person within each agenda item.
import type { Format, MeetingRecord, ProfileFields } from '../model/meeting.ts';
import { BLANK, body, paragraph, type Block, type DataTable, type DocumentModel } from './document.ts';
import { meetingTitle } from './parts.ts';
import { averageMinutes, OUTSIDE_AGENDA, speakingStatistics, type ItemKey, type SpeakerRow, type SpeakingStatistics, type Tally } from './statistics.ts';
import { clockWords, countOf, dateWords, formatCount, personInText } from './wording.ts';

export interface StatisticsOptions {
  format?: Format | undefined;
}

/** "45 phút", "1 giờ 05 phút". */
export function durationWords(minutes: number): string {
  if (minutes < 60) return `${minutes} phút`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} giờ${rest > 0 ? ` ${String(rest).padStart(2, '0')} phút` : ''}`;
}

/** "7,5 phút"; "chưa ghi" when no speech of the group was timed. */
function averageWords(t: Tally): string {
  const average = averageMinutes(t);
  return average === null ? 'chưa ghi' : `${average.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} phút`;
}

const totalWords = (t: Tally): string => (t.timed > 0 ? durationWords(t.minutes) : 'chưa ghi');
const figures = (t: Tally): string[] => [formatCount(t.speeches), totalWords(t), averageWords(t)];

const FIGURE_COLUMNS: DataTable['columns'] = [
  { title: 'Số lượt phát biểu', width: 14, align: 'center' },
  { title: 'Tổng thời gian', width: 16, align: 'center' },
  { title: 'Trung bình một lượt', width: 16, align: 'center' },
];
const NUMBER_COLUMN = { title: 'STT', width: 7, align: 'center' } as const;

function speakerTable(rows: { person: SpeakerRow; tally: Tally }[], bySite: boolean): DataTable {
  const name = { title: 'Người phát biểu', width: bySite ? 29 : 47, align: 'left' } as const;
  const site = { title: 'Điểm cầu', width: 18, align: 'left' } as const;
  return {
    type: 'data',
    columns: [NUMBER_COLUMN, name, ...(bySite ? [site] : []), ...FIGURE_COLUMNS],
    rows: rows.map(({ person, tally }, i) => [
      String(i + 1),
      personInText(person.name, person.positions),
      ...(bySite ? [person.site || BLANK] : []),
      ...figures(tally),
    ]),
  };
}

function itemTable(stats: SpeakingStatistics): DataTable {
  return {
    type: 'data',
    columns: [NUMBER_COLUMN, { title: 'Mục chương trình', width: 47, align: 'left' }, ...FIGURE_COLUMNS],
    rows: [...stats.items.map((item, i) => [String(i + 1), item.title, ...figures(item.tally)]), ['', 'Cả hội nghị', ...figures(stats.total)]],
    totalRow: true,
  };
}

function siteTable(stats: SpeakingStatistics): DataTable {
  return {
    type: 'data',
    columns: [NUMBER_COLUMN, { title: 'Điểm cầu', width: 33, align: 'left' }, { title: 'Số người phát biểu', width: 14, align: 'center' }, ...FIGURE_COLUMNS],
    rows: stats.sites.map((site, i) => [String(i + 1), site.name, formatCount(site.speakers), ...figures(site.tally)]),
  };
}

export function buildStatistics(record: MeetingRecord, profile: ProfileFields, options: StatisticsOptions = {}): DocumentModel {
  const stats = speakingStatistics(record, profile);
  const { ctx } = stats;
  const format = options.format ?? ctx.record.meeting.format;
  const { meeting } = ctx.record;
  const title = meetingTitle(ctx);
  const when = `${dateWords(meeting.date)}, từ ${clockWords(meeting.startTime)} đến ${clockWords(meeting.endTime)}`;
  const untimed = stats.total.speeches - stats.total.timed;
  const blocks: Block[] = [
    ...(ctx.profile.issuingBody ? [paragraph('issuingBody', ctx.profile.issuingBody.toLocaleUpperCase('vi'))] : []),
    paragraph('title', 'THỐNG KÊ THỜI GIAN PHÁT BIỂU'),
    paragraph('subtitle', title),
    body(`Thời gian: ${when}.`),
    body(
      `Tài liệu tổng hợp để tham khảo, không thuộc biên bản. Thời gian theo số phút ghi cho từng phát biểu${
        untimed > 0 ? `; ${countOf(untimed, 'lượt')} chưa ghi thời gian được đếm nhưng không tính vào tổng thời gian` : ''
      }.`,
    ),
  ];
  const done = (): DocumentModel => ({
    kind: 'statistics',
    format,
    blocks,
    author: ctx.profile.issuingBody || meeting.minuteTakerName,
    title: `Thống kê thời gian phát biểu ${title}`,
    missing: ctx.gaps.list,
    advice: ctx.gaps.advice,
  });
  if (stats.total.speeches === 0) {
    blocks.push(body(ctx.gaps.need('', 'Chưa có phát biểu nào để thống kê.')));
    return done();
  }
  const bySite = ctx.bySite;
  blocks.push(paragraph('heading', '1. Theo mục chương trình'), itemTable(stats));
  blocks.push(
    paragraph('heading', '2. Theo người phát biểu'),
    speakerTable(
      stats.speakers.map((person) => ({ person, tally: person.tally })),
      bySite,
    ),
  );
  if (stats.unattributed.speeches > 0) blocks.push(body(`Ngoài ra có ${countOf(stats.unattributed.speeches, 'lượt')} ghi tóm tắt, không có người phát biểu.`));
  let n = 2;
  if (bySite && stats.sites.length > 0) blocks.push(paragraph('heading', `${++n}. Theo điểm cầu`), siteTable(stats));
  blocks.push(paragraph('heading', `${++n}. Theo người phát biểu trong từng mục chương trình`));
  stats.items.forEach((item, i) => {
    const rows = speakersIn(stats, item.key);
    if (rows.length === 0) return;
    blocks.push(paragraph('subheading', `${n}.${i + 1}. ${item.title}`), speakerTable(rows, bySite));
  });
  return done();
}

const speakersIn = (stats: SpeakingStatistics, key: ItemKey) =>
  stats.speakers.flatMap((person) => {
    const tally = person.byItem.get(key);
    return tally ? [{ person, tally }] : [];
  });

export const CSV_HEADER = [
  'Thống kê theo',
  'Mục chương trình',
  'Người phát biểu',
  'Chức vụ',
  'Điểm cầu',
  'Số lượt phát biểu',
  'Số lượt có ghi thời gian',
  'Tổng thời gian (phút)',
  'Trung bình một lượt (giây)',
];

/** Whole numbers only, so that a spreadsheet reads them the same whatever its decimal separator. */
const csvFigures = (t: Tally): string[] => {
  const average = averageMinutes(t);
  return [String(t.speeches), String(t.timed), String(t.minutes), average === null ? '' : String(Math.round(average * 60))];
};

/** One table for a spreadsheet: every figure of the document, one line each, with what it is about. */
export function statisticsRows(record: MeetingRecord, profile: ProfileFields): string[][] {
  const stats = speakingStatistics(record, profile);
  const itemTitle = new Map(stats.items.map((item) => [item.key, item.title]));
  const whole = 'Cả hội nghị';
  const rows: string[][] = [CSV_HEADER, ['Cả hội nghị', whole, '', '', '', ...csvFigures(stats.total)]];
  for (const item of stats.items) rows.push(['Mục chương trình', item.title, '', '', '', ...csvFigures(item.tally)]);
  for (const person of stats.speakers) {
    rows.push(['Người phát biểu', whole, person.name, person.positions, person.site, ...csvFigures(person.tally)]);
    for (const [key, tally] of person.byItem)
      rows.push(['Người phát biểu', itemTitle.get(key) ?? OUTSIDE_AGENDA, person.name, person.positions, person.site, ...csvFigures(tally)]);
  }
  for (const site of stats.sites) {
    rows.push(['Điểm cầu', whole, '', '', site.name, ...csvFigures(site.tally)]);
    for (const [key, tally] of site.byItem) rows.push(['Điểm cầu', itemTitle.get(key) ?? OUTSIDE_AGENDA, '', '', site.name, ...csvFigures(tally)]);
  }
  return rows;
}
