// Part 1 of the minutes, who attended: in one place by category, or site by site for an online meeting; the
// members of the body holding the meeting first when they are marked (present out of the total, who was absent
// and why); for an online meeting the totals, with the sites counted by level.
import { SITE_LEVELS, type Attendee, type Category, type Site, type SiteLevel } from '../model/meeting.ts';
import { groupBy, isPresent, type Context } from './context.ts';
import { BLANK, body, paragraph, strong, type Paragraph } from './document.ts';
import { LEVEL_WORDS } from './parts.ts';
import { atSite, capitalize, clockWords, countOf, endSentence, joinPeople, personLine, ratio } from './wording.ts';

const CATEGORY_WORDS: Record<Category, string> = {
  delegate: 'Đại biểu chính thức',
  guest: 'Đại biểu mời dự',
  press: 'Báo chí',
  staff: 'Cán bộ phục vụ',
};
const CATEGORY_ORDER: readonly Category[] = ['delegate', 'guest', 'press', 'staff'];
const ROLE_RANK = { chair: 0, site_chair: 1, member: 2 } as const;
/** Levels in the totals: "34 điểm cầu cấp tỉnh, 3.321 điểm cầu cấp xã". */
const TOTAL_LEVEL_WORDS: Record<SiteLevel, string> = { central: 'Trung ương', province: 'cấp tỉnh', district: 'cấp huyện', commune: 'cấp xã', other: 'khác' };

export function attendance(ctx: Context): Paragraph[] {
  const out = [paragraph('heading', `1. ${ctx.words.attendance}`)];
  const { sites, attendees } = ctx.record;
  if (attendees.length === 0 && sites.every((s) => s.attendeeCount === null)) {
    return [...out, body(ctx.gaps.need('', 'Chưa có thành phần tham dự (điểm cầu và đại biểu).'))];
  }
  return [...out, ...(ctx.bySite ? attendanceBySite(ctx) : attendanceByCategory(ctx))];
}

function attendeesOf(ctx: Context, site: Site): Attendee[] {
  return (ctx.attendeesBySite.get(site.id) ?? [])
    .map((a, i) => ({ a, i }))
    .sort((x, y) => ROLE_RANK[x.a.role] - ROLE_RANK[y.a.role] || x.i - y.i)
    .map(({ a }) => a);
}

