// Vietnamese wording rules of official documents: dates, times, counts, numbers, people.
import type { Format } from '../model/meeting.ts';
import { fold } from '../vietnamese/fold.ts';
import { BLANK } from './document.ts';

/** Two digits from 1 to 9 ("05"), dots between thousands ("3.321"); zero stays "0". */
export function formatCount(n: number): string {
  if (n > 0 && n < 10) return `0${n}`;
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "02 đồng chí", "3.321 điểm cầu". */
export const countOf = (n: number, noun: string): string => `${formatCount(n)} ${noun}`;

const SITE_WORDS = /^(\S+\s+\S+)\s+(.+)$/su;

/** "điểm cầu Tỉnh ủy Nghệ An"; a site the secretary named "Điểm cầu Trung ương" is not called "điểm cầu" twice. */
export function atSite(name: string): string {
  const [, first = '', rest = ''] = SITE_WORDS.exec(name) ?? [];
  return `điểm cầu ${fold(first) === 'diem cau' ? rest : name}`;
}

/** "45/47". */
export const ratio = (part: number, whole: number): string => `${formatCount(part)}/${formatCount(whole)}`;

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** The day is padded below 10; the month only when it is 1 or 2 (so that "tháng 1" cannot be read as "tháng 10"). */
export function dateParts(iso: string): DateParts {
  const [year = '', month = '', day = ''] = iso.split('-');
  const m = Number(month);
  return { day: day.padStart(2, '0'), month: m <= 2 ? String(m).padStart(2, '0') : String(m), year };
}

/** "ngày 05 tháng 3 năm 2020"; "ngày … tháng … năm …" when the date is not known. */
export function dateWords(iso: string | null): string {
  if (!iso) return `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
  const { day, month, year } = dateParts(iso);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** The date line of the header: "Hà Nội, ngày 30 tháng 9 năm 2021". */
export const placeAndDate = (place: string, iso: string | null): string => `${place}, ${dateWords(iso)}`;

/** "14 giờ 00", "08 giờ 30": 24-hour, hours padded like days; "… giờ …" when not known. */
export function clockWords(time: string | null): string {
  if (!time) return `${BLANK} giờ ${BLANK}`;
  const [hours = '', minutes = ''] = time.split(':');
  return `${hours} giờ ${minutes}`;
}

/** Roman numerals for congresses, terms and parts: 13 → "XIII". */
export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

export type DocumentType = 'BB' | 'TB';

/** Party "Số 05-BB/TU" (no colon, hyphen, slash); State "Số: 05/BB-UBND". */
export function documentSymbol(format: Format, type: DocumentType, number: number | null, abbreviation: string): string {
  const n = number === null ? BLANK : formatCount(number);
  const body = abbreviation || BLANK;
  return format === 'party' ? `Số ${n}-${type}/${body}` : `Số: ${n}/${type}-${body}`;
}

/** Signing on behalf (T/M), for (K/T), by order (T/L), by authorisation (TUQ): the Party and the State way of writing each. */
const AUTHORITY_PREFIXES: readonly { party: string; state: string }[] = [
  { party: 'T/M', state: 'TM.' },
  { party: 'K/T', state: 'KT.' },
  { party: 'T/L', state: 'TL.' },
  { party: 'TUQ.', state: 'TUQ.' }, // the spec gives no Party form: kept as typed
];

/** "T/L Ban Thường vụ" as the format writes it: State "TL. Ban Thường vụ"; whichever way it was typed. Other text is kept. */
export function signingAuthority(format: Format, text: string): string {
  const match = /^(T\s*\/\s*M|K\s*\/\s*T|T\s*\/\s*L|TM\.?|KT\.?|TL\.?|TUQ\.?)(?=\s|$)\s*/iu.exec(text);
  if (!match?.[1]) return text;
  const key = match[1].toUpperCase().replace(/[\s./]/g, '');
  const prefix = AUTHORITY_PREFIXES.find((p) => p.party.replace('/', '') === key || p.state.replace('.', '') === key);
  if (!prefix) return text;
  const rest = text.slice(match[0].length);
  return rest ? `${prefix[format]} ${rest}` : prefix[format];
}

/** Caps as Vietnamese writes them. */
export const upper = (text: string): string => text.toLocaleUpperCase('vi');

/** "Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy": name, spaced hyphen, positions. */
export const personLine = (name: string, positions: string): string => (positions ? `${name} - ${positions}` : name);

/** In running text the positions follow a comma: "Phạm Quang Hưng, Vụ trưởng Vụ V". */
export const personInText = (name: string, positions: string): string => (positions ? `${name}, ${positions}` : name);

/** Several people are separated by ";". */
export const joinPeople = (lines: string[]): string => lines.join('; ');

export const capitalize = (text: string): string => text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);

/** Items of a list: "- a;", "- b;", "- c." (or the given last ending). */
export function listItems(items: string[], last = '.'): string[] {
  return items.map((item, i) => `- ${item.replace(/[\s.;,]+$/, '')}${i === items.length - 1 ? last : ';'}`);
}

/** A sentence ends with one full stop (or the State "./."): nothing is doubled. */
export function endSentence(text: string, end = '.'): string {
  return `${text.replace(/[\s.;,:]+$/, '')}${end}`;
}
