// The minutes' text normalisation skips text that is already normal, and gives normalizeText's result for any other.
import { describe, expect, it } from 'vitest';
import { normalised } from '../../shared/minutes/context.ts';
import { normalizeText } from '../../shared/text.ts';

/** Characters normalizeText treats specially, and ordinary ones: spaces of every kind, line breaks, controls, marks, surrogates. */
const ALPHABET = [
  'a',
  'Đ',
  'ệ',
  'e\u0323\u0302',
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

describe('normalised text in the minutes', () => {
  it('equals normalizeText for 200,000 random strings of awkward characters', () => {
    const next = random(12);
    const wrong: string[] = [];
    for (let i = 0; i < 200_000 && wrong.length < 5; i++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 8) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
      if (normalised(text) !== normalizeText(text)) wrong.push(JSON.stringify(text));
    }
    expect(wrong).toEqual([]);
  });

  it('returns normal text itself', () => {
    const text = 'Đồng chí Nguyễn Văn Thông phát biểu.\nĐoạn hai.';
    expect(normalised(text)).toBe(text);
    expect(normalised(' Hội nghị\u0007 ')).toBe('Hội nghị');
  });
});
