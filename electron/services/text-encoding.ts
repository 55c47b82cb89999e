// The text of a file of unknown encoding (an attendee list saved by Excel or an old program): a BOM
// first (UTF-8, UTF-16 LE/BE), then UTF-16 without a BOM, then strict UTF-8, then the Windows code pages
// (1258, Vietnamese, when it reads as more Vietnamese than 1252; TCVN3 and VNI arrive as 1252 and are
// recognised later). Files that are not text at all (images, archives, databases) are refused.
import { isVietnameseSyllable } from '../../shared/vietnamese/legacy.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1258';

export const TEXT_ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'bảng mã UTF-8',
  'utf-16le': 'bảng mã UTF-16',
  'utf-16be': 'bảng mã UTF-16',
  'windows-1252': 'bảng mã Windows-1252',
  'windows-1258': 'bảng mã Windows-1258 (tiếng Việt)',
};

const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'một ảnh PNG'],
  [[0xff, 0xd8, 0xff], 'một ảnh JPEG'],
  [[0x47, 0x49, 0x46, 0x38], 'một ảnh GIF'],
  [[0x25, 0x50, 0x44, 0x46], 'một tệp PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'một tệp nén (có thể là tệp Excel .xlsx hoặc Word .docx bị đổi tên)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'một tệp Excel hoặc Word cũ (.xls, .doc); hãy lưu lại thành .xlsx hoặc .csv'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'một cơ sở dữ liệu SQLite'],
];

export class NotText extends Error {}

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** UTF-16 without a BOM: zero bytes in one half of the pairs only, as ASCII-heavy UTF-16 text has. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(bytes.length >> 1, 2048);
  if (pairs < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) even++;
    if (bytes[2 * i + 1] === 0) odd++;
  }
  if (odd > pairs * 0.3 && even === 0) return 'utf-16le';
  if (even > pairs * 0.3 && odd === 0) return 'utf-16be';
  return null;
}

const vietnameseWords = (text: string) =>
  text
    .normalize('NFC')
    .split(/[^\p{L}]+/u)
    .filter((w) => /[^\p{ASCII}]/u.test(w) && isVietnameseSyllable(w)).length;

/** Decodes a text file; throws NotText (with a Vietnamese clause) for a file that is not text. */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const decode = (encoding: TextEncoding, from = 0) => new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(from));
  for (const [signature, what] of SIGNATURES) if (startsWith(bytes, signature)) throw new NotText(`tệp không phải văn bản mà là ${what}`);
  const bom: [number[], TextEncoding][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  let encoding: TextEncoding | null = null;
  let from = 0;
  for (const [signature, named] of bom) {
    if (startsWith(bytes, signature)) {
      encoding = named;
      from = signature.length;
      break;
    }
  }
  encoding ??= utf16WithoutBom(bytes);
  let text: string;
  if (encoding) {
    try {
      text = decode(encoding, from);
    } catch {
      throw new NotText(`tệp ghi là ${TEXT_ENCODING_LABELS[encoding]} nhưng có ký tự sai mã`);
    }
  } else {
    try {
      text = decode('utf-8');
      encoding = 'utf-8';
    } catch {
      const western = new TextDecoder('windows-1252').decode(bytes);
      const vietnamese = new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
      [text, encoding] = vietnameseWords(vietnamese) > vietnameseWords(western) ? [vietnamese, 'windows-1258'] : [western, 'windows-1252'];
    }
  }
  // eslint-disable-next-line no-control-regex -- control characters are what is counted
  const controls = text.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > 0 && controls * 100 > text.length) throw new NotText('tệp không phải văn bản (có nhiều ký tự điều khiển)');
  return { text, encoding };
}
