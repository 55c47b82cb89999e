// Runs and paragraphs built once per style write the XML docx's own TextRun and Paragraph write, for every
// style of both layouts.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { StyleCache, styledParagraph, styledRuns } from '../../electron/minutes/docx-prepared.ts';
import { paragraphStyle, runStyle } from '../../electron/minutes/docx.ts';
import { LAYOUTS, type Layout, type TextStyle } from '../../shared/minutes/layout.ts';

const documentXml = async (children: Paragraph[]) => {
  const bytes = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string');
};

const TEXTS = ['Đồng chí Nguyễn Văn Thông', 'dòng một\ndòng hai\n', '', ' a & b < c > "d" \'e\' '];

describe.each(Object.entries(LAYOUTS))('%s layout', (_format, layout: Layout) => {
  const variants = Object.entries(layout.styles).flatMap(([role, style]) =>
    [false, true].flatMap((keepNext) => [false, true].map((strong) => ({ role, style, keepNext, strong }))),
  );

  it('writes each style as docx writes it', async () => {
    const cache = new StyleCache();
    const prepared: Paragraph[] = [];
    const plain: Paragraph[] = [];
    const each = (style: TextStyle, keepNext: boolean, strong: boolean, key: string) => {
      for (const text of TEXTS) {
        // Built twice from the cache, so that a shared style is written twice.
        for (let twice = 0; twice < 2; twice++) {
          const runs = [
            ...styledRuns(
              cache.run(`${key}|${strong}`, () => runStyle(layout, style, strong)),
              text,
            ),
            ...styledRuns(
              cache.run(`${key}|false`, () => runStyle(layout, style)),
              'tiếp',
            ),
          ];
          prepared.push(
            styledParagraph(
              cache.paragraph(`${key}|${keepNext}`, () => paragraphStyle(layout, style, keepNext)),
              runs,
            ),
          );
          plain.push(
            new Paragraph({
              ...paragraphStyle(layout, style, keepNext),
              children: [
                ...text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...runStyle(layout, style, strong) })),
                new TextRun({ text: 'tiếp', ...runStyle(layout, style) }),
              ],
            }),
          );
        }
      }
    };
    for (const { role, style, keepNext, strong } of variants) each(style, keepNext, strong, role);
    each({ ...layout.styles.signTitle, beforePt: layout.signatureTopPt }, false, false, 'signTitle-top');
    const expected = await documentXml(plain);
    expect(expected).toContain('Đồng chí Nguyễn Văn Thông');
    expect(await documentXml(prepared)).toBe(expected);
  });
});
