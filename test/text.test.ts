import { describe, expect, it } from 'vitest';
import { foldKey, normalizeLine, normalizeText } from '../shared/text.ts';

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
});
