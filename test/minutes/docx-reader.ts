// An independent DOCX reader for the tests (jszip + fast-xml-parser, not the docx package that wrote the file):
// the body in order, paragraphs with their effective run styles, tables, page setup and headers.
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text content of a text node ("#text"). */
  text: string;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

function toNodes(raw: unknown): XmlNode[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((entry: Record<string, unknown>) => {
    const attrs = (entry[':@'] ?? {}) as Record<string, string>;
    const name = Object.keys(entry).find((k) => k !== ':@') ?? '';
    if (name === '#text') return { name, attrs, children: [], text: String(entry[name]) };
    return { name, attrs, children: toNodes(entry[name]), text: '' };
  });
}

export function parseXml(xml: string): XmlNode[] {
  return toNodes(parser.parse(xml));
}

export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => node?.children.find((c) => c.name === name);
export const childrenNamed = (node: XmlNode | undefined, name: string): XmlNode[] => node?.children.filter((c) => c.name === name) ?? [];
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}
const textOf = (node: XmlNode): string => node.children.map((c) => (c.name === '#text' ? c.text : textOf(c))).join('');
const val = (node: XmlNode | undefined): string | undefined => node?.attrs['w:val'];
/** An on/off property: present and not switched off. */
const isOn = (node: XmlNode | undefined): boolean | undefined => (node ? !['0', 'false', 'off'].includes(val(node) ?? 'true') : undefined);

