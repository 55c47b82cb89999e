// Migration 3 as it shipped: one FTS5 table over a folded and an accent-keeping copy of every text, kept in
// step by triggers calling two functions the app registered (bb_fold, bb_canon) with the folding of that day,
// frozen below. Replaced by the index of search-index-2.ts, which drops all of it; an older store still
// replays this migration on its way there.
import type { Db } from '../db.ts';

const SQL = `
  CREATE VIRTUAL TABLE search_index USING fts5(
  folded, exact, meeting_id UNINDEXED, kind UNINDEXED, tokenize = 'unicode61 remove_diacritics 0');
  CREATE TRIGGER search_meetings_insert AFTER INSERT ON meetings BEGIN INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  VALUES (NEW.id * 8 + 1, bb_fold(NEW.title), bb_canon(NEW.title), NEW.id, 1); END;
  CREATE TRIGGER search_meetings_update AFTER UPDATE OF title ON meetings BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1; INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  VALUES (NEW.id * 8 + 1, bb_fold(NEW.title), bb_canon(NEW.title), NEW.id, 1); END;
  CREATE TRIGGER search_meetings_delete AFTER DELETE ON meetings BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 1; END;
  INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  SELECT id * 8 + 1, bb_fold(title), bb_canon(title), id, 1 FROM meetings;
  CREATE TRIGGER search_sites_insert AFTER INSERT ON sites BEGIN INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  VALUES (NEW.id * 8 + 2, bb_fold(NEW.name || CASE WHEN NEW.location <> '' THEN ', ' || NEW.location ELSE '' END), bb_canon(NEW.name || CASE WHEN NEW.location <> '' THEN ', ' || NEW.location ELSE '' END), NEW.meeting_id, 2); END;
  CREATE TRIGGER search_sites_update AFTER UPDATE OF name, location ON sites BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2; INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  VALUES (NEW.id * 8 + 2, bb_fold(NEW.name || CASE WHEN NEW.location <> '' THEN ', ' || NEW.location ELSE '' END), bb_canon(NEW.name || CASE WHEN NEW.location <> '' THEN ', ' || NEW.location ELSE '' END), NEW.meeting_id, 2); END;
  CREATE TRIGGER search_sites_delete AFTER DELETE ON sites BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 2; END;
  INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  SELECT id * 8 + 2, bb_fold(name || CASE WHEN location <> '' THEN ', ' || location ELSE '' END), bb_canon(name || CASE WHEN location <> '' THEN ', ' || location ELSE '' END), meeting_id, 2 FROM sites;
  CREATE TRIGGER search_attendees_insert AFTER INSERT ON attendees BEGIN INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  VALUES (NEW.id * 8 + 3, bb_fold(NEW.full_name || CASE WHEN NEW.positions <> '' THEN ', ' || NEW.positions ELSE '' END || CASE WHEN NEW.unit <> '' THEN ', ' || NEW.unit ELSE '' END), bb_canon(NEW.full_name || CASE WHEN NEW.positions <> '' THEN ', ' || NEW.positions ELSE '' END || CASE WHEN NEW.unit <> '' THEN ', ' || NEW.unit ELSE '' END), NEW.meeting_id, 3); END;
  CREATE TRIGGER search_attendees_update AFTER UPDATE OF full_name, positions, unit ON attendees BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3; INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  VALUES (NEW.id * 8 + 3, bb_fold(NEW.full_name || CASE WHEN NEW.positions <> '' THEN ', ' || NEW.positions ELSE '' END || CASE WHEN NEW.unit <> '' THEN ', ' || NEW.unit ELSE '' END), bb_canon(NEW.full_name || CASE WHEN NEW.positions <> '' THEN ', ' || NEW.positions ELSE '' END || CASE WHEN NEW.unit <> '' THEN ', ' || NEW.unit ELSE '' END), NEW.meeting_id, 3); END;
  CREATE TRIGGER search_attendees_delete AFTER DELETE ON attendees BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 3; END;
  INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  SELECT id * 8 + 3, bb_fold(full_name || CASE WHEN positions <> '' THEN ', ' || positions ELSE '' END || CASE WHEN unit <> '' THEN ', ' || unit ELSE '' END), bb_canon(full_name || CASE WHEN positions <> '' THEN ', ' || positions ELSE '' END || CASE WHEN unit <> '' THEN ', ' || unit ELSE '' END), meeting_id, 3 FROM attendees;
  CREATE TRIGGER search_speeches_insert AFTER INSERT ON speeches BEGIN INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  VALUES (NEW.id * 8 + 4, bb_fold(CASE WHEN NEW.speaker_name <> '' THEN NEW.speaker_name || ': ' ELSE '' END || NEW.content), bb_canon(CASE WHEN NEW.speaker_name <> '' THEN NEW.speaker_name || ': ' ELSE '' END || NEW.content), NEW.meeting_id, 4); END;
  CREATE TRIGGER search_speeches_update AFTER UPDATE OF speaker_name, content ON speeches BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4; INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  VALUES (NEW.id * 8 + 4, bb_fold(CASE WHEN NEW.speaker_name <> '' THEN NEW.speaker_name || ': ' ELSE '' END || NEW.content), bb_canon(CASE WHEN NEW.speaker_name <> '' THEN NEW.speaker_name || ': ' ELSE '' END || NEW.content), NEW.meeting_id, 4); END;
  CREATE TRIGGER search_speeches_delete AFTER DELETE ON speeches BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 4; END;
  INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  SELECT id * 8 + 4, bb_fold(CASE WHEN speaker_name <> '' THEN speaker_name || ': ' ELSE '' END || content), bb_canon(CASE WHEN speaker_name <> '' THEN speaker_name || ': ' ELSE '' END || content), meeting_id, 4 FROM speeches;
  CREATE TRIGGER search_conclusions_insert AFTER INSERT ON conclusions BEGIN INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  VALUES (NEW.id * 8 + 5, bb_fold(NEW.content), bb_canon(NEW.content), NEW.meeting_id, 5); END;
  CREATE TRIGGER search_conclusions_update AFTER UPDATE OF content ON conclusions BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5; INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  VALUES (NEW.id * 8 + 5, bb_fold(NEW.content), bb_canon(NEW.content), NEW.meeting_id, 5); END;
  CREATE TRIGGER search_conclusions_delete AFTER DELETE ON conclusions BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 8 + 5; END;
  INSERT INTO search_index (rowid, folded, exact, meeting_id, kind)
  SELECT id * 8 + 5, bb_fold(content), bb_canon(content), meeting_id, 5 FROM conclusions;
`;

