import { describe, expect, it } from 'vitest';
import { meetingFields } from '../shared/model/meeting.ts';
import { foldKey, MAX_COMBINING_RUN, normalizeLine, normalizeText } from '../shared/text.ts';
import { referenceNormalizeText } from './support/text-reference.ts';

describe('text normalisation', () => {
  it.each([
    ['decomposed Vietnamese becomes composed', 'Nguye\u0302\u0303n Va\u0306n Tho\u0302ng', 'Nguyễn Văn Thông'],
    ['XML-illegal control characters are removed', 'Hội\u0000 nghị\u0008\u000B\u001F', 'Hội nghị'],
    ['U+FFFE and U+FFFF are removed', 'a\uFFFEb\uFFFF', 'ab'],
    ['a lone surrogate is removed', 'a\uD800b', 'ab'],
    ['outer blank space is trimmed', '  Biên bản \n', 'Biên bản'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps paragraphs and unifies line breaks in multi-line text', () => {
    expect(normalizeText('Đoạn một.  \r\nĐoạn hai.\rĐoạn ba.')).toBe('Đoạn một.\nĐoạn hai.\nĐoạn ba.');
  });

  it('folds line breaks and runs of spaces in single-line text', () => {
    expect(normalizeLine(' Phó Bí thư\n  Thường trực\tTỉnh ủy ')).toBe('Phó Bí thư Thường trực Tỉnh ủy');
  });

  it('keeps the tone-mark placement the user typed', () => {
    expect(normalizeLine('hoà')).toBe('hoà');
    expect(normalizeLine('hòa')).toBe('hòa');
  });

  it('keeps emoji and other astral characters', () => {
    expect(normalizeLine('Hội nghị 📄')).toBe('Hội nghị 📄');
  });

  it('builds a case-folded key that keeps diacritics', () => {
    expect(foldKey('  NGUYỄN  Văn Thông')).toBe('nguyễn văn thông');
    expect(foldKey('Đinh')).not.toBe(foldKey('Dinh'));
  });

  it('removes trailing blanks of every line, also after a long run inside a line', () => {
    const run = ' '.repeat(50_000);
    expect(normalizeText(`Hội${run}nghị${run}\nlần hai\t \t`)).toBe(`Hội${run}nghị\nlần hai`);
    expect(normalizeLine(`Hội${run}nghị`)).toBe('Hội nghị');
  });

  it(`cuts a run of combining marks to ${MAX_COMBINING_RUN}, keeping the letter and what follows`, () => {
    const cut = normalizeText(`a${'\u0301'.repeat(10_000)}b`);
    expect(cut.normalize('NFD')).toBe(`a${'\u0301'.repeat(MAX_COMBINING_RUN)}b`);
    expect(normalizeText('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });

  it('gives what every step applied unconditionally gives, for random text near the limits its pre-scan and fast path rely on', () => {
    const reference = referenceNormalizeText;
    // Marks in runs around the limit (also split by invisible characters), surrogates lone and paired, a BMP letter
    // whose NFC is astral (U+FA6C), CJK (all above U+0300), controls and line ends, no-break spaces, Word's list marks.
    const pieces = [
      'a',
      'ệ',
      '\u0301',
      '\u0301'.repeat(MAX_COMBINING_RUN - 1),
      '\u0323'.repeat(MAX_COMBINING_RUN),
      '\u{1D165}',
      '\u00AD',
      '\u200B',
      '\uD83D',
      '\uDE00',
      '\uD83D\uDE00',
      '\uFA6C',
      '中文字',
      '\u0001',
      '\r\n',
      '\r',
      '\n',
      ' \n',
      '\t',
      ' ',
      '\u00A0',
      '\u202F',
      '\uFFFE',
      '1.\t',
      '·\t',
      'o\t',
    ];
    let state = 7;
    const next = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    const wrong: string[] = [];
    for (let i = 0; i < 50_000 && wrong.length < 5; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 10) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      if (normalizeText(text) !== reference(text)) wrong.push(JSON.stringify(text));
    }
    expect(wrong).toEqual([]);
  });

  it("refuses text far over a field's limit before normalising it, naming the real limit", () => {
    const result = meetingFields.safeParse({ title: 'x'.repeat(80_000) });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]).toMatchObject({ path: ['title'], message: 'quá dài (tối đa 1.000 ký tự)' });
    // Within the margin, normalising decides: 3,000 characters of which most are spaces make a short title.
    expect(meetingFields.parse({ title: `Hội${' '.repeat(2_990)}nghị` }).title).toBe('Hội nghị');
  });
});
