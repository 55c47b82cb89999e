// The store: every repository over one open database.
import { createBulk } from './bulk.ts';
import type { Db } from './db.ts';
import { createLists } from './lists.ts';
import { createMeetings } from './meetings.ts';
import { createPeople } from './people.ts';
import { createProfile } from './profile.ts';
import { createSearch } from './search.ts';

export function createStore(db: Db) {
  const meetings = createMeetings(db);
  const people = createPeople(db);
  return {
    db,
    profile: createProfile(db),
    people,
    meetings,
    search: createSearch(db),
    ...createLists(db),
    /** Many records of one meeting at once: import, copy, restore, merge. */
    bulk: createBulk(db, meetings, people),
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
export { openDatabase, openSnapshot, type Db } from './db.ts';