export function searchIndexV1(db: Db): void {
  registerFoldingV1(db);
  db.exec(SQL);
}

// The folding of version 1, frozen: lower case, no marks, đ and its lookalikes as d; the accent key with tone
// marks placed one way.
const MARKS = /\p{M}/gu;
const foldV1 = (text: string) =>
  text
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[đĐðÐɖƉ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const VOWELS = 'aăâeêioôơuưy';
const MARKED_VOWELS = 'ăâêôơư';

function tonePosition(syllable: string): number {
  const chars = [...syllable];
  let start = 0;
  if (syllable.startsWith('qu')) start = 2;
  else if (syllable.startsWith('gi') && chars.slice(2).some((c) => VOWELS.includes(c))) start = 2;
  const vowels: number[] = [];
  for (let i = start; i < chars.length; i++) {
    if (VOWELS.includes(chars[i] ?? '')) vowels.push(i);
    else if (vowels.length > 0) break;
  }
  if (vowels.length === 0) return syllable.startsWith('gi') ? 1 : -1;
  const marked = vowels.filter((i) => MARKED_VOWELS.includes(chars[i] ?? ''));
  if (marked.length > 0) return marked[marked.length - 1] ?? -1;
  const last = vowels[vowels.length - 1] ?? -1;
  if (vowels.length === 1 || last < chars.length - 1) return last;
  const cluster = vowels.map((i) => chars[i]).join('');
  if (cluster.endsWith('oa') || cluster.endsWith('oe') || cluster.endsWith('uy')) return last;
  return vowels.length === 3 ? (vowels[1] ?? -1) : (vowels[0] ?? -1);
}

const TONED = new Map<string, { base: string; tone: string }>();
const COMPOSE = new Map<string, string>();
for (const base of VOWELS) {
  for (const tone of ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']) {
    const toned = `${base}${tone}`.normalize('NFC');
    TONED.set(toned, { base, tone });
    COMPOSE.set(`${base}${tone}`, toned);
  }
}

function placeTone(word: string): string {
  const chars = [...word];
  let at = -1;
  let tone = '';
  for (let i = 0; i < chars.length; i++) {
    const found = TONED.get(chars[i] ?? '');
    if (!found) continue;
    if (at >= 0) return word;
    at = i;
    tone = found.tone;
    chars[i] = found.base;
  }
  if (at < 0) return word;
  const target = tonePosition(chars.join(''));
  if (target < 0 || target === at) return word;
  chars[target] = COMPOSE.get(`${chars[target] ?? ''}${tone}`) ?? chars[target] ?? '';
  return chars.join('');
}

const canonicalV1 = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[^\x00-\x7F]/.test(text) ? /[\p{L}\p{M}]+/gu : /(?!)/g, placeTone); // eslint-disable-line no-control-regex

/**
 * The functions the triggers of this migration call. Registered on every connection before migrating, so that a
 * store still below the migration that drops those triggers can be written on its way there.
 */
export function registerFoldingV1(db: Db): void {
  db.function('bb_fold', { deterministic: true }, (text: unknown) => foldV1(String(text ?? '')));
  db.function('bb_canon', { deterministic: true }, (text: unknown) => canonicalV1(String(text ?? '')));
}
