// @vitest-environment jsdom
// The HTML preview draws the same model as the Word file: same text, same order, the layout table's numbers.
import { describe, expect, it } from 'vitest';
import { getMeetingRecord } from '../../electron/services/meetings.ts';
import type { DocumentModel } from '../../shared/minutes/document.ts';
import { previewStylesheet, renderHtml } from '../../shared/minutes/html.ts';
import { buildMinutes } from '../../shared/minutes/model.ts';
import { buildNotice } from '../../shared/minutes/notice.ts';
import { memoryStore } from '../support/store.ts';
import { modelTexts, PROFILE, withFixture } from './support.ts';

const parse = (html: string): Document => new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
/** The preview as the page shows it: the markup in the live document, with its stylesheet. */
const show = (doc: DocumentModel): Document => {
  document.head.innerHTML = `<style>${previewStylesheet(doc.format)}</style>`;
  document.body.innerHTML = renderHtml(doc);
  return document;
};
const computed = (element: Element | null | undefined): CSSStyleDeclaration => {
  if (!element) throw new Error('no element');
  return window.getComputedStyle(element);
};
const paragraphTexts = (page: Document): string[] => [...page.querySelectorAll('p')].map((p) => p.textContent ?? '').filter((t) => t !== '');
const byText = (page: Document, text: string): HTMLElement => {
  const found = [...page.querySelectorAll('p')].find((p) => p.textContent === text);
  if (!found) throw new Error(`no paragraph "${text}"`);
  return found;
};

function fixtureDocs(): Record<string, DocumentModel> {
  const store = memoryStore();
  const record = getMeetingRecord(store, withFixture(store));
  return {
    party: buildMinutes(record, PROFILE, { format: 'party' }),
    state: buildMinutes(record, PROFILE, { format: 'state' }),
    notice: buildNotice(record, PROFILE, { issuedOn: '2021-10-05' }),
  };
}

describe('the HTML preview', () => {
  it.each(['party', 'state', 'notice'])('%s: has exactly the paragraphs of the model, in order', (name) => {
    const doc = fixtureDocs()[name];
    if (!doc) throw new Error(name);
    expect(paragraphTexts(parse(renderHtml(doc)))).toEqual(modelTexts(doc));
  });

  it('lays the page out with the numbers of the layout table', () => {
    const { party, state } = fixtureDocs();
    if (!party || !state) throw new Error('docs');
    const page = show(party);
    const article = page.querySelector('article');
    expect(article?.getAttribute('lang')).toBe('vi');
    expect(computed(article).width).toBe('210mm');
    expect(computed(article).padding).toBe('20mm 15mm 20mm 30mm');
    expect(computed(article).fontFamily).toContain('Times New Roman');

    const nation = byText(page, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect([computed(nation).fontSize, computed(nation).fontWeight, computed(nation).textAlign]).toEqual(['15pt', 'bold', 'center']);
    expect(computed(nation.querySelector('.rule')).borderTop).toBe('0.75pt solid rgb(0, 0, 0)');
    const date = byText(page, 'Hà Nội, ngày 30 tháng 9 năm 2021');
    expect([computed(date).fontSize, computed(date).fontStyle]).toEqual(['14pt', 'italic']);
    const time = computed(byText(page, 'Thời gian: vào hồi 14 giờ 00, ngày 30 tháng 9 năm 2021.'));
    expect([time.fontSize, time.textAlign, time.textIndent, time.lineHeight, time.marginBottom]).toEqual(['14pt', 'justify', '10mm', '18pt', '6pt']);
    expect(byText(page, 'Thời gian: vào hồi 14 giờ 00, ngày 30 tháng 9 năm 2021.').querySelector('strong')?.textContent).toBe('Thời gian: ');
    expect(computed(page.querySelector('table.t-header col.c1')).width).toBe('78mm');

    const statePage = show(state);
    expect(computed(byText(statePage, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).fontSize).toBe('12pt');
    expect(computed(byText(statePage, 'Nơi nhận:')).fontStyle).toBe('italic');
  });

  it('escapes every text and turns a newline into a line break', () => {
    const doc: DocumentModel = {
      kind: 'minutes',
      format: 'party',
      author: '',
      title: '',
      missing: [],
      advice: [],
      blocks: [{ type: 'paragraph', role: 'body', runs: [{ text: '<script>alert("x")</script> & <b>\'đậm\'</b>\nDòng hai', strong: true }] }],
    };
    const html = renderHtml(doc);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('style=');
    expect(html).not.toContain('<b>');
    const page = parse(html);
    expect(page.querySelector('script')).toBeNull();
    const p = page.querySelector('p');
    expect(p?.querySelector('strong')?.innerHTML).toBe('&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;\'đậm\'&lt;/b&gt;<br>Dòng hai');
    expect(p?.textContent).toBe('<script>alert("x")</script> & <b>\'đậm\'</b>Dòng hai');
  });
});
