// Word files read into a speech, a conclusion, the content or the documents list (readWordFile, through the
// real handler): a real multi-page report read exactly, paragraph by paragraph, list items as paragraphs; and
// files that are not what their name says, zip bombs, huge files and Word 97 files refused with a Vietnamese
// message, the store and the file left byte for byte.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../shared/text.ts';
import type { WordFile } from '../../shared/word-file.ts';
import { hashOf, hostileStore, special } from '../support/hostile.ts';
import { zipOf } from '../support/xlsx.ts';

/** A real press report (the 2020 national online conference), as its paragraphs. */
const REPORT = readFileSync(new URL('../../../shared/examples/national-online-conference-2020.txt', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);

const BULLETS = ['Tiếp tục quán triệt Nghị quyết Đại hội XIII của Đảng;', 'Rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025 – 2030.'];
const NUMBERED = ['Hoàn thành đại hội chi bộ trước ngày 30-6;', 'Báo cáo kết quả về Ban Tổ chức Trung ương.'];

/** A .docx as Word writes it (docx, the library the app writes its minutes with): pages of paragraphs, lists, a table, a soft hyphen and no-break spaces. */
async function report(copies: number): Promise<Buffer> {
  const body = Array.from({ length: copies }, () =>
    REPORT.map((text) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(text)] })),
  ).flat();
  const doc = new Document({
    creator: 'Văn phòng Tỉnh ủy',
    numbering: {
      config: [
        { reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] },
        { reference: 'numbers', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: 'BÁO CÁO TỔNG KẾT', bold: true })] }),
          ...body,
          ...BULLETS.map((text) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(text)] })),
          ...NUMBERED.map((text) => new Paragraph({ numbering: { reference: 'numbers', level: 0 }, children: [new TextRun(text)] })),
          new Paragraph({
            children: [new TextRun('Số\u00A005-BC/TU, kết quả đạt 98\u00A0%, xây dựng Đảng trong sạch, vững mạnh và họp trực tuyến (on\u00ADline).')],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [new TableCell({ children: [new Paragraph('Điểm cầu Tuyên Quang')] }), new TableCell({ children: [new Paragraph('120 đại biểu')] })],
              }),
            ],
          }),
          new Paragraph({ children: [new TextRun('Nơi nhận:'), new TextRun({ break: 1, text: '- Như trên;' })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const documentXml = (body: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8"?>${head}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
/** The smallest .docx Word opens: content types, the package's relationships, the document. */
const docx = (parts: Record<string, string | Uint8Array | null> = {}) =>
  zipOf({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': RELS, 'word/document.xml': documentXml('<w:p><w:r><w:t>Kết luận</w:t></w:r></w:p>'), ...parts });

const LAUGHS = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
const BROKEN = /tệp không phải là tệp Word \.docx \(hoặc đã bị hỏng\)/;

interface Refused {
  name: string;
  file: string;
  content: () => Promise<Buffer | string> | Buffer | string;
  code?: string;
  reason: RegExp;
}
const REFUSED: Refused[] = [
  { name: 'a text file renamed .docx', file: 'a.docx', content: () => 'Kết luận của đồng chí Bí thư', reason: BROKEN },
  { name: 'an empty file', file: 'a.docx', content: () => '', reason: BROKEN },
  { name: 'a PDF renamed .docx', file: 'a.docx', content: () => '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n', reason: BROKEN },
  { name: 'a truncated .docx', file: 'a.docx', content: async () => (await report(1)).subarray(0, 400), reason: BROKEN },
  {
    name: 'an Excel file renamed .docx',
    file: 'a.docx',
    content: () => zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }),
    reason: /./,
  },
  {
    name: 'a 61 MB part of zeros (a zip bomb)',
    file: 'a.docx',
    content: () => docx({ 'word/media/bom.bin': new Uint8Array(61 * 1024 * 1024) }),
    reason: /một phần của tệp Word khi giải nén lớn hơn 60 MB \(có thể là “bom nén”\)/,
  },
  {
    name: 'a document.xml padded to 61 MB',
    file: 'a.docx',
    content: () => docx({ 'word/document.xml': documentXml(`<w:p><w:r><w:t>a</w:t></w:r></w:p>${' '.repeat(61 * 1024 * 1024)}`) }),
    reason: /một phần của tệp Word khi giải nén lớn hơn 60 MB/,
  },
  {
    name: 'parts adding up over 100 MB',
    file: 'a.docx',
    content: () => docx(Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`word/media/p${i}.bin`, new Uint8Array(26 * 1024 * 1024)]))),
    reason: /: tệp Word khi giải nén lớn hơn 100 MB/,
  },
  {
    name: '2,001 parts',
    file: 'a.docx',
    content: () => docx(Object.fromEntries(Array.from({ length: 2_000 }, (_, i) => [`word/media/p${i}.bin`, 'x']))),
    reason: /quá nhiều phần/,
  },
  {
    name: 'billion laughs in the document',
    file: 'a.docx',
    content: () => docx({ 'word/document.xml': documentXml('<w:p><w:r><w:t>&lol2;</w:t></w:r></w:p>', LAUGHS) }),
    reason: /khai báo DOCTYPE/,
  },
  {
    name: 'over a million characters of text',
    file: 'a.docx',
    content: () => docx({ 'word/document.xml': documentXml(`<w:p><w:r><w:t>${'chữ '.repeat(260_000)}</w:t></w:r></w:p>`) }),
    reason: /văn bản dài hơn 1\.000\.000 ký tự/,
  },
  { name: 'a 31 MB file', file: 'a.docx', content: () => Buffer.alloc(31 * 1024 * 1024, 'PK'), code: 'FILE_TOO_LARGE', reason: /tệp lớn hơn giới hạn 30 MB/ },
  {
    name: 'a Word 97 .doc file',
    file: 'a.doc',
    content: () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    reason: /tệp \.doc \(Word 97–2003\) không đọc được; hãy mở tệp trong Word và lưu lại dạng \.docx/,
  },
  { name: 'a .txt file', file: 'a.txt', content: () => 'Kết luận', reason: /chỉ đọc được tệp Word \.docx/ },
];

describe('Word files refused, nothing changed', () => {
  it.each(REFUSED)(
    '$name',
    async (c) => {
      const h = hostileStore();
      const path = join(h.dir, c.file);
      writeFileSync(path, await c.content());
      const file = hashOf(path);
      h.answer.open = path;
      const before = h.state();
      const result = await h.call('readWordFile', { target: 'speech' });
      expect(result).toMatchObject({ ok: false, error: { code: c.code ?? 'FILE_UNREADABLE' } });
      expect(result.error?.message).toMatch(new RegExp(`^Không đọc được văn bản từ tệp ${c.file.replace('.', '\\.')}: `));
      expect(result.error?.message).toMatch(c.reason);
      expect(h.state()).toEqual(before);
      expect(hashOf(path)).toBe(file);
    },
    60_000,
  );

  it.each(['fifo', 'directory', 'char-device', 'dangling-symlink'] as const)('a %s named .docx', async (kind) => {
    const h = hostileStore();
    h.answer.open = await special(h.dir, kind, 'ket-luan.docx');
    const before = h.state();
    const result = await h.call('readWordFile', { target: 'conclusion' });
    expect(result.ok).toBe(false);
    expect(result.error?.message).toMatch(/^Không đọc được văn bản từ tệp .*: \p{Ll}/u);
    expect(h.state()).toEqual(before);
  });

  it('the dialog cancelled: nothing read, nothing changed', async () => {
    const h = hostileStore();
    const before = h.state();
    expect(await h.call('readWordFile', { target: 'documents' })).toEqual({ ok: true, value: null });
    expect(h.state()).toEqual(before);
  });
});

describe('a real multi-page Word file, read exactly', () => {
  it("every paragraph in order, list items marked as the minutes write them, the table's cells as paragraphs, Word's spaces and hyphens cleaned", async () => {
    const h = hostileStore();
    const path = join(h.dir, 'báo cáo tổng kết.docx');
    const bytes = await report(6);
    writeFileSync(path, bytes);
    h.answer.open = path;
    const before = h.state();
    const result = await h.call('readWordFile', { target: 'content' });
    expect(result.ok, result.error?.message).toBe(true);
    const file = result.value as WordFile;
    const expected = [
      'BÁO CÁO TỔNG KẾT',
      ...Array.from({ length: 6 }, () => REPORT.map(normalizeText)).flat(),
      ...BULLETS.map((b) => `- ${b}`),
      ...NUMBERED.map((n, i) => `${i + 1}. ${n}`),
      'Số 05-BC/TU, kết quả đạt 98 %, xây dựng Đảng trong sạch, vững mạnh và họp trực tuyến (online).',
      'Điểm cầu Tuyên Quang',
      '120 đại biểu',
      'Nơi nhận:',
      '- Như trên;',
    ];
    expect(file.paragraphs).toEqual(expected);
    expect(file.fileName).toBe('báo cáo tổng kết.docx');
    expect(file.length).toBe(expected.join('\n').length);
    expect(file.dropped).toEqual(['1 bảng (chữ trong từng ô được lấy thành đoạn)']);
    // Reading takes nothing: the secretary takes the text into the field, through the editing path.
    expect(h.state()).toEqual(before);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
