// Estimated width of a line of Times New Roman, to draw a rule as long as the text above it.
// Advance widths in 1/1000 em of the Times Roman and Times Bold core fonts (metric twins of Times New Roman);
// a letter with Vietnamese marks is as wide as its base letter.

const ROMAN = widths(
  ' 250 ! 333 , 250 - 333 . 250 / 278 : 278 ; 278 ( 333 ) 333 * 500',
  'A 722 B 667 C 667 D 722 E 611 F 556 G 722 H 722 I 333 J 389 K 722 L 611 M 889 N 722 O 722 P 556 Q 722 R 667 S 556 T 611 U 722 V 722 W 944 X 722 Y 722 Z 611',
  'a 444 b 500 c 444 d 500 e 444 f 333 g 500 h 500 i 278 j 278 k 500 l 278 m 778 n 500 o 500 p 500 q 500 r 333 s 389 t 278 u 500 v 500 w 722 x 500 y 500 z 444',
);
const BOLD = widths(
  ' 250 ! 333 , 250 - 333 . 250 / 278 : 333 ; 333 ( 333 ) 333 * 500',
  'A 722 B 667 C 722 D 722 E 667 F 611 G 778 H 778 I 389 J 500 K 778 L 667 M 944 N 722 O 778 P 611 Q 778 R 722 S 556 T 667 U 722 V 722 W 1000 X 722 Y 722 Z 667',
  'a 500 b 556 c 444 d 556 e 444 f 333 g 500 h 556 i 278 j 333 k 556 l 278 m 833 n 556 o 500 p 556 q 556 r 444 s 389 t 333 u 556 v 500 w 722 x 500 y 500 z 444',
);

function widths(...tables: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const table of tables) {
    // Pairs "<char> <width>"; the space character is written as the first pair's key.
    const tokens = table.startsWith(' ') ? [' ', ...table.trim().split(' ')] : table.split(' ');
    for (let i = 0; i + 1 < tokens.length; i += 2) map.set(tokens[i] ?? '', Number(tokens[i + 1]));
  }
  return map;
}

/** The base letter: "Ệ" → "E", "Đ" → "D", "ư" → "u". */
function base(char: string): string {
  if (char === 'Đ') return 'D';
  if (char === 'đ') return 'd';
  return char.normalize('NFD').charAt(0);
}

/** Width of one line of text in points. */
export function textWidthPt(text: string, sizePt: number, bold: boolean): number {
  const table = bold ? BOLD : ROMAN;
  let units = 0;
  for (const char of text) {
    const b = base(char);
    units += table.get(b) ?? (b >= '0' && b <= '9' ? 500 : b === b.toLowerCase() ? 500 : 722);
  }
  return (units / 1000) * sizePt;
}
