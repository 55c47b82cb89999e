// Spelling rules of the folding, table-driven, with cases written from Vietnamese orthography.
import { describe, expect, it } from 'vitest';
import { normalizeLine, normalizeText } from '../../shared/text.ts';
import { accentIndexed, fold, foldIndexed, foldWithMap } from '../../shared/vietnamese/fold.ts';
import { findLookalikes, fixLookalikes } from '../../shared/vietnamese/lookalike.ts';
import { rankMatches, searchable } from '../../shared/vietnamese/match.ts';

describe('i and y as the whole rhyme', () => {
  // Source: Quy định về chính tả tiếng Việt (Bộ Giáo dục, Quyết định 240/QĐ, 1984) and the spelling rules of
  // Quyết định 1989/QĐ-BGDĐT (2018): where the rhyme is the single vowel /i/ after an initial consonant, school
  // spelling writes i (kĩ, lí, mĩ, sĩ, tỉ, kỉ) while state documents and proper names keep y (kỹ, lý, Mỹ, sỹ,
  // tỷ, kỷ); after "qu" both quí and quý are met. Elsewhere y and i are different vowels or glides: the rhymes
  // uy/ui (tuy ≠ tui, thuỷ ≠ thủi), the syllable y alone (ý kiến), yê (yêu), ay/ai (tay ≠ tai).
  it.each([
    ['kĩ thuật', 'kỹ thuật'],
    ['lí luận', 'lý luận'],
    ['tỉ lệ', 'tỷ lệ'],
    ['quí', 'quý'],
    ['qui định', 'quy định'],
    ['kỉ niệm', 'kỷ niệm'],
    ['Mĩ', 'Mỹ'],
    ['bác sĩ', 'bác sỹ'],
    ['hi sinh', 'hy sinh'],
    ['kì họp', 'kỳ họp'],
    ['Lí Thị Mai', 'Lý Thị Mai'],
    ['công ti', 'công ty'],
    ['KĨ THUẬT', 'Kỹ thuật'],
    ['nghỉ ngơi', 'nghỉ ngơi'],
  ])('"%s" and "%s" fold the same', (a, b) => {
    expect(fold(a)).toBe(fold(b));
    expect(foldIndexed(a)).toBe(foldIndexed(b));
  });

  it.each([
    ['tuy', 'tui'],
    ['thuỷ', 'thủi'],
    ['ý kiến', 'í kiến'],
    ['yêu', 'iêu'],
    ['tay', 'tai'],
    ['khuya', 'khuia'],
    ['huy', 'hui'],
    ['nguy', 'ngui'],
  ])('"%s" and "%s" stay apart', (a, b) => {
    expect(fold(a)).not.toBe(fold(b));
  });

  it('keeps the spelling in the accent key, so the spelling as typed can rank first', () => {
    expect(accentIndexed('kỹ')).not.toBe(accentIndexed('kĩ'));
    expect(accentIndexed('Lý')).toBe(accentIndexed('lý'));
  });

  it('marks a match across spellings in the original text', () => {
    const { folded, origin } = foldWithMap('Cán bộ kỹ thuật');
    const at = folded.indexOf('ki thuat');
    expect('Cán bộ kỹ thuật'.slice(origin(at), origin(at + 8))).toBe('kỹ thuật');
  });

  it('finds people in the pickers by either spelling, the spelling as typed first', () => {
    const people = ['Lí Văn Nam', 'Lý Văn Nam', 'Trần Quí', 'Trần Quý', 'Tuy Hoà'];
    expect(rankMatches('lý văn', people, searchable)).toEqual(['Lý Văn Nam', 'Lí Văn Nam']);
    expect(rankMatches('lí văn', people, searchable)).toEqual(['Lí Văn Nam', 'Lý Văn Nam']);
    expect(rankMatches('tran quí', people, searchable)).toEqual(['Trần Quí', 'Trần Quý']);
    expect(rankMatches('tui', people, searchable)).toEqual([]);
  });
});

