// Runs and paragraphs whose properties are built once per style. docx builds a run's and a paragraph's
// properties anew for each of them and works out their XML each time, which was most of the time of a
// national meeting's minutes. Here the properties of each style are docx's own RunProperties and
// ParagraphProperties, built once and prepared once (a component's prepForXml is docx's extension point),
// and each run and paragraph is assembled around them. The XML is docx's, byte for byte
// (test/minutes/docx-prepared.test.ts compares it with docx's TextRun and Paragraph).
import {
  BaseXmlComponent,
  BuilderElement,
  Paragraph,
  ParagraphProperties,
  RunProperties,
  XmlComponent,
  type IContext,
  type IParagraphOptions,
  type IRunOptions,
  type IXmlableObject,
} from 'docx';

/** A component whose XML is worked out the first time it is written, then written as it is wherever it is used. */
class Prepared extends BaseXmlComponent {
  private xml: IXmlableObject | undefined;
  private readonly inner: BaseXmlComponent;

  constructor(inner: BaseXmlComponent) {
    super('prepared');
    this.inner = inner;
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    this.xml ??= this.inner.prepForXml(context);
    return this.xml;
  }
}

export type RunStyle = Omit<IRunOptions, 'text' | 'break' | 'children'>;
export type ParagraphStyle = Omit<IParagraphOptions, 'children' | 'text'>;

const LINE_BREAK = new Prepared(new BuilderElement({ name: 'w:br' }));
/** What docx's Text writes before a text: spaces kept. */
const PRESERVE = { _attr: { 'xml:space': 'preserve' } };

/** One piece of text of one style; `lineBreak` starts it on a new line, as TextRun's `break: 1`. */
class StyledRun extends XmlComponent {
  constructor(properties: Prepared, text: string, lineBreak: boolean) {
    super('w:r');
    this.root.push(properties);
    if (lineBreak) this.root.push(LINE_BREAK);
    this.root.push({ 'w:t': [PRESERVE, text] });
  }
}

/** A paragraph of prepared properties and runs; a docx Paragraph, so it goes wherever one goes. */
class StyledParagraph extends Paragraph {
  constructor(properties: Prepared, runs: StyledRun[]) {
    super({});
    this.root.splice(0, this.root.length, properties, ...runs);
  }
}

/** The styles met so far, each built and prepared once, by a key naming everything that makes the style. */
export class StyleCache {
  private readonly runs = new Map<string, Prepared>();
  private readonly paragraphs = new Map<string, Prepared>();

  run(key: string, style: () => RunStyle): Prepared {
    let found = this.runs.get(key);
    if (!found) this.runs.set(key, (found = new Prepared(new RunProperties(style()))));
    return found;
  }

  paragraph(key: string, style: () => ParagraphStyle): Prepared {
    let found = this.paragraphs.get(key);
    if (!found) this.paragraphs.set(key, (found = new Prepared(new ParagraphProperties(style()))));
    return found;
  }
}

/** A text of one style: its lines as runs, every line after the first on a new line. */
export function styledRuns(properties: Prepared, text: string): StyledRun[] {
  return text.split('\n').map((line, i) => new StyledRun(properties, line, i > 0));
}

export function styledParagraph(properties: Prepared, runs: StyledRun[]): Paragraph {
  return new StyledParagraph(properties, runs);
}
