// The store: every repository over one open database.
import type { Db } from './db.ts';
import { createLists } from './lists.ts';
import { createMeetings } from './meetings.ts';
import { createPeople } from './people.ts';
import { createProfile } from './profile.ts';
import { createSearch } from './search.ts';

/** Records an edit may leave to index in its own transaction; a larger backlog is left to the indexer. */
const EDIT_INDEX_LIMIT = 32;

export function createStore(db: Db) {
  const search = createSearch(db);
  return {
    db,
    profile: createProfile(db),
    people: createPeople(db),
    meetings: createMeetings(db),
    search,
    ...createLists(db),
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
    /** One edit, and the search index of what it changed, in one transaction: one write to disk. */
    edit<T>(work: () => T): T {
      return db.transaction(() => {
        const result = work();
        search.index.update({ limit: EDIT_INDEX_LIMIT });
        return result;
      })();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
export { openDatabase, openSnapshot, type Db } from './db.ts';
