// The text of a Word (.docx) file: its paragraphs and list items, in order, each one a paragraph, through the
// store's text normalisation. The file is read by the bounded reader and opened by the bounded zip (zip.ts:
// entries and sizes checked before anything is inflated); mammoth reads Word's structure from the parts that
// zip hands it, so it never inflates anything itself, and never reads a picture or a linked file.
import { basename, extname } from 'node:path';
import mammoth from 'mammoth';
import { AppError } from '../../shared/errors.ts';
import { normalizeText } from '../../shared/text.ts';
import type { WordFile } from '../../shared/word-file.ts';
import { readFileBounded } from './read-file.ts';
import { openBoundedZip, ZipRefusal, type BoundedZip } from './zip.ts';

export const WORD_LIMITS = {
  fileBytes: 30 * 1024 * 1024,
  entries: 2_000,
  partBytes: 60 * 1024 * 1024,
  totalBytes: 100 * 1024 * 1024,
  /** Characters of text taken at most: the longest field (a speech) holds 200,000. */
  characters: 1_000_000,
};

const WORD = 'tệp Word';

/** The part of mammoth's document tree this reader walks. */
interface WordNode {
  type: string;
  value?: string;
  breakType?: string;
  numbering?: { isOrdered: boolean; level: string } | null;
  children?: WordNode[];
}

/** The interface mammoth reads a .docx through (its `file` input), over the bounded zip; pictures are never read. */
function mammothFile(zip: BoundedZip) {
  return {
    exists: (name: string) => zip.entries.has(name),
    async read(name: string, encoding?: string) {
      if (!encoding) throw new ZipRefusal(`${WORD}: phần “${name}” không phải là chữ`);
      const text = await zip.text(name);
      if (text === undefined) throw new ZipRefusal(`${WORD} thiếu phần “${name}”`);
      return text;
    },
  };
}

/** Paragraphs of the tree: list items marked "- " (bullets) or "1." (numbered, per level), line breaks ending a paragraph. */
function paragraphsOf(root: WordNode, dropped: Map<string, number>): string[] {
  const out: string[] = [];
  const counters = new Map<number, number>();
  const note = (what: string) => dropped.set(what, (dropped.get(what) ?? 0) + 1);
  const textOf = (node: WordNode, parts: string[]): void => {
    switch (node.type) {
      case 'text':
        parts.push(node.value ?? '');
        return;
      case 'tab':
        parts.push(' ');
        return;
      case 'break':
        parts.push('\n');
        return;
      case 'image':
        note('hình ảnh');
        return;
      case 'noteReference':
        note('chú thích');
        return;
      case 'commentReference':
        return;
      default:
        for (const child of node.children ?? []) textOf(child, parts);
    }
  };
  const walk = (node: WordNode): void => {
    if (node.type === 'paragraph') {
      const parts: string[] = [];
      textOf(node, parts);
      const lines = parts
        .join('')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      if (lines.length === 0) return;
      const numbering = node.numbering;
      if (numbering) {
        const level = Number(numbering.level);
        // A deeper level restarts when a shallower item comes; a numbered list restarts after a bulleted one.
        for (const deeper of counters.keys()) if (deeper > level) counters.delete(deeper);
        let mark = '-';
        if (numbering.isOrdered) {
          const n = (counters.get(level) ?? 0) + 1;
          counters.set(level, n);
          mark = `${n}.`;
        } else {
          counters.delete(level);
        }
        lines[0] = `${mark} ${lines[0] ?? ''}`;
      } else {
        counters.clear();
      }
      out.push(...lines);
      return;
    }
    if (node.type === 'table') note('bảng');
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return out;
}

const DROPPED_WORDS: Record<string, string> = {
  'hình ảnh': 'hình ảnh (không lấy)',
  'chú thích': 'dấu chú thích (không lấy nội dung chú thích)',
  bảng: 'bảng (chữ trong từng ô được lấy thành đoạn)',
};

/** The file's text, read but not taken anywhere; AppError FILE_UNREADABLE in Vietnamese when it cannot be. */
export async function readWordFile(path: string, limits = WORD_LIMITS): Promise<WordFile> {
  const name = basename(path);
  const context = `Không đọc được văn bản từ tệp ${name}`;
  const refuse = (reason: string, cause?: unknown) => new AppError('FILE_UNREADABLE', `${context}: ${reason}.`, cause === undefined ? undefined : { cause });
  if (extname(name).toLowerCase() !== '.docx') {
    throw refuse(
      extname(name).toLowerCase() === '.doc'
        ? 'tệp .doc (Word 97–2003) không đọc được; hãy mở tệp trong Word và lưu lại dạng .docx'
        : 'chỉ đọc được tệp Word .docx',
    );
  }
  const bytes = readFileBounded(path, { maxBytes: limits.fileBytes, context });
  let zip: BoundedZip;
  try {
    zip = await openBoundedZip(bytes, limits, WORD);
  } catch (error) {
    throw refuse(error instanceof ZipRefusal ? error.message : 'tệp không phải là tệp Word .docx (hoặc đã bị hỏng)', error);
  }
  try {
    let tree: WordNode | null = null;
    await mammoth.convertToHtml({ file: mammothFile(zip) } as unknown as { buffer: Buffer }, {
      externalFileAccess: false,
      // The tree is what is wanted: the HTML is made of an empty document.
      transformDocument: (document: WordNode) => {
        tree = document;
        return { ...document, children: [] };
      },
    });
    if (!tree) throw refuse('tệp Word không có nội dung');
    const dropped = new Map<string, number>();
    const paragraphs = paragraphsOf(tree, dropped).map(normalizeText).filter(Boolean);
    const length = paragraphs.reduce((sum, p) => sum + p.length, 0) + Math.max(0, paragraphs.length - 1);
    if (length > limits.characters) throw refuse(`văn bản dài hơn ${limits.characters.toLocaleString('vi-VN')} ký tự`);
    return {
      fileName: name,
      paragraphs,
      length,
      dropped: [...dropped].map(([what, count]) => `${count.toLocaleString('vi-VN')} ${DROPPED_WORDS[what] ?? what}`),
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof ZipRefusal) throw refuse(error.message, error);
    throw refuse('tệp không phải là tệp Word .docx (hoặc đã bị hỏng)', error);
  } finally {
    zip.close();
  }
}
