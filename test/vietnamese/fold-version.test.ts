// What the search index holds for a text is pinned to FOLD_VERSION: a change to the folding that does not bump
// the version would leave every existing archive's index stale. This fails until the version is bumped (and
// the new fingerprint recorded below), which makes every store re-index itself on opening.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FOLD_VERSION, accentIndexed, fold, foldIndexed } from '../../shared/vietnamese/fold.ts';

const FINGERPRINTS: Record<number, string> = {
  2: 'ed563846e0fadba1',
};

const CORPUS = [
  'Hội nghị tổng kết công tác xây dựng Đảng năm 2024',
  'HÒA BÌNH, THỦY LỢI, KHỎE',
  'hoà bình, thuỷ lợi, khoẻ',
  'Kỹ thuật, kĩ thuật, lý luận, lí luận, quý, quí, tuy, tui, ý kiến, Mỹ, yêu',
  'Kết luận 35-KL/TW; 12/15; 3.456',
  'Ngu\u200Byễn Văn\u00ADThông\uFEFF',
  '\u0441\u00F4ng t\u00E1c, \u00D0\u1EA3ng, \u03BFk',
  'Đồng chí'.normalize('NFD'),
  'Москва — 東京 — 😀 — İstanbul',
  'Tỉnh ủy Quảng Ninh, Đắk Lắk, Cà Mau',
  'nghiêng, người, khuyến, giữa, quốc, gìn',
];

describe('the folding version', () => {
  it(`matches what fold(), foldIndexed() and accentIndexed() return (version ${FOLD_VERSION})`, () => {
    const outputs = CORPUS.flatMap((text) => [fold(text), foldIndexed(text), accentIndexed(text)]);
    const fingerprint = createHash('sha256').update(JSON.stringify(outputs)).digest('hex').slice(0, 16);
    expect(fingerprint, 'The folding changed: bump FOLD_VERSION in shared/vietnamese/fold.ts and record its fingerprint here.').toBe(
      FINGERPRINTS[FOLD_VERSION],
    );
  });
});
