// Ordered schema migrations; the index + 1 is the version stored in PRAGMA user_version.
import type { Db } from './db.ts';
import { removeInvisibleCharacters } from './migrations/invisible-characters.ts';
import { searchIndexV1 } from './migrations/search-index-1.ts';
import { searchIndexV2 } from './migrations/search-index-2.ts';
import { stableIdentity } from './migrations/stable-identity.ts';

export interface Migration {
  name: string;
  up(db: Db): void;
}

const enumCheck = (column: string, values: readonly string[]) => `CHECK (${column} IN (${values.map((v) => `'${v}'`).join(', ')}))`;

export const MIGRATIONS: readonly Migration[] = [
  {
    name: 'initial schema',
    up(db) {
      db.exec(`
        CREATE TABLE profile (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          superior_body TEXT NOT NULL DEFAULT '',
          issuing_body TEXT NOT NULL DEFAULT '',
          abbreviation TEXT NOT NULL DEFAULT '',
          place_name TEXT NOT NULL DEFAULT '',
          default_format TEXT NOT NULL DEFAULT 'party' ${enumCheck('default_format', ['party', 'state'])},
          default_minute_taker TEXT NOT NULL DEFAULT '',
          default_minute_taker_position TEXT NOT NULL DEFAULT '',
          current_term TEXT NOT NULL DEFAULT ''
        ) STRICT;
        INSERT INTO profile (id) VALUES (1);

        CREATE TABLE people (
          id INTEGER PRIMARY KEY,
          full_name TEXT NOT NULL,
          positions TEXT NOT NULL DEFAULT '',
          unit TEXT NOT NULL DEFAULT '',
          name_key TEXT NOT NULL,
          unit_key TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          UNIQUE (name_key, unit_key)
        ) STRICT;

        CREATE TABLE meetings (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL DEFAULT '',
          title TEXT NOT NULL DEFAULT '',
          format TEXT NOT NULL ${enumCheck('format', ['party', 'state'])},
          term TEXT NOT NULL DEFAULT '',
          number INTEGER CHECK (number > 0),
          notice_number INTEGER CHECK (notice_number > 0),
          date TEXT,
          start_time TEXT,
          end_time TEXT,
          venue TEXT NOT NULL DEFAULT '',
          mode TEXT NOT NULL ${enumCheck('mode', ['in_person', 'online', 'mixed'])},
          content TEXT NOT NULL DEFAULT '',
          documents TEXT NOT NULL DEFAULT '',
          confidentiality TEXT NOT NULL ${enumCheck('confidentiality', ['none', 'mat', 'toi_mat', 'tuyet_mat'])},
          minute_taker_name TEXT NOT NULL DEFAULT '',
          minute_taker_position TEXT NOT NULL DEFAULT '',
          status TEXT NOT NULL ${enumCheck('status', ['draft', 'final'])},
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX meetings_by_date ON meetings (date);

        CREATE TABLE sites (
          id INTEGER PRIMARY KEY,
          meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          name TEXT NOT NULL DEFAULT '',
          location TEXT NOT NULL DEFAULT '',
          level TEXT NOT NULL ${enumCheck('level', ['central', 'province', 'district', 'commune', 'other'])},
          is_main INTEGER NOT NULL DEFAULT 0 CHECK (is_main IN (0, 1)),
          attendee_count INTEGER CHECK (attendee_count >= 0),
          UNIQUE (id, meeting_id)
        ) STRICT;
        CREATE INDEX sites_by_meeting ON sites (meeting_id, ord);
        CREATE UNIQUE INDEX sites_one_main ON sites (meeting_id) WHERE is_main = 1;

        CREATE TABLE attendees (
          id INTEGER PRIMARY KEY,
          meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
          site_id INTEGER NOT NULL,
          person_id INTEGER REFERENCES people (id) ON DELETE SET NULL,
          ord INTEGER NOT NULL,
          full_name TEXT NOT NULL DEFAULT '',
          positions TEXT NOT NULL DEFAULT '',
          unit TEXT NOT NULL DEFAULT '',
          category TEXT NOT NULL ${enumCheck('category', ['delegate', 'guest', 'press', 'staff'])},
          presence TEXT NOT NULL ${enumCheck('presence', ['present', 'absent_excused', 'absent_unexcused', 'late', 'left_early'])},
          absence_reason TEXT NOT NULL DEFAULT '',
          presence_time TEXT,
          role TEXT NOT NULL ${enumCheck('role', ['member', 'chair', 'site_chair'])},
          FOREIGN KEY (site_id, meeting_id) REFERENCES sites (id, meeting_id) ON DELETE CASCADE
        ) STRICT;
        CREATE INDEX attendees_by_site ON attendees (site_id, ord);
        CREATE INDEX attendees_by_meeting ON attendees (meeting_id);
        CREATE INDEX attendees_by_person ON attendees (person_id);

        CREATE TABLE agenda_items (
          id INTEGER PRIMARY KEY,
          meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          title TEXT NOT NULL DEFAULT '',
          presenter TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX agenda_items_by_meeting ON agenda_items (meeting_id, ord);

        CREATE TABLE speeches (
          id INTEGER PRIMARY KEY,
          meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
          attendee_id INTEGER REFERENCES attendees (id) ON DELETE SET NULL,
          speaker_name TEXT NOT NULL DEFAULT '',
          speaker_position TEXT NOT NULL DEFAULT '',
          speaker_site TEXT NOT NULL DEFAULT '',
          kind TEXT NOT NULL ${enumCheck('kind', ['report', 'contribution', 'speech', 'explanation', 'direction'])},
          start_time TEXT,
          duration_minutes INTEGER CHECK (duration_minutes >= 0),
          content TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX speeches_by_meeting ON speeches (meeting_id, ord);
        CREATE INDEX speeches_by_attendee ON speeches (attendee_id);
        CREATE INDEX speeches_by_agenda_item ON speeches (agenda_item_id);

        -- A speaker removed from the attendee list keeps their name on their speeches.
        CREATE TRIGGER attendee_removed_keeps_speaker BEFORE DELETE ON attendees BEGIN
          UPDATE speeches SET
            speaker_name = OLD.full_name,
            speaker_position = OLD.positions,
            speaker_site = coalesce((SELECT name FROM sites WHERE id = OLD.site_id), '')
          WHERE attendee_id = OLD.id;
        END;

        CREATE TABLE conclusions (
          id INTEGER PRIMARY KEY,
          meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE SET NULL,
          content TEXT NOT NULL DEFAULT '',
          vote_for INTEGER CHECK (vote_for >= 0),
          vote_against INTEGER CHECK (vote_against >= 0),
          vote_other INTEGER CHECK (vote_other >= 0)
        ) STRICT;
        CREATE INDEX conclusions_by_meeting ON conclusions (meeting_id, ord);
        CREATE INDEX conclusions_by_agenda_item ON conclusions (agenda_item_id);

        CREATE TABLE action_items (
          id INTEGER PRIMARY KEY,
          meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          task TEXT NOT NULL DEFAULT '',
          responsible TEXT NOT NULL DEFAULT '',
          due_date TEXT
        ) STRICT;
        CREATE INDEX action_items_by_meeting ON action_items (meeting_id, ord);

        CREATE TABLE recipients (
          id INTEGER PRIMARY KEY,
          meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          text TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX recipients_by_meeting ON recipients (meeting_id, ord);
      `);
    },
  },
  {
    name: 'notice signer in the profile',
    up(db) {
      db.exec(`
        ALTER TABLE profile ADD COLUMN notice_signer_authority TEXT NOT NULL DEFAULT '';
        ALTER TABLE profile ADD COLUMN notice_signer_position TEXT NOT NULL DEFAULT '';
        ALTER TABLE profile ADD COLUMN notice_signer_name TEXT NOT NULL DEFAULT '';
      `);
    },
  },
  {
    name: 'full-text search index',
    up: searchIndexV1,
  },
  {
    name: 'date of the conclusion notice',
    up(db) {
      db.exec('ALTER TABLE meetings ADD COLUMN notice_date TEXT');
    },
  },
  {
    name: 'trash of deleted meetings',
    up(db) {
      db.exec(`
        CREATE TABLE deleted_meetings (
          id INTEGER PRIMARY KEY,
          token TEXT NOT NULL UNIQUE,
          title TEXT NOT NULL,
          date TEXT,
          deleted_at TEXT NOT NULL,
          file TEXT NOT NULL
        ) STRICT;
        CREATE INDEX deleted_meetings_by_time ON deleted_meetings (deleted_at);
      `);
    },
  },
  {
    // Raised by every write inside the meeting, so the page can tell a newer answer from an older one.
    name: 'meeting revision',
    up(db) {
      db.exec('ALTER TABLE meetings ADD COLUMN revision INTEGER NOT NULL DEFAULT 0');
    },
  },
  {
    name: 'search index written by the app from a queue that plain-SQL triggers fill',
    up: searchIndexV2,
  },
  {
    name: 'invisible characters removed from stored text',
    up: removeInvisibleCharacters,
  },
  {
    // Whether the minutes say "Biên bản đã được thông qua trước hội nghị": recorded by the secretary. Until now the
    // Party minutes always said it, so Party meetings already stored keep it.
    name: 'minutes read and approved',
    up(db) {
      db.exec(`
        ALTER TABLE meetings ADD COLUMN minutes_approved INTEGER NOT NULL DEFAULT 0 CHECK (minutes_approved IN (0, 1));
        UPDATE meetings SET minutes_approved = 1 WHERE format = 'party';
      `);
    },
  },
  {
    // A speech's end as a clock time; a duration recorded with a start time becomes that end (within the day).
    name: 'speech end time',
    up(db) {
      db.exec(`
        ALTER TABLE speeches ADD COLUMN end_time TEXT;
        UPDATE speeches SET end_time = printf('%02d:%02d',
            (CAST(substr(start_time, 1, 2) AS INTEGER) * 60 + CAST(substr(start_time, 4, 2) AS INTEGER) + duration_minutes) / 60,
            (CAST(substr(start_time, 1, 2) AS INTEGER) * 60 + CAST(substr(start_time, 4, 2) AS INTEGER) + duration_minutes) % 60)
          WHERE start_time IS NOT NULL AND duration_minutes IS NOT NULL
            AND CAST(substr(start_time, 1, 2) AS INTEGER) * 60 + CAST(substr(start_time, 4, 2) AS INTEGER) + duration_minutes < 1440;
      `);
    },
  },
  {
    // Đăng ký phát biểu: who speaks next on each agenda item. Never printed; gone with its item or speaker.
    name: 'speaker queue',
    up(db) {
      db.exec(`
        CREATE TABLE speaker_queue (
          id INTEGER PRIMARY KEY,
          meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
          ord INTEGER NOT NULL,
          agenda_item_id INTEGER REFERENCES agenda_items (id) ON DELETE CASCADE,
          attendee_id INTEGER REFERENCES attendees (id) ON DELETE CASCADE,
          speaker_name TEXT NOT NULL DEFAULT ''
        ) STRICT;
        CREATE INDEX speaker_queue_by_meeting ON speaker_queue (meeting_id, ord);
        CREATE INDEX speaker_queue_by_attendee ON speaker_queue (attendee_id);
        CREATE INDEX speaker_queue_by_agenda_item ON speaker_queue (agenda_item_id);
      `);
    },
  },
  {
    // Meetings of a body: who of the attendees are its members, and what its members are called.
    name: 'members of the body',
    up(db) {
      db.exec(`
        ALTER TABLE attendees ADD COLUMN is_member INTEGER NOT NULL DEFAULT 0 CHECK (is_member IN (0, 1));
        ALTER TABLE meetings ADD COLUMN member_title TEXT NOT NULL DEFAULT '';
      `);
    },
  },
  {
    name: 'stable identities (UUIDs) of meetings and their records, and the bases of merges',
    up: stableIdentity,
  },
  {
    // Which meeting a trash entry was, so that deleting it for good also finds it in the backups.
    name: 'origin of deleted meetings',
    up(db) {
      db.exec(`
        ALTER TABLE deleted_meetings ADD COLUMN meeting_id INTEGER;
        ALTER TABLE deleted_meetings ADD COLUMN meeting_created_at TEXT;
        ALTER TABLE deleted_meetings ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'none';
      `);
    },
  },
  {
    // The key confidential meetings' recordings are sealed with, made when first needed in an encrypted store.
    name: 'key of the recordings',
    up(db) {
      db.exec('CREATE TABLE audio_key (id INTEGER PRIMARY KEY CHECK (id = 1), key BLOB NOT NULL CHECK (length(key) = 32)) STRICT;');
    },
  },
  {
    // A meeting opened at a site from the centre's package: the one site whose report this machine makes.
    name: 'site of a meeting opened from a package',
    up(db) {
      db.exec(`
        CREATE TABLE report_sites (
          meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
          site_id INTEGER NOT NULL,
          FOREIGN KEY (site_id, meeting_id) REFERENCES sites (id, meeting_id) ON DELETE CASCADE
        ) STRICT;
      `);
    },
  },
  {
    // Whether backups carry the recordings (the secretary's choice, off by default), and where a backup holds
    // them: each part's file as it is on disk (sealed parts stay sealed), gone with its meeting.
    name: 'recordings in backups',
    up(db) {
      db.exec(`
        CREATE TABLE audio_settings (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          in_backups INTEGER NOT NULL DEFAULT 0 CHECK (in_backups IN (0, 1))
        ) STRICT;
        INSERT INTO audio_settings (id) VALUES (1);
        CREATE TABLE backup_audio (
          meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
          part INTEGER NOT NULL CHECK (part > 0),
          bytes BLOB NOT NULL,
          PRIMARY KEY (meeting_id, part)
        ) STRICT;
      `);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS.length;
