// The minutes' text normalisation skips text that is already normal, and gives normalizeText's result for any other.
import { describe, expect, it } from 'vitest';
import { getMeetingRecord } from '../../electron/services/meetings.ts';
import { createContext } from '../../shared/minutes/context.ts';
import { normalizeText, SURELY_NFC } from '../../shared/text.ts';
import { referenceNormalizeText } from '../support/text-reference.ts';
import { memoryStore } from '../support/store.ts';
import { PROFILE, withFixture } from './support.ts';

/** Characters normalizeText treats specially, and ordinary ones: spaces of every kind, line breaks, controls, marks, surrogates. */
const ALPHABET = [
  'a',
  'Đ',
  'ệ',
  'e\u0323\u0302',
  'e\u0301',
  'ư',
  '\u01A1\u0301',
  '\u00AD',
  '\u200B',
  '\u2000',
  '\u2011',
  '“',
  '…',
  '\u2061',
  '\u212B',
  '\u1F71',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u000B',
  '\u0007',
  '\u0000',
  '\u00A0',
  '\u2028',
  '\u2029',
  '\u3000',
  '\u0085',
  '\uFEFF',
  '\uD83D',
  '\uDE00',
  '\uD83D\uDE00',
  '\uFFFE',
  '\uFFFF',
  'x',
];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe("normalizeText's fast path for text already normal", () => {
  it('gives what every step applied unconditionally gives, for 200,000 random strings of awkward characters', () => {
    const next = random(12);
    const wrong: string[] = [];
    for (let i = 0; i < 200_000 && wrong.length < 5; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 8) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
      if (normalizeText(text) !== referenceNormalizeText(text)) wrong.push(JSON.stringify(text));
    }
    expect(wrong).toEqual([]);
  });

  it('takes as normal only text of characters that stay NFC beside any other of them, and that normalizeText keeps', () => {
    const surely: string[] = [];
    for (let unit = 0; unit <= 0xffff; unit++) if (SURELY_NFC.test(String.fromCharCode(unit))) surely.push(String.fromCharCode(unit));
    expect(surely.length).toBeGreaterThan(1000);
    const changed = surely.filter((c) => referenceNormalizeText(`a${c}b`) !== `a${c}b` && c !== '\n');
    expect(changed).toEqual([]);
    const composed: string[] = [];
    for (const first of surely) for (const second of surely) if ((first + second).normalize('NFC') !== first + second) composed.push(first + second);
    expect(composed).toEqual([]);
  });

  it('returns normal text itself', () => {
    const text = 'Đồng chí Nguyễn Văn Thông phát biểu.\nĐoạn hai.';
    expect(normalizeText(text)).toBe(text);
    expect(normalizeText(' Hội nghị\u0007 ')).toBe('Hội nghị');
  });
});

describe("the record in the minutes' context", () => {
  it('is the stored record itself, not a copy, where its text is normal', () => {
    const store = memoryStore();
    const record = getMeetingRecord(store, withFixture(store));
    const { record: clean, profile } = createContext(record, PROFILE);
    expect(clean).toBe(record);
    expect(clean.attendees[3]).toBe(record.attendees[3]);
    expect(profile).toBe(PROFILE);
  });

  it('is a cleaned copy where some text is not, the rest shared and the given record left as it was', () => {
    const store = memoryStore();
    const record = getMeetingRecord(store, withFixture(store));
    const [first, second] = record.sites;
    if (!first || !second) throw new Error('the fixture has sites');
    const sites = [{ ...first, name: ' Hội trường\u0007 Tỉnh ủy ' }, ...record.sites.slice(1)];
    const given = { ...record, sites };
    const { record: clean, sites: byId } = createContext(given, PROFILE);
    expect(clean.sites[0]?.name).toBe('Hội trường Tỉnh ủy');
    expect(byId.get(first.id)?.name).toBe('Hội trường Tỉnh ủy');
    expect(sites[0]?.name).toBe(' Hội trường\u0007 Tỉnh ủy ');
    expect(clean.sites[1]).toBe(second);
    expect(clean.attendees).toBe(record.attendees);
  });
});
