import { describe, expect, it } from 'vitest';
import {
  capitalize,
  clockWords,
  countOf,
  dateParts,
  dateWords,
  documentSymbol,
  endSentence,
  formatCount,
  joinPeople,
  listItems,
  personInText,
  personLine,
  placeAndDate,
  ratio,
  roman,
  upper,
} from '../../shared/minutes/wording.ts';

describe('dates: the day padded below 10, the month only when it is 1 or 2', () => {
  it.each([
    ['2020-03-05', 'ngày 05 tháng 3 năm 2020'],
    ['2018-02-20', 'ngày 20 tháng 02 năm 2018'],
    ['2021-09-30', 'ngày 30 tháng 9 năm 2021'],
    ['2022-01-01', 'ngày 01 tháng 01 năm 2022'],
    ['2021-10-05', 'ngày 05 tháng 10 năm 2021'],
    ['2021-12-31', 'ngày 31 tháng 12 năm 2021'],
    ['2021-11-09', 'ngày 09 tháng 11 năm 2021'],
  ])('%s → %s', (iso, words) => {
    expect(dateWords(iso)).toBe(words);
  });

  it('leaves blanks for an unknown date', () => {
    expect(dateWords(null)).toBe('ngày … tháng … năm …');
  });

  it('gives the parts and the header date line', () => {
    expect(dateParts('2020-03-05')).toEqual({ day: '05', month: '3', year: '2020' });
    expect(placeAndDate('Hà Nội', '2021-09-30')).toBe('Hà Nội, ngày 30 tháng 9 năm 2021');
  });
});

describe('times: 24-hour "giờ", never "14h00"', () => {
  it.each([
    ['14:00', '14 giờ 00'],
    ['08:05', '08 giờ 05'],
    ['00:30', '00 giờ 30'],
    ['23:59', '23 giờ 59'],
  ])('%s → %s', (time, words) => {
    expect(clockWords(time)).toBe(words);
  });

  it('leaves blanks for an unknown time', () => {
    expect(clockWords(null)).toBe('… giờ …');
  });
});

describe('counts and numbering', () => {
  it('pads counts from 1 to 9 and groups thousands with dots', () => {
    expect([0, 2, 9, 10, 47, 412, 3321, 1234567].map(formatCount)).toEqual(['0', '02', '09', '10', '47', '412', '3.321', '1.234.567']);
    expect(countOf(2, 'đồng chí')).toBe('02 đồng chí');
    expect(countOf(3321, 'điểm cầu')).toBe('3.321 điểm cầu');
    expect(ratio(45, 47)).toBe('45/47');
    expect(ratio(5, 7)).toBe('05/07');
  });

  it('writes Roman numerals for congresses, terms and parts', () => {
    expect([1, 2, 4, 9, 11, 12, 13, 14, 40, 90, 1999].map(roman)).toEqual(['I', 'II', 'IV', 'IX', 'XI', 'XII', 'XIII', 'XIV', 'XL', 'XC', 'MCMXCIX']);
  });

  it('writes the Party symbol without a colon and the State symbol with one', () => {
    expect(documentSymbol('party', 'BB', 5, 'TU')).toBe('Số 05-BB/TU');
    expect(documentSymbol('party', 'TB', 12, 'TU')).toBe('Số 12-TB/TU');
    expect(documentSymbol('state', 'BB', 5, 'UBND')).toBe('Số: 05/BB-UBND');
    expect(documentSymbol('party', 'BB', null, '')).toBe('Số …-BB/…');
  });
});

describe('people and lists', () => {
  it('writes a person as name, spaced hyphen, positions; in running text with a comma', () => {
    expect(personLine('Nguyễn Văn Thông', 'Phó Bí thư Thường trực Tỉnh ủy')).toBe('Nguyễn Văn Thông - Phó Bí thư Thường trực Tỉnh ủy');
    expect(personLine('Nguyễn Văn Thông', '')).toBe('Nguyễn Văn Thông');
    expect(personInText('Phạm Quang Hưng', 'Vụ trưởng Vụ V, Ban Tổ chức Trung ương')).toBe('Phạm Quang Hưng, Vụ trưởng Vụ V, Ban Tổ chức Trung ương');
    expect(joinPeople(['đồng chí A - Bí thư', 'đồng chí B - Phó Bí thư'])).toBe('đồng chí A - Bí thư; đồng chí B - Phó Bí thư');
  });

  it('ends list items with ";" and the last with "." (or the given ending), without doubling', () => {
    expect(listItems(['Như trên;', 'Các ban đảng.', 'Lưu VT'])).toEqual(['- Như trên;', '- Các ban đảng;', '- Lưu VT.']);
    expect(listItems(['Lưu: VT'], './.')).toEqual(['- Lưu: VT./.']);
  });

  it('ends a sentence once', () => {
    expect(endSentence('Hội nghị kết thúc.')).toBe('Hội nghị kết thúc.');
    expect(endSentence('Cuộc họp kết thúc', './.')).toBe('Cuộc họp kết thúc./.');
  });

  it('upper-cases and capitalises Vietnamese letters', () => {
    expect(upper('Ban Thường vụ Tỉnh ủy, ưu tiên đường')).toBe('BAN THƯỜNG VỤ TỈNH ỦY, ƯU TIÊN ĐƯỜNG');
    expect(capitalize('đồng chí')).toBe('Đồng chí');
  });
});
