// The chair's written conclusion arrives as a Word file: the secretary, at the keyboard, types a first line,
// tabs to "Lấy chữ từ tệp Word…", sees what will be taken and adds it after what is typed; a file that is not a
// Word file is refused in Vietnamese and the conclusion stays as it was. The store is read afterwards.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMeetingFile } from '../../electron/services/meeting-file.ts';
import { FIXTURE } from '../support/hostile.ts';
import { field, openApp, saved, screenshots, type AppUnderTest } from './app.ts';

const PARAGRAPHS = [
  'Hội nghị thống nhất đánh giá kết quả công tác quý III năm 2021.',
  'Tiếp tục quán triệt Nghị quyết Đại hội XIII của Đảng;',
  'Hoàn thành quy hoạch cán bộ trước ngày 31-12-2021.',
];

async function conclusionDocx(): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      numbering: { config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•' }] }] },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun(PARAGRAPHS[0] ?? '')] }),
            ...PARAGRAPHS.slice(1).map((text) => new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: [new TextRun(text)] })),
          ],
        },
      ],
    }),
  );
}

describe('Word in, from the keyboard', () => {
  let app: AppUnderTest;
  let page: Page;
  let meetingId = 0;
  const overall = () => app.store.conclusions.list(meetingId).find((c) => c.agendaItemId === null)?.content ?? null;

  beforeAll(async () => {
    app = await openApp({ prepare: (s) => void (meetingId = importMeetingFile(s, FIXTURE)) });
    page = app.page;
    const [meeting] = app.store.meetings.list();
    await page.getByRole('button', { name: meeting?.title ?? '', exact: true }).click();
    await page.keyboard.press('Alt+5');
    await page.getByRole('heading', { level: 2, name: 'Kết luận' }).waitFor();
  });
  afterAll(async () => {
    expect(app.problems).toEqual([]);
    await app.close();
  });

  it('a line typed, the file previewed, its paragraphs added after it, list items marked', async () => {
    const file = join(app.dir, 'kết luận của đồng chí chủ trì.docx');
    writeFileSync(file, await conclusionDocx());
    app.bridge.toOpen.push(file);
    await field(page, 'Kết luận chung').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Đồng chí chủ trì kết luận:');
    await saved(page);
    await expect.poll(overall).toBe('Đồng chí chủ trì kết luận:');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Lấy chữ từ tệp Word…');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Lấy chữ từ tệp kết luận của đồng chí chủ trì.docx' });
    await expect
      .poll(() => dialog.textContent())
      .toContain(`Sẽ lấy 3 đoạn (${PARAGRAPHS.map((p, i) => (i ? `- ${p}` : p)).join('\n').length} ký tự) vào nội dung kết luận, mỗi đoạn một dòng:`);
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual([PARAGRAPHS[0], `- ${PARAGRAPHS[1]}`, `- ${PARAGRAPHS[2]}`]);
    await screenshots(page, 'word-import-preview');
    // Nothing is taken before the secretary says so.
    expect(overall()).toBe('Đồng chí chủ trì kết luận:');
    // The focus is on "Thay …"; one step back is "Thêm vào sau chữ đã có".
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Thêm vào sau chữ đã có');
    await page.keyboard.press('Enter');
    await expect.poll(overall).toBe(['Đồng chí chủ trì kết luận:', PARAGRAPHS[0], `- ${PARAGRAPHS[1]}`, `- ${PARAGRAPHS[2]}`].join('\n'));
    await expect.poll(() => field(page, 'Kết luận chung').inputValue()).toBe(overall());
  });

  it('a file that is not a Word file: refused in Vietnamese, the conclusion as it was', async () => {
    const before = overall();
    const file = join(app.dir, 'ket-luan.docx');
    writeFileSync(file, 'Đây không phải tệp Word');
    app.bridge.toOpen.push(file);
    await field(page, 'Kết luận chung').click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toBe('Không đọc được văn bản từ tệp ket-luan.docx: tệp không phải là tệp Word .docx (hoặc đã bị hỏng).');
    expect(overall()).toBe(before);
  });
});
