// The Word file zipped with Node's zlib holds exactly the parts docx's own Packer writes (a package's parts have no order).
import { Document, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { packageParts, packDocx } from '../../electron/minutes/docx-package.ts';
import { renderDocx } from '../../electron/minutes/docx.ts';
import { getMeetingRecord } from '../../electron/services/meetings.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { buildMinutes } from '../../shared/minutes/model.ts';
import { PROFILE, withFixture } from './support.ts';

/** Every part's text by its path, in the order of their paths; the moments of writing (core.xml) left out. */
async function parts(bytes: Uint8Array): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.values(zip.files).filter((f) => !f.dir);
  const all = await Promise.all(files.map(async (f) => [f.name, (await f.async('string')).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'WHEN')] as [string, string]));
  return all.sort(([a], [b]) => (a < b ? -1 : 1));
}

const document = () =>
  new Document({
    creator: 'Biên Bản',
    title: 'Biên bản hội nghị',
    sections: [{ children: [new Paragraph({ children: [new TextRun({ text: 'Đồng chí Nguyễn Văn Thông & "các đồng chí" <khách mời>', bold: true })] })] }],
  });

describe('the package of a Word file', () => {
  it('is compiled by docx itself, the fast way, in this release of docx', () => {
    expect(packageParts(document())?.get('word/document.xml')).toContain('Đồng chí Nguyễn Văn Thông &amp; &quot;các đồng chí&quot; &lt;khách mời&gt;');
  });

  it('holds the parts the Packer writes, byte for byte', async () => {
    const ours = await parts(await packDocx(document()));
    expect(ours.map(([path]) => path)).toContain('word/document.xml');
    expect(ours).toEqual(await parts(await Packer.toBuffer(document())));
  });

  it('holds the minutes of the fixture as the Packer would', async () => {
    const store = createStore(openDatabase(':memory:'));
    const record = getMeetingRecord(store, withFixture(store));
    store.db.close();
    const ours = await parts(await renderDocx(buildMinutes(record, PROFILE)));
    const xml = ours.find(([path]) => path === 'word/document.xml')?.[1] ?? '';
    expect(xml).toContain('BIÊN BẢN');
    expect(ours.map(([path]) => path)).toEqual(expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/styles.xml', 'word/header1.xml']));
  });
});