export interface RunStyle {
  fonts: { ascii?: string; hAnsi?: string; cs?: string; eastAsia?: string };
  sizePt?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

function runStyleOf(rPr: XmlNode | undefined): RunStyle {
  const fonts = child(rPr, 'w:rFonts')?.attrs ?? {};
  const size = val(child(rPr, 'w:sz'));
  const u = child(rPr, 'w:u');
  return {
    fonts: { ascii: fonts['w:ascii'], hAnsi: fonts['w:hAnsi'], cs: fonts['w:cs'], eastAsia: fonts['w:eastAsia'] },
    sizePt: size === undefined ? undefined : Number(size) / 2,
    bold: isOn(child(rPr, 'w:b')),
    italic: isOn(child(rPr, 'w:i')),
    underline: u ? val(u) !== 'none' : undefined,
  };
}

/** Later styles win where they say something. */
function merge(...styles: RunStyle[]): Required<RunStyle> {
  const out: Required<RunStyle> = { fonts: {}, sizePt: 0, bold: false, italic: false, underline: false };
  for (const s of styles) {
    for (const [k, v] of Object.entries(s.fonts)) if (v !== undefined) out.fonts[k as keyof RunStyle['fonts']] = v;
    if (s.sizePt !== undefined) out.sizePt = s.sizePt;
    if (s.bold !== undefined) out.bold = s.bold;
    if (s.italic !== undefined) out.italic = s.italic;
    if (s.underline !== undefined) out.underline = s.underline;
  }
  return out;
}

export interface RunInfo extends Required<RunStyle> {
  text: string;
}

export interface ParagraphInfo {
  type: 'paragraph';
  text: string;
  runs: RunInfo[];
  align: string | undefined;
  indent: Record<string, number>;
  spacing: { before?: number; after?: number; line?: number; lineRule?: string };
  borders: string[];
  keepNext: boolean;
  /** Field instructions in the paragraph (" PAGE "). */
  fields: string[];
}

export interface TableInfo {
  type: 'table';
  widthTwips: number;
  gridTwips: number[];
  borders: Record<string, string>;
  rows: ParagraphInfo[][][];
}

export type BlockInfo = ParagraphInfo | TableInfo;

export interface DocxInfo {
  blocks: BlockInfo[];
  page: { width: number; height: number; orient: string | undefined };
  marginsTwips: { top: number; bottom: number; left: number; right: number; header: number };
  titlePage: boolean;
  headers: { default?: ParagraphInfo[]; first?: ParagraphInfo[] };
  defaults: Required<RunStyle>;
  files: string[];
}

const numberAttrs = (node: XmlNode | undefined): Record<string, number> =>
  Object.fromEntries(Object.entries(node?.attrs ?? {}).map(([k, v]) => [k.replace(/^w:/, ''), Number(v)]));

function readParagraph(p: XmlNode, base: Required<RunStyle>): ParagraphInfo {
  const pPr = child(p, 'w:pPr');
  const runs: RunInfo[] = [];
  const fields: string[] = [];
  for (const r of descendants(p, 'w:r')) {
    const style = merge(base, runStyleOf(child(r, 'w:rPr')));
    let text = '';
    for (const c of r.children) {
      if (c.name === 'w:t') text += textOf(c);
      else if (c.name === 'w:br') text += '\n';
      else if (c.name === 'w:tab') text += '\t';
      else if (c.name === 'w:instrText') fields.push(textOf(c));
    }
    runs.push({ ...style, text });
  }
  for (const f of descendants(p, 'w:fldSimple')) fields.push(f.attrs['w:instr'] ?? '');
  const spacing = numberAttrs(child(pPr, 'w:spacing'));
  return {
    type: 'paragraph',
    text: runs.map((r) => r.text).join(''),
    runs: runs.filter((r) => r.text !== ''),
    align: val(child(pPr, 'w:jc')),
    indent: numberAttrs(child(pPr, 'w:ind')),
    spacing: { before: spacing.before, after: spacing.after, line: spacing.line, lineRule: child(pPr, 'w:spacing')?.attrs['w:lineRule'] },
    borders: (child(pPr, 'w:pBdr')?.children ?? []).filter((b) => val(b) !== 'none' && val(b) !== 'nil').map((b) => b.name.replace(/^w:/, '')),
    keepNext: isOn(child(pPr, 'w:keepNext')) ?? false,
    fields,
  };
}

function readTable(tbl: XmlNode, base: Required<RunStyle>): TableInfo {
  const tblPr = child(tbl, 'w:tblPr');
  const borders = Object.fromEntries((child(tblPr, 'w:tblBorders')?.children ?? []).map((b) => [b.name.replace(/^w:/, ''), val(b) ?? '']));
  return {
    type: 'table',
    widthTwips: Number(child(tblPr, 'w:tblW')?.attrs['w:w']),
    gridTwips: childrenNamed(child(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w'])),
    borders,
    rows: childrenNamed(tbl, 'w:tr').map((tr) => childrenNamed(tr, 'w:tc').map((tc) => childrenNamed(tc, 'w:p').map((p) => readParagraph(p, base)))),
  };
}

export async function readDocx(bytes: Uint8Array): Promise<DocxInfo> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (path: string): Promise<XmlNode> => {
    const file = zip.file(path);
    if (!file) throw new Error(`missing part ${path}`);
    const nodes = parseXml(await file.async('string'));
    const root = nodes.find((n) => n.name !== '?xml');
    if (!root) throw new Error(`empty part ${path}`);
    return root;
  };

  // Effective defaults: docDefaults, then the default paragraph style.
  const styles = await read('word/styles.xml');
  const docDefaults = runStyleOf(child(child(child(styles, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'));
  const normal = childrenNamed(styles, 'w:style').find((s) => s.attrs['w:type'] === 'paragraph' && ['1', 'true'].includes(s.attrs['w:default'] ?? ''));
  const defaults = merge(docDefaults, runStyleOf(child(normal, 'w:rPr')));

  const document = await read('word/document.xml');
  const body = child(document, 'w:body');
  const blocks: BlockInfo[] = [];
  for (const node of body?.children ?? []) {
    if (node.name === 'w:p') blocks.push(readParagraph(node, defaults));
    if (node.name === 'w:tbl') blocks.push(readTable(node, defaults));
  }

  const sectPr = child(body, 'w:sectPr');
  const pgSz = child(sectPr, 'w:pgSz');
  const pgMar = numberAttrs(child(sectPr, 'w:pgMar'));
  const rels = await read('word/_rels/document.xml.rels');
  const target = (id: string) => childrenNamed(rels, 'Relationship').find((r) => r.attrs.Id === id)?.attrs.Target ?? '';
  const headers: DocxInfo['headers'] = {};
  for (const ref of childrenNamed(sectPr, 'w:headerReference')) {
    const part = await read(`word/${target(ref.attrs['r:id'] ?? '')}`);
    headers[ref.attrs['w:type'] as 'default' | 'first'] = childrenNamed(part, 'w:p').map((p) => readParagraph(p, defaults));
  }
  return {
    blocks,
    page: { width: Number(pgSz?.attrs['w:w']), height: Number(pgSz?.attrs['w:h']), orient: pgSz?.attrs['w:orient'] },
    marginsTwips: { top: pgMar.top ?? NaN, bottom: pgMar.bottom ?? NaN, left: pgMar.left ?? NaN, right: pgMar.right ?? NaN, header: pgMar.header ?? NaN },
    titlePage: isOn(child(sectPr, 'w:titlePg')) ?? false,
    headers,
    defaults,
    files: Object.keys(zip.files),
  };
}

/** Every paragraph in reading order, table cells included (row by row, left to right). */
export function allParagraphs(blocks: BlockInfo[]): ParagraphInfo[] {
  return blocks.flatMap((b) => (b.type === 'paragraph' ? [b] : b.rows.flatMap((row) => row.flatMap((cell) => cell))));
}

/** The non-empty paragraph texts in reading order. */
export const texts = (blocks: BlockInfo[]): string[] =>
  allParagraphs(blocks)
    .map((p) => p.text)
    .filter((t) => t !== '');
