// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { fold } from '../../shared/vietnamese/fold.ts';
import { matchScore, rankMatches, searchable } from '../../shared/vietnamese/match.ts';
import { isBlock, parseAttendeeBlock } from '../../renderer/lib/paste.ts';
import { insertPreview } from '../../renderer/screens/editor/PreviewSection.tsx';

describe('fold and speaker matching', () => {
  it('folds accents, đ and case, in precomposed and decomposed forms', () => {
    expect(fold('Nguyễn Văn Thông')).toBe('nguyen van thong');
    expect(fold('ĐẶNG Thị Đào')).toBe('dang thi dao');
    expect(fold('Hoà'.normalize('NFD'))).toBe('hoa');
    expect(fold('Hòa')).toBe(fold('Hoà'));
  });

  it('matches names by given name, prefix, word starts, substring, then initials; ranks them', () => {
    const thong = searchable('Nguyễn Văn Thông');
    const order = ['thong', 'nguyen van', 'tho', 'van th', 'an th', 'nvt'].map((q) => matchScore(q, thong));
    expect(order).toEqual([...order].sort((a, b) => (a ?? 99) - (b ?? 99)));
    expect(new Set(order).size).toBe(order.length);
    expect(matchScore('nv thong', thong)).toBe(matchScore('nvt', thong));
    expect(matchScore('tvn', thong)).toBeNull();
    expect(matchScore('', thong)).toBeNull();

    // The given name as typed comes before a family name that starts with it; ties keep the order given.
    const people = ['Thông Văn Nam', 'Trần Thị Thông', 'Nguyễn Văn Thông'].map((name) => ({ name, key: searchable(name) }));
    expect(rankMatches('thong', people, (p) => p.key).map((p) => p.name)).toEqual(['Trần Thị Thông', 'Nguyễn Văn Thông', 'Thông Văn Nam']);
  });
});

describe('pasted blocks', () => {
  it('knows a block from a single cell', () => {
    expect(isBlock('Nguyễn Văn Thông')).toBe(false);
    expect(isBlock('Nguyễn Văn Thông\n')).toBe(false);
    expect(isBlock('Nguyễn Văn Thông\tBí thư')).toBe(true);
    expect(isBlock('A\r\nB')).toBe(true);
  });

  it('reads name, positions and unit, skipping a numbering column and blank lines', () => {
    expect(parseAttendeeBlock('STT\tHọ và tên\n1.\t Nguyễn Văn Thông \tBí thư\tTỉnh ủy\n\n2\tTrần Thị Mai\n')).toEqual([
      { fullName: 'Nguyễn Văn Thông', positions: 'Bí thư', unit: 'Tỉnh ủy' },
      { fullName: 'Trần Thị Mai', positions: '', unit: '' },
    ]);
  });
});

describe('page', () => {
  it("index.html carries the app's Content-Security-Policy and is in Vietnamese", () => {
    const html = readFileSync(join(process.cwd(), 'renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    expect(html).toMatch(/<html lang="vi">/);
  });

  it('inserts the preview without anything that could run, load or navigate', () => {
    const box = document.createElement('div');
    insertPreview(
      box,
      '<p class="r-title">BIÊN BẢN</p><script>1</script><img src="x" onerror="1">' +
        '<a href="https://example.com/">link</a><meta http-equiv="refresh" content="0;url=https://example.com/">' +
        '<form action="https://example.com/"></form><p style="color:red" onclick="1">Kết luận</p>',
    );
    expect(box.querySelectorAll('script, a, meta, form')).toHaveLength(0);
    expect(box.querySelector('img')?.hasAttribute('onerror')).toBe(false);
    expect(box.querySelector('img')?.hasAttribute('src')).toBe(false);
    expect(box.querySelector('p.r-title')?.textContent).toBe('BIÊN BẢN');
    const last = [...box.querySelectorAll('p')].at(-1);
    expect([last?.textContent, last?.hasAttribute('style'), last?.hasAttribute('onclick')]).toEqual(['Kết luận', false, false]);
  });
});