describe('invisible characters', () => {
  // Source: The Unicode Standard, §5.21 and DerivedCoreProperties.txt (Default_Ignorable_Code_Point): code points
  // with no visible rendering, which text copied from web pages and PDFs carries inside words.
  const cases = [
    ['zero-width space', '\u200B'],
    ['zero-width non-joiner', '\u200C'],
    ['zero-width joiner', '\u200D'],
    ['word joiner', '\u2060'],
    ['soft hyphen', '\u00AD'],
    ['byte order mark', '\uFEFF'],
    ['variation selector 16', '\uFE0F'],
    ['variation selector 1', '\uFE00'],
    ['left-to-right mark', '\u200E'],
    ['right-to-left embedding', '\u202B'],
    ['combining grapheme joiner', '\u034F'],
    ['Mongolian variation selector', '\u180B'],
    ['Arabic letter mark', '\u061C'],
    ['invisible times', '\u2062'],
    ['Hangul filler', '\u3164'],
    ['tag letter A', '\u{E0041}'],
    ['variation selector 17', '\u{E0100}'],
  ] as const;

  it.each(cases)('%s is removed where text enters the store, and folds away', (_name, char) => {
    const name = `Nguy${char}ễn Văn Thô${char}ng`;
    expect(normalizeLine(name)).toBe('Nguyễn Văn Thông');
    expect(normalizeText(`${char}Dòng một\nDòng${char} hai${char}`)).toBe('Dòng một\nDòng hai');
    expect(fold(name)).toBe('nguyen van thong');
    expect(foldIndexed(name)).toBe('nguyen van thong');
    expect(accentIndexed(name)).toBe(accentIndexed('Nguyễn Văn Thông'));
  });

  it('keeps a mark that an invisible character separated from its letter', () => {
    expect(normalizeLine('Thu\u200B\u0301y')).toBe('Thúy');
  });

  it('finds and sorts a name that still holds one', () => {
    const people = ['Nguyễn Văn Thông', 'Ngu\u200Byễn Văn An'];
    expect(rankMatches('nguyen van an', people, searchable)).toEqual(['Ngu\u200Byễn Văn An']);
  });
});

describe('lookalike letters', () => {
  // Source: Unicode Technical Standard #39, confusables.txt: Cyrillic and Greek letters drawn like Latin ones
  // (а о с е р х у і), which some PDF and web text carries inside Vietnamese words.
  it.each([
    ['Cyrillic а with a tone', 'c\u0430\u0301n b\u1ED9', 'cán bộ'],
    ['Cyrillic о with its marks', '\u0110\u043E\u0302\u0300ng ch\u00ED', 'Đồng chí'],
    ['Cyrillic с', '\u0441\u00F4ng t\u00E1c', 'công tác'],
    ['Cyrillic е', 'k\u0435\u0302\u0301t lu\u1EADn', 'kết luận'],
    ['Cyrillic р', '\u0440h\u00F2ng', 'phòng'],
    ['Cyrillic х', '\u0445\u00E3', 'xã'],
    ['Cyrillic у', 'qu\u0443 \u0111\u1ECBnh', 'quy định'],
    ['Cyrillic і', 'ngh\u0456\u0323', 'nghị'],
    ['Cyrillic capital С', '\u0421\u00D4NG T\u00C1C', 'CÔNG TÁC'],
    ['a word of lookalikes only', '\u0441\u0430\u043E v\u00E0 c\u00E1', 'cao và cá'],
    ['Greek omicron', 'h\u03BFa', 'hoa'],
  ])('%s is offered as the Latin letter, never changed alone', (_name, text, expected) => {
    expect(findLookalikes(text).length).toBeGreaterThan(0);
    expect(fixLookalikes(text)).toBe(expected.normalize('NFC'));
    expect(fold(text)).toBe(fold(expected));
    expect(accentIndexed(text)).toBe(accentIndexed(expected));
  });

  it('leaves Russian text alone and keeps offering Ð for Đ', () => {
    expect(findLookalikes('Москва')).toEqual([]);
    expect(findLookalikes('Đoàn công tác tại Москва')).toEqual([]);
    expect(findLookalikes('\u00D0ảng ủy')).toEqual([{ index: 0, found: '\u00D0', replacement: 'Đ' }]);
  });
});
