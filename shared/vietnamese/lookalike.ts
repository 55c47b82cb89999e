// Letters that look Vietnamese but are not: detected and offered a fix, never changed silently.

const LOOKALIKES: Record<string, string> = {
  '\u00D0': 'Đ', // Ð Latin capital eth, the usual wrong Đ
  '\u00F0': 'đ', // ð Latin small eth
  '\u0189': 'Đ', // Ɖ African D
  '\u0256': 'đ', // ɖ d with tail
};

export interface Lookalike {
  index: number;
  found: string;
  replacement: string;
}

/** Every lookalike letter in the text, with the letter it stands for. */
export function findLookalikes(text: string): Lookalike[] {
  const found: Lookalike[] = [];
  for (let i = 0; i < text.length; i++) {
    const replacement = LOOKALIKES[text[i] ?? ''];
    if (replacement) found.push({ index: i, found: text[i] ?? '', replacement });
  }
  return found;
}

/** The text with every lookalike replaced by the real Vietnamese letter. */
export function fixLookalikes(text: string): string {
  return text.replace(/[\u00D0\u00F0\u0189\u0256]/g, (c) => LOOKALIKES[c] ?? c);
}
