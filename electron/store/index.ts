// The store: every repository over one open database.
import type { Db } from './db.ts';
import { createLists } from './lists.ts';
import { createMeetings } from './meetings.ts';
import { createPeople } from './people.ts';
import { createProfile } from './profile.ts';
import { createSearch } from './search.ts';

export function createStore(db: Db) {
  return {
    db,
    profile: createProfile(db),
    people: createPeople(db),
    meetings: createMeetings(db),
    search: createSearch(db),
    ...createLists(db),
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
export { openDatabase, openSnapshot, type Db } from './db.ts';
