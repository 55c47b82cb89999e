import { describe, expect, it } from 'vitest';
import { compareByGivenName, compareVietnamese, sortByName } from '../../shared/vietnamese/collate.ts';
import { accentIndexed, fold, foldWithMap, hasDiacritics } from '../../shared/vietnamese/fold.ts';
import { decodeLegacy, detectLegacy, encodeLegacy, isVietnameseSyllable } from '../../shared/vietnamese/legacy.ts';
import { findLookalikes, fixLookalikes } from '../../shared/vietnamese/lookalike.ts';
import { matchScore, rankMatches, searchable } from '../../shared/vietnamese/match.ts';
import { normalizeLine } from '../../shared/text.ts';

const nfd = (s: string) => s.normalize('NFD');

describe('folding', () => {
  it.each([
    ['NFC', 'Hội nghị', 'hoi nghi'],
    ['NFD (tổ hợp)', nfd('Hội nghị'), 'hoi nghi'],
    ['đ → d', 'Đảng đoàn', 'dang doan'],
    ['lookalike Ð → d', '\u00D0ảng', 'dang'],
    ['old tone placement', 'hòa thủy khóa', 'hoa thuy khoa'],
    ['new tone placement', 'hoà thuỷ khoá', 'hoa thuy khoa'],
    ['no accents', 'hoi nghi', 'hoi nghi'],
    ['white space', '  Ban   Tổ chức\n', 'ban to chuc'],
  ])('%s', (_name, input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it.each([
    ['hòa', 'hoà'],
    ['thủy', 'thuỷ'],
    ['khóa', 'khoá'],
    ['Hòa Bình', 'hoà bình'],
    ['khỏe', 'khoẻ'],
    [nfd('Thủy'), 'thuỷ'],
    ['quý', 'quý'],
    ['giữa', 'giữa'],
    ['người', 'người'],
    ['toán', 'toán'],
  ])('the accent key of %s ignores where the tone is placed', (input, expected) => {
    expect(accentIndexed(input)).toBe(accentIndexed(expected));
  });

  it('the accent key keeps different tones apart', () => {
    expect(accentIndexed('hòa')).not.toBe(accentIndexed('hóa'));
    expect(accentIndexed('Đảng')).not.toBe(accentIndexed('đang'));
  });

  it('maps folded positions back to the original, composed or not', () => {
    const text = 'Đồng chí Hòa';
    const { folded, origin } = foldWithMap(text);
    const at = folded.indexOf('hoa');
    expect(text.slice(origin(at), origin(at + 3))).toBe('Hòa');
    const decomposed = nfd('Hội nghị');
    const m = foldWithMap(decomposed);
    expect(m.folded).toBe('hoi nghi');
    expect(decomposed.slice(m.origin(4), m.origin(8))).toBe(nfd('nghị'));
  });

  it('knows when text carries accents', () => {
    expect(hasDiacritics('hoi nghi')).toBe(false);
    expect(hasDiacritics('hội nghị')).toBe(true);
    expect(hasDiacritics('dang')).toBe(false);
    expect(hasDiacritics('đang')).toBe(true);
  });

  it('stores NFC whatever form arrived', () => {
    expect(normalizeLine(nfd('Nguyễn Thị Thủy'))).toBe('Nguyễn Thị Thủy'.normalize('NFC'));
  });
});

describe('name matching', () => {
  const names = ['Nguyễn Văn Thông', 'Trần Thị Mai', 'Lê Tiến Thắng', 'Đặng Thị Hòa', 'Nguyễn Thị Thuỷ', 'Phạm Khoa'];
  it.each([
    ['nguyen van thong', 'Nguyễn Văn Thông'],
    ['nvt', 'Nguyễn Văn Thông'],
    ['thong', 'Nguyễn Văn Thông'],
    ['lt thang', 'Lê Tiến Thắng'],
    ['dang thi hoa', 'Đặng Thị Hòa'],
    ['dth', 'Đặng Thị Hòa'],
    ['hoà', 'Đặng Thị Hòa'],
    ['thủy', 'Nguyễn Thị Thuỷ'],
    [nfd('Trần Thị'), 'Trần Thị Mai'],
  ])('"%s" finds %s first', (query, expected) => {
    expect(rankMatches(query, names, searchable)[0]).toBe(expected);
  });

  it('finds nothing for letters that are not there', () => {
    expect(matchScore('xyz', searchable('Nguyễn Văn Thông'))).toBeNull();
    expect(rankMatches('qqq', names, searchable)).toEqual([]);
  });
});

describe('Vietnamese alphabetical order', () => {
  it('orders letters a ă â b c d đ e ê …', () => {
    const words = ['đ', 'ê', 'b', 'â', 'e', 'a', 'd', 'ă', 'c', 'ơ', 'o', 'ô', 'ư', 'u', 'y'];
    expect([...words].sort(compareVietnamese)).toEqual(['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);
  });

  it.each([
    ['Đào', 'Dương', 1],
    ['An', 'Ánh', -1],
    ['Anh', 'Ánh', -1],
    ['Ân', 'Ăn', 1],
    ['Hà', 'Hạ', -1],
    ['ma', 'mà', -1],
    [nfd('Đức'), 'Đức', 0],
    // Tones after letters, in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng (Từ điển tiếng Việt, Hoàng Phê).
    ['a', 'à', -1],
    ['à', 'ả', -1],
    ['ả', 'ã', -1],
    ['ã', 'á', -1],
    ['á', 'ạ', -1],
    ['Ngô', 'Nguyễn', -1],
    ['ka', 'kha', -1],
    ['Nguyễn Văn A', 'Nguyễn Văn Anh', -1],
    ['gh', 'gi', -1],
    // A full tie but for case: lower case first.
    ['an', 'An', -1],
    ['hoa', 'Hoa', -1],
    ['Đào', 'đào', 1],
    // Invisible characters do not move a name.
    ['Ngu\u200Byễn', 'Nguyễn', 0],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVietnamese(a, b))).toBe(sign);
  });

  it('sorts names by given name, then the whole name', () => {
    const people = ['Nguyễn Văn Thông', 'Trần Thị Ánh', 'Lê Đức Anh', 'Phạm Văn Đạt', 'Bùi Thị Dung', 'Đỗ Văn Anh'];
    expect([...people].sort(compareByGivenName)).toEqual(['Đỗ Văn Anh', 'Lê Đức Anh', 'Trần Thị Ánh', 'Bùi Thị Dung', 'Phạm Văn Đạt', 'Nguyễn Văn Thông']);
    expect(sortByName(people, (p) => p, 'full')).toEqual(['Bùi Thị Dung', 'Đỗ Văn Anh', 'Lê Đức Anh', 'Nguyễn Văn Thông', 'Phạm Văn Đạt', 'Trần Thị Ánh']);
    expect(sortByName(people, (p) => p, 'entered')).toEqual(people);
  });
});

describe('lookalike letters', () => {
  it('finds Ð (U+00D0) and offers Đ, without changing the text', () => {
    const text = '\u00D0ảng ủy';
    expect(findLookalikes(text)).toEqual([{ index: 0, found: '\u00D0', replacement: 'Đ' }]);
    expect(fixLookalikes(text)).toBe('Đảng ủy');
    expect(findLookalikes('Đảng ủy')).toEqual([]);
  });
});

const SENTENCES = [
  'Hội nghị tổng kết công tác tổ chức xây dựng Đảng năm 2023.',
  'Đồng chí Nguyễn Văn Thông, Phó Bí thư Thường trực Tỉnh ủy, phát biểu khai mạc.',
  'Đề nghị các đồng chí nghiên cứu kỹ dự thảo, góp ý bằng văn bản trước ngày 15 tháng 12.',
  'Kết luận: thống nhất thông qua báo cáo; giao Ban Tổ chức hoàn thiện hồ sơ.',
  'Ủy ban nhân dân tỉnh Thanh Hóa, Sở Nội vụ, Trường Chính trị.',
];

describe('legacy encodings', () => {
  it.each(SENTENCES.flatMap((s) => (['tcvn3', 'vni'] as const).map((e) => [e, s] as const)))('%s: "%s" round-trips and is recognised', (encoding, sentence) => {
    const legacy = encodeLegacy(sentence, encoding);
    expect(legacy).not.toBe(sentence);
    const expected = encoding === 'tcvn3' ? sentence.replace(/Ủ/g, 'ủ') : sentence; // TCVN3 has no toned capitals
    expect(decodeLegacy(legacy, encoding)).toBe(expected);
    const detected = detectLegacy(legacy);
    expect(detected).toMatchObject({ encoding, converted: expected, confident: true });
  });

  it.each([
    ['TCVN3', 'Héi nghÞ tæng kÕt', 'Hội nghị tổng kết'],
    ['VNI', 'Hoäi nghò toång keát', 'Hội nghị tổng kết'],
  ])('decodes a known %s sample', (_name, legacy, unicode) => {
    expect(detectLegacy(legacy)?.converted).toBe(unicode);
  });

  it.each([
    ['Unicode Vietnamese', 'Hội nghị tổng kết công tác năm 2023'],
    ['Unicode with Latin-1 letters only', 'cá về nhà'],
    ['plain ASCII', 'Hoi nghi tong ket'],
    ['mixed Unicode and legacy', 'Hội nghị tæng kÕt'],
  ])('leaves %s alone', (_name, text) => {
    expect(detectLegacy(text)).toBeNull();
  });

  // Administrative abbreviations are capitals only, no syllables: NĐ-CP (nghị định của Chính phủ), QĐ (quyết định),
  // HĐND (Hội đồng nhân dân), TCCSĐ (tổ chức cơ sở đảng), as Nghị định 30/2020/NĐ-CP writes document symbols.
  it.each(
    [
      'Thực hiện Nghị định 30/2020/NĐ-CP và Quyết định số 15/QĐ-TU của Tỉnh ủy.',
      'Báo cáo của Thường trực HĐND tỉnh.',
      'Hướng dẫn củng cố TCCSĐ yếu kém.',
      'Căn cứ NĐ-CP; QĐ; HĐND; TCCSĐ.',
    ].flatMap((s) => (['tcvn3', 'vni'] as const).map((e) => [e, s] as const)),
  )('%s with abbreviations is recognised with confidence: %s', (encoding, sentence) => {
    expect(detectLegacy(encodeLegacy(sentence, encoding))).toMatchObject({ encoding, converted: sentence, confident: true });
  });

  // ©, ® and ™ are signs there: © and ® stand for â and đ in TCVN3 only where a letter follows.
  it.each(['© 2024 Công ty', 'Công ty ABC® và Microsoft™', 'Nhãn hiệu® của tôi', 'Sổ tay™ – tài liệu nội bộ', '®'])(
    'does not offer ordinary text with a sign as legacy: %s',
    (text) => {
      expect(detectLegacy(text)).toBeNull();
    },
  );

  it('keeps a sign as it is in legacy text converted around it', () => {
    expect(detectLegacy(`${encodeLegacy('Hội nghị tổng kết công tác', 'tcvn3')} ©`)).toMatchObject({ converted: 'Hội nghị tổng kết công tác ©' });
  });

  it('reads syllables', () => {
    expect(['nghiêng', 'người', 'khuyến', 'quốc', 'giữa', 'Đảng'].every(isVietnameseSyllable)).toBe(true);
    expect(['héi', 'tæng', 'nghÞ', 'abcd'].some(isVietnameseSyllable)).toBe(false);
  });
});
