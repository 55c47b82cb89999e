// Views of the attendees for the screens: the options of the name pickers, and the head counts.
import { useMemo } from 'react';
import { PRESENCE, type Attendee, type MeetingRecord, type Presence, type Site } from '../../../shared/model/meeting.ts';
import { atSite } from '../../../shared/minutes/wording.ts';
import { sortByName } from '../../../shared/vietnamese/collate.ts';
import { rankMatches, searchable, type Searchable } from '../../../shared/vietnamese/match.ts';

export interface AttendeeOption {
  id: number;
  label: string;
  detail: string;
  attendee: Attendee;
  key: Searchable;
}

/** What the pickers say about their order (ties of rankMatches keep the order of the options). */
export const PICKER_ORDER_HINT = 'Xếp trước: khớp đúng dấu đã gõ, rồi khớp không dấu, rồi chữ cái đầu; cùng mức theo tên (A–Z).';

/**
 * Every named attendee as a pickable option (speaker, chair), with folded keys computed once, in
 * Vietnamese order of given name then full name: the visible rule for suggestions that match equally.
 */
export function useAttendeeOptions(record: MeetingRecord): AttendeeOption[] {
  const { attendees, sites } = record;
  return useMemo(() => {
    const siteNames = new Map(sites.map((s) => [s.id, s.name]));
    const named = sortByName(
      attendees.filter((a) => a.fullName),
      (a) => a.fullName,
      'given',
    );
    return named.map((a) => ({
      id: a.id,
      label: a.fullName,
      detail: [a.positions, siteNames.get(a.siteId) ? atSite(siteNames.get(a.siteId) ?? '') : ''].filter(Boolean).join(' · '),
      attendee: a,
      key: searchable(a.fullName),
    }));
  }, [attendees, sites]);
}

/** The attendees that letters typed may mean, best first: the one rule of every speaker picker (speech, queue). */
export const matchSpeakers = (text: string, options: readonly AttendeeOption[], limit = 8): AttendeeOption[] =>
  text.trim() ? rankMatches(text, options, (o) => o.key, limit) : [];

/** Present in the meeting: present, late, or left early. */
export const isPresent = (a: Attendee): boolean => a.presence === 'present' || a.presence === 'late' || a.presence === 'left_early';

export interface SiteStats {
  named: number;
  present: number;
  /** Head count of a count-only site, or the present named attendees. */
  count: number;
  /** The named attendees by presence. */
  byPresence: Record<Presence, number>;
  members: number;
  membersPresent: number;
}

const noPresence = (): Record<Presence, number> => Object.fromEntries(PRESENCE.map((p) => [p, 0])) as Record<Presence, number>;
export const EMPTY_STATS: SiteStats = { named: 0, present: 0, count: 0, byPresence: noPresence(), members: 0, membersPresent: 0 };

export function useSiteStats(sites: readonly Site[], attendees: readonly Attendee[]) {
  return useMemo(() => {
    const bySite = new Map<number, Attendee[]>();
    for (const a of attendees) {
      const list = bySite.get(a.siteId);
      if (list) list.push(a);
      else bySite.set(a.siteId, [a]);
    }
    const stats = new Map<number, SiteStats>();
    const total = { sites: sites.length, named: 0, present: 0, counted: 0, attending: 0, members: 0, membersPresent: 0 };
    for (const site of sites) {
      total.counted += site.attendeeCount ?? 0;
      const list = bySite.get(site.id);
      // Most sites of a national conference only count their attendees: nothing to add up.
      if (!list) continue;
      const byPresence = noPresence();
      let here = 0;
      let members = 0;
      let membersPresent = 0;
      for (const a of list) {
        byPresence[a.presence] += 1;
        const present = isPresent(a);
        if (present) here++;
        if (a.isMember) {
          members++;
          if (present) membersPresent++;
        }
      }
      total.named += list.length;
      total.present += here;
      total.members += members;
      total.membersPresent += membersPresent;
      stats.set(site.id, { named: list.length, present: here, count: site.attendeeCount ?? here, byPresence, members, membersPresent });
    }
    total.attending = total.present + total.counted;
    return { bySite, stats, total };
  }, [sites, attendees]);
}
