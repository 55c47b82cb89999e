// The store: every repository over one open database, and the files it is made of.
import { backupsDirFor } from '../paths.ts';
import { createBulk } from './bulk.ts';
import { createBulkMerge } from './bulk-merge.ts';
import { keyOf, type Db } from './db.ts';
import { AppFiles } from './files.ts';
import { createLists } from './lists.ts';
import { createMeetings } from './meetings.ts';
import { createPeople } from './people.ts';
import { createProfile } from './profile.ts';
import { createSearch } from './search.ts';
import { createTrash } from './trash.ts';

export interface StoreOptions {
  /** The automatic backups' folder; by default backups/ beside a file database. */
  backupsDir?: string | undefined;
}

export function createStore(db: Db, options: StoreOptions = {}) {
  const file = db.memory ? null : db.name;
  const meetings = createMeetings(db);
  const people = createPeople(db);
  return {
    db,
    /** The key the database was opened with (null: a plain store); backups are written with it. */
    key: keyOf(db),
    /** The database's own files and folders: no export, backup or restore may write over them. */
    files: new AppFiles(file, options.backupsDir ?? (file ? backupsDirFor(file) : undefined)),
    profile: createProfile(db),
    people,
    meetings,
    search: createSearch(db),
    trash: createTrash(db),
    ...createLists(db),
    /** Many records of one meeting at once: import, copy, restore, merge. */
    bulk: { ...createBulk(db, meetings, people), ...createBulkMerge(db, meetings, people) },
    transaction<T>(work: () => T): T {
      return db.transaction(work)();
    },
  };
}

export type Store = ReturnType<typeof createStore>;
export { AppFiles } from './files.ts';
export { keyOf, openDatabase, openSnapshot, type Db } from './db.ts';
export type { StoreKey } from './keys.ts';