/** "đồng chí Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy, chủ trì tại điểm cầu (đến muộn lúc 14 giờ 30)". */
function attendeeEntry(ctx: Context, a: Attendee): string {
  const siteName = ctx.sites.get(a.siteId)?.name || BLANK;
  const index = ctx.ordinal.get(a) ?? 0;
  const name = ctx.gaps.need(a.fullName, `Đại biểu thứ ${index} tại ${atSite(siteName)}: chưa có họ tên.`);
  let text = `đồng chí ${personLine(name, a.positions)}`;
  // Who chaired is said of those who were there.
  if (a.role === 'chair' && isPresent(a)) text += `, chủ trì ${ctx.words.event}`;
  if (a.role === 'site_chair' && isPresent(a)) text += ', chủ trì tại điểm cầu';
  const at = a.presenceTime ? ` lúc ${clockWords(a.presenceTime)}` : '';
  switch (a.presence) {
    case 'late':
      return `${text} (đến muộn${at})`;
    case 'left_early':
      return `${text} (về sớm${at})`;
    case 'absent_excused': {
      const reason = ctx.gaps.need(a.absenceReason, `Đồng chí ${name} vắng có lý do nhưng chưa ghi lý do.`);
      return `${text} (vắng có lý do: ${reason})`;
    }
    case 'absent_unexcused':
      return `${text} (vắng không có lý do)`;
    default:
      return text;
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

/** What the members of the body are called in the minutes ("Ủy viên Ban Thường vụ Tỉnh ủy"). */
const memberTitle = (ctx: Context): string => capitalize(ctx.record.meeting.memberTitle || 'Thành viên');

/** "có mặt 13/15 đồng chí; vắng mặt 02 đồng chí: đồng chí A (vắng có lý do: đi công tác); đồng chí B (vắng không có lý do)." */
function quorum(ctx: Context, members: Attendee[]): string {
  const absent = members.filter((a) => !isPresent(a));
  const present = `có mặt ${ratio(members.length - absent.length, members.length)} đồng chí`;
  return absent.length === 0 ? `${present}.` : `${present}; vắng mặt ${countOf(absent.length, 'đồng chí')}: ${peopleSentence(ctx, absent)}`;
}

/**
 * One place: the members of the body when marked, then official delegates with "Có mặt: 45/47 đồng chí" and named
 * absences, then guests, press, staff (the members counted once, among the members).
 */
function attendanceByCategory(ctx: Context): Paragraph[] {
  const site = ctx.mainSite;
  if (site && site.attendeeCount !== null) return [body(strong('Có mặt: '), `${countOf(site.attendeeCount, 'đại biểu')}.`)];
  const all = site ? attendeesOf(ctx, site) : [];
  const members = all.filter((a) => a.isMember);
  const groups: { title: string; list: Attendee[]; counted: boolean }[] = [];
  if (members.length > 0) groups.push({ title: memberTitle(ctx), list: members, counted: true });
  for (const category of CATEGORY_ORDER) {
    groups.push({ title: CATEGORY_WORDS[category], list: all.filter((a) => a.category === category && !a.isMember), counted: category === 'delegate' });
  }
  const out: Paragraph[] = [];
  let n = 0;
  for (const { title, list, counted } of groups) {
    if (list.length === 0) continue;
    out.push(paragraph('subheading', `1.${++n}. ${title}`));
    const present = list.filter(isPresent);
    if (counted) {
      const names = present.length > 0 ? `: ${peopleSentence(ctx, present)}` : '.';
      out.push(body(strong('Có mặt: '), `${ratio(present.length, list.length)} đồng chí${names}`));
    } else if (present.length > 0) {
      out.push(body(capitalize(peopleSentence(ctx, present))));
    }
    out.push(...absences(ctx, list, counted));
  }
  return out;
}

/** "3.356 điểm cầu (01 điểm cầu Trung ương, 34 điểm cầu cấp tỉnh, 3.321 điểm cầu cấp xã)": by level when there are several. */
function sitesByLevel(sites: readonly Site[]): string {
  const levels = SITE_LEVELS.map((level) => [level, sites.filter((s) => s.level === level).length] as const).filter(([, count]) => count > 0);
  const total = countOf(sites.length, 'điểm cầu');
  return levels.length > 1 ? `${total} (${levels.map(([level, count]) => `${countOf(count, 'điểm cầu')} ${TOTAL_LEVEL_WORDS[level]}`).join(', ')})` : total;
}

/**
 * Online: "Tại điểm cầu …: 02 đại biểu: đồng chí … chủ trì tại điểm cầu; đồng chí …." — the main site first, then each
 * site with its chair and attendees, the count-only sites by level ("Tại 21 điểm cầu cấp xã: 412 đại biểu."), the totals.
 */
function attendanceBySite(ctx: Context): Paragraph[] {
  const { sites } = ctx.record;
  const ordered = ctx.mainSite ? [ctx.mainSite, ...sites.filter((s) => s !== ctx.mainSite)] : sites;
  const isNamed = (s: Site) => s === ctx.mainSite || s.attendeeCount === null;
  const named = ordered.filter(isNamed);
  const countOnly = groupBy(
    ordered.filter((s) => !isNamed(s)),
    (s) => s.level,
  );
  const out: Paragraph[] = [];
  let n = 0;
  let presentTotal = 0;
  let absentTotal = 0;
  const siteName = (s: Site) => ctx.gaps.need(s.name, `Điểm cầu thứ ${ctx.ordinal.get(s) ?? 0}: chưa có tên.`);
  const at = (where: string) => strong(`1.${++n}. Tại ${where}: `);

  const members = named.flatMap((site) => attendeesOf(ctx, site).filter((a) => a.isMember));
  if (members.length > 0) out.push(body(strong(`1.${++n}. ${memberTitle(ctx)}: `), quorum(ctx, members)));

  for (const site of named) {
    if (site.attendeeCount !== null) {
      presentTotal += site.attendeeCount;
      out.push(body(at(atSite(siteName(site))), `${countOf(site.attendeeCount, 'đại biểu')}.`));
      continue;
    }
    const list = attendeesOf(ctx, site);
    const present = list.filter(isPresent);
    presentTotal += present.length;
    absentTotal += list.length - present.length;
    const delegates = present.filter((a) => a.category === 'delegate');
    const names = delegates.length > 0 ? `: ${peopleSentence(ctx, delegates)}` : '.';
    out.push(body(at(atSite(siteName(site))), `${countOf(present.length, 'đại biểu')}${names}`));
    for (const category of CATEGORY_ORDER.filter((c) => c !== 'delegate')) {
      const group = present.filter((a) => a.category === category);
      if (group.length > 0) out.push(body(strong(`${CATEGORY_WORDS[category]}: `), peopleSentence(ctx, group)));
    }
    // Members absent are named once, among the members.
    out.push(...absences(ctx, members.length > 0 ? list.filter((a) => !a.isMember) : list, false));
  }
  for (const [level, group] of countOnly) {
    const people = group.reduce((sum, s) => sum + (s.attendeeCount ?? 0), 0);
    presentTotal += people;
    const where = group.length === 1 && group[0] ? atSite(siteName(group[0])) : `${countOf(group.length, 'điểm cầu')} ${LEVEL_WORDS[level]}`;
    out.push(body(at(where), `${countOf(people, 'đại biểu')}.`));
  }
  const absent = absentTotal > 0 ? `; vắng mặt ${countOf(absentTotal, 'đồng chí')}` : '';
  out.push(body(strong('Tổng số: '), `${sitesByLevel(sites)}, ${countOf(presentTotal, 'đại biểu')} có mặt${absent}.`));
  return out;
}
