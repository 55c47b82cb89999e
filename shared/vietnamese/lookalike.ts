// Letters that look Vietnamese but are not: detected and offered a fix, never changed silently.
// Search folds them to the letter they stand for (fold.ts).

/** Lookalike → the Latin letter it stands for. */
export const LOOKALIKE_LETTERS: ReadonlyMap<string, string> = new Map([
  // The usual wrong Đ: Latin eth, African D, d with tail.
  ['\u00D0', 'Đ'],
  ['\u00F0', 'đ'],
  ['\u0189', 'Đ'],
  ['\u0256', 'đ'],
  // Cyrillic letters drawn like Latin ones, as text copied from some PDFs and web pages carries them.
  ['\u0430', 'a'],
  ['\u0435', 'e'],
  ['\u043E', 'o'],
  ['\u0440', 'p'],
  ['\u0441', 'c'],
  ['\u0445', 'x'],
  ['\u0443', 'y'],
  ['\u0456', 'i'],
  ['\u0458', 'j'],
  ['\u0455', 's'],
  ['\u0501', 'd'],
  ['\u04BB', 'h'],
  ['\u051B', 'q'],
  ['\u051D', 'w'],
  ['\u0410', 'A'],
  ['\u0412', 'B'],
  ['\u0415', 'E'],
  ['\u041A', 'K'],
  ['\u041C', 'M'],
  ['\u041D', 'H'],
  ['\u041E', 'O'],
  ['\u0420', 'P'],
  ['\u0421', 'C'],
  ['\u0422', 'T'],
  ['\u0425', 'X'],
  ['\u0423', 'Y'],
  ['\u0406', 'I'],
  ['\u0408', 'J'],
  ['\u0405', 'S'],
  ['\u04BA', 'H'],
  ['\u051A', 'Q'],
  ['\u051C', 'W'],
  ['\u04C0', 'I'],
  // Greek capitals and omicron.
  ['\u0391', 'A'],
  ['\u0392', 'B'],
  ['\u0395', 'E'],
  ['\u0396', 'Z'],
  ['\u0397', 'H'],
  ['\u0399', 'I'],
  ['\u039A', 'K'],
  ['\u039C', 'M'],
  ['\u039D', 'N'],
  ['\u039F', 'O'],
  ['\u03A1', 'P'],
  ['\u03A4', 'T'],
  ['\u03A5', 'Y'],
  ['\u03A7', 'X'],
  ['\u03BF', 'o'],
]);

/** The Đ lookalikes: no script writes them inside Vietnamese-looking text, so they are always offered. */
const ALWAYS = new Set(['\u00D0', '\u00F0', '\u0189', '\u0256']);
const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const COMBINING = /\p{M}/u;
const CYRILLIC_OR_GREEK = /[\p{Script=Cyrillic}\p{Script=Greek}]/gu;
/** Any of the lookalikes: most texts have none, and are then known to be clean by one scan. */
const ANY_LOOKALIKE = new RegExp(`[${[...LOOKALIKE_LETTERS.keys()].join('')}]`, 'u');

export interface Lookalike {
  index: number;
  found: string;
  replacement: string;
}

/**
 * Every lookalike letter in the text, with the letter it stands for. Cyrillic and Greek ones count only inside
 * Vietnamese-looking text: in a word that also has Latin letters or Vietnamese marks, or, in a word of lookalikes
 * alone, when the text has no other Cyrillic or Greek letter ("Москва" is Russian and left alone).
 */
export function findLookalikes(text: string): Lookalike[] {
  // Run on every keystroke of a text field: a long speech without lookalikes costs one scan, not a match per word.
  if (!ANY_LOOKALIKE.test(text)) return [];
  const found: Lookalike[] = [];
  const foreign = (text.match(CYRILLIC_OR_GREEK) ?? []).some((c) => !LOOKALIKE_LETTERS.has(c));
  for (const word of text.matchAll(WORD)) {
    const letters = word[0];
    const mixed = LATIN.test(letters) || COMBINING.test(letters);
    for (let i = 0; i < letters.length; i++) {
      const char = letters[i] ?? '';
      const replacement = LOOKALIKE_LETTERS.get(char);
      if (replacement && (ALWAYS.has(char) || mixed || !foreign)) found.push({ index: word.index + i, found: char, replacement });
    }
  }
  return found;
}

/** The text with every lookalike found replaced by the real letter (marks that followed it composed again). */
export function fixLookalikes(text: string): string {
  const found = findLookalikes(text);
  if (found.length === 0) return text;
  let fixed = '';
  let at = 0;
  for (const { index, replacement } of found) {
    fixed += text.slice(at, index) + replacement;
    at = index + 1;
  }
  return (fixed + text.slice(at)).normalize('NFC');
}
