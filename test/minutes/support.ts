// Shared by the minutes tests: a plausible organisation profile, the 2021 fixture in a store, model text.
import { join } from 'node:path';
import { importMeeting, readMeetingFile } from '../../electron/services/meeting-file.ts';
import type { Store } from '../../electron/store/index.ts';
import type { Block, DocumentModel, Paragraph } from '../../shared/minutes/document.ts';
import { paragraphText } from '../../shared/minutes/document.ts';
import type { ProfileFields } from '../../shared/model/meeting.ts';

export const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'online-quarterly-review-2021.json');

export const PROFILE: ProfileFields = {
  superiorBody: '',
  issuingBody: 'BAN TỔ CHỨC TRUNG ƯƠNG',
  abbreviation: 'BTCTW',
  placeName: 'Hà Nội',
  defaultFormat: 'party',
  defaultMinuteTaker: '',
  defaultMinuteTakerPosition: '',
  currentTerm: '2021-2026',
  noticeSignerAuthority: 'T/L Trưởng ban',
  noticeSignerPosition: 'Chánh Văn phòng',
  noticeSignerName: 'Nguyễn Văn A',
};

/** The store with the profile set and the fixture meeting imported; returns the meeting id. */
export function withFixture(store: Store, profile: Partial<ProfileFields> = {}): number {
  store.profile.update({ ...PROFILE, ...profile });
  return importMeeting(store, readMeetingFile(FIXTURE));
}

const cellParagraph = (role: 'cellHead' | 'cell', text: string): Paragraph => ({ type: 'paragraph', role, runs: [{ text }] });

/** Every paragraph in reading order: table cells row by row, left to right; a table of figures its titles first. */
export const modelParagraphs = (blocks: Block[]): Paragraph[] =>
  blocks.flatMap((b) => {
    if (b.type === 'paragraph') return [b];
    if (b.type === 'data') return [...b.columns.map((c) => cellParagraph('cellHead', c.title)), ...b.rows.flat().map((t) => cellParagraph('cell', t))];
    return b.rows.flatMap((row) => row.flatMap((cell) => cell));
  });

/** The document's paragraph texts in reading order (table cells row by row, left to right). */
export const modelTexts = (doc: DocumentModel): string[] =>
  modelParagraphs(doc.blocks)
    .map(paragraphText)
    .filter((t) => t !== '');

/** Asserts that the wanted texts (or patterns) appear in this order, not necessarily adjacent; returns their positions. */
export function positionsInOrder(all: string[], wanted: (string | RegExp)[]): number[] {
  const positions: number[] = [];
  let from = 0;
  for (const text of wanted) {
    const at = all.findIndex((t, i) => i >= from && (typeof text === 'string' ? t === text : text.test(t)));
    if (at === -1) throw new Error(`"${String(text)}" not found in order after position ${from}:\n${all.slice(from).join('\n')}`);
    positions.push(at);
    from = at + 1;
  }
  return positions;
}
