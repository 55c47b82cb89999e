// Many sites added to a meeting at once (a list read from a file, in the app or on the command line), through
// the store's bulk path. A site the meeting has already, by name and address, is left out, as is a repeat
// within the list, so that a list imported twice adds nothing the second time.
import * as z from 'zod';
import { siteFields, type SiteFields } from '../../shared/model/meeting.ts';
import { parseOrThrow } from '../../shared/model/validate.ts';
import { fold } from '../../shared/vietnamese/fold.ts';
import type { Store } from '../store/index.ts';

const siteList = z.array(siteFields).max(20_000);
const keyOf = (site: { name: string; location: string }) => `${fold(site.name)}\n${fold(site.location)}`;

/** How many of these rows name a site the meeting has already (or repeat an earlier row). */
export function knownSites(store: Store, meetingId: number, rows: readonly { name: string; location: string }[]): number {
  const seen = new Set(store.sites.list(meetingId).map(keyOf));
  let known = 0;
  for (const row of rows) {
    const key = keyOf(row);
    if (seen.has(key)) known++;
    else seen.add(key);
  }
  return known;
}

/** Adds the sites (validated here, none of them the main site unless the meeting had none); returns the counts. */
export function importSites(store: Store, meetingId: number, input: unknown): { added: number; skipped: number } {
  const sites: SiteFields[] = parseOrThrow(siteList, input, 'Không nhập được danh sách điểm cầu').map((site) => ({ ...site, isMain: false }));
  const seen = new Set(store.sites.list(meetingId).map(keyOf));
  const fresh = sites.filter((site) => {
    const key = keyOf(site);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (fresh.length > 0) store.bulk.append(meetingId, { sites: fresh.map((site, i) => ({ ...site, key: `s${i + 1}`, attendees: [] })) });
  return { added: fresh.length, skipped: sites.length - fresh.length };
}
