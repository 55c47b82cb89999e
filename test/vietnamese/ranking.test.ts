// The speaker picker's ranking: names that agree with the accents typed first, then accent-free
// matches, then initials; within a tier the given name as typed first; ties in the order given.
import { describe, expect, it } from 'vitest';
import { matchScore, rankMatches, searchable } from '../../shared/vietnamese/match.ts';

const rank = (query: string, names: readonly string[]) => rankMatches(query, names, searchable, 20);

describe('ranking by the accents typed', () => {
  // Entered first, as an earlier attendee would be: the look-alikes without the accent typed.
  const names = ['Nguyễn Thị Hoa', 'Lê Văn Hóa', 'Phạm Văn Hỏa', 'Trần Thị Hòa', 'Đỗ Thị Hoà', 'Hoàng Văn Nam'];

  it.each([
    ['Hòa', ['Trần Thị Hòa', 'Đỗ Thị Hoà']],
    ['Hoà', ['Trần Thị Hòa', 'Đỗ Thị Hoà']],
    ['Hóa', ['Lê Văn Hóa']],
    ['Hỏa', ['Phạm Văn Hỏa']],
  ])('"%s" offers %j first, before every look-alike', (query, first) => {
    const ranked = rank(query, names);
    expect(ranked.slice(0, first.length)).toEqual(first);
    expect(ranked).toEqual(expect.arrayContaining(['Nguyễn Thị Hoa', 'Lê Văn Hóa']));
  });

  it('without accents typed, every look-alike matches equally, in the order given, after the given name', () => {
    expect(rank('hoa', names)).toEqual(['Nguyễn Thị Hoa', 'Lê Văn Hóa', 'Phạm Văn Hỏa', 'Trần Thị Hòa', 'Đỗ Thị Hoà', 'Hoàng Văn Nam']);
  });

  it('takes only the accents typed into account: "Nguyen Văn" agrees with Nguyễn Văn, not with Nguyễn Vân', () => {
    expect(rank('Nguyen Văn', ['Nguyễn Vân Anh', 'Nguyễn Văn Thông'])).toEqual(['Nguyễn Văn Thông', 'Nguyễn Vân Anh']);
    expect(rank('Đức', ['Lê Dục', 'Lê Đức'])).toEqual(['Lê Đức', 'Lê Dục']);
  });

  it('puts accents agreeing, then accent-free, then initials', () => {
    const thong = searchable('Nguyễn Văn Thông');
    const tiers = [matchScore('Thông', thong), matchScore('Thống', thong), matchScore('nvt', thong)];
    expect(tiers.every((score) => score !== null)).toBe(true);
    expect(tiers).toEqual([...tiers].sort((a, b) => (a ?? 0) - (b ?? 0)));
    // An initials match never comes before a name match, whatever its kind.
    expect(rank('lt', ['Lê Tiến Thắng', 'Phạm Ngọc Lt'])).toEqual(['Phạm Ngọc Lt', 'Lê Tiến Thắng']);
  });

  it('offers the given name typed before a family name that starts with it', () => {
    expect(rank('Hòa', ['Hoàng Văn Nam', 'Trần Thị Hòa'])).toEqual(['Trần Thị Hòa', 'Hoàng Văn Nam']);
    expect(rank('nam', ['Nam Văn Hải', 'Hoàng Văn Nam'])).toEqual(['Hoàng Văn Nam', 'Nam Văn Hải']);
  });

  it('is the same for a name typed in decomposed form (tổ hợp)', () => {
    expect(rank('Hòa'.normalize('NFD'), names).slice(0, 2)).toEqual(['Trần Thị Hòa', 'Đỗ Thị Hoà']);
  });
});
