// End to end: an archive of 500 meetings in the list. Only the rows in view are in the page; the wheel brings the
// oldest into view; typing part of a name without accents finds one, the keyboard opens it; the list comes back
// with the keyboard, and a meeting deleted from it is gone from the store (screenshot of the list).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { documents } from '../../electron/minutes/documents.ts';
import { createStore, openDatabase, type Store } from '../../electron/store/index.ts';
import { meetingFields } from '../../shared/model/meeting.ts';
import { BRIDGE_INIT_SCRIPT, startBridge, type Bridge } from './bridge.ts';
import { launchChromium } from './browser.ts';

const RENDERER = inject('rendererDir');
const SCREENSHOTS = new URL('../../out/screenshots', import.meta.url).pathname;
const MEETINGS = 500;

describe('a long meetings list', () => {
  let browser: Browser;
  let bridge: Bridge;
  let store: Store;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-e2e-list-'));

  beforeAll(async () => {
    store = createStore(openDatabase(join(dir, 'bien-ban.sqlite')));
    store.transaction(() => {
      for (let i = 1; i <= MEETINGS; i++) {
        const date = `${2010 + Math.floor(i / 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        store.bulk.create(meetingFields.parse({ title: `Hội nghị giao ban lần ${i}`, kind: 'Giao ban', date, number: i }), {
          sites: [{ key: 's', name: 'Hội trường', location: '', level: 'other', isMain: true, attendeeCount: 20 + i, attendees: [] }],
        });
      }
      store.bulk.create(meetingFields.parse({ title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh Điện Biên', date: '2001-05-19' }), {});
      store.bulk.create(
        meetingFields.parse({
          title: 'Cuộc họp Ủy ban nhân dân tỉnh về kế hoạch phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh và chuyển đổi số năm 2027',
          format: 'state',
          kind: 'Cuộc họp',
          date: '2030-01-02',
        }),
        {},
      );
    });
    bridge = await startBridge({ root: RENDERER, store, documents, saveDir: dir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.addInitScript(BRIDGE_INIT_SCRIPT);
    await page.goto(bridge.url);
    await page.getByRole('heading', { name: 'Danh sách hội nghị' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    store?.db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const list = () => page.getByRole('list', { name: 'Các hội nghị, mới nhất trước' });
  const titles = () => list().locator('button.link').allTextContents();

  it('renders only the rows in view, newest first, and the wheel brings the oldest into view (screenshot)', async () => {
    const newest = store.meetings
      .list()
      .slice(0, 2)
      .map((m) => m.title);
    await list().locator('button.link').first().waitFor();
    const shown = await titles();
    expect(shown.slice(0, 2)).toEqual(newest);
    expect(shown.length).toBeLessThan(60);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'meetings-list.png') });

    await list().hover();
    for (let i = 0; i < 40 && !(await titles()).includes('Hội nghị Ban Chấp hành Đảng bộ tỉnh Điện Biên'); i++) await page.mouse.wheel(0, 2000);
    expect((await titles()).at(-1)).toBe('Hội nghị Ban Chấp hành Đảng bộ tỉnh Điện Biên');
    expect((await titles()).length).toBeLessThan(60);
  });

  it('finds a meeting by part of its name without accents and opens it with the keyboard', async () => {
    const search = page.getByRole('searchbox', { name: 'Tìm hội nghị' });
    await search.click();
    await page.keyboard.type('dang bo tinh dien');
    await expect.poll(titles).toEqual(['Hội nghị Ban Chấp hành Đảng bộ tỉnh Điện Biên']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh Điện Biên' }).waitFor();
  });

  it('comes back to the list with Ctrl+L and deletes a meeting from it', async () => {
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Danh sách hội nghị' }).waitFor();
    const search = page.getByRole('searchbox', { name: 'Tìm hội nghị' });
    await search.click();
    await search.press('Control+a');
    await page.keyboard.type('lần 250');
    await expect.poll(titles).toEqual(['Hội nghị giao ban lần 250']);
    await page.getByRole('button', { name: 'Xóa hội nghị Hội nghị giao ban lần 250' }).click();
    await page.getByRole('dialog', { name: 'Xóa hội nghị?' }).getByRole('button', { name: 'Xóa hội nghị' }).click();
    await page.getByText('Đã xóa hội nghị “Hội nghị giao ban lần 250”.').waitFor();
    const stored = store.meetings.list();
    expect(stored).toHaveLength(MEETINGS + 1);
    expect(stored.some((m) => m.title === 'Hội nghị giao ban lần 250')).toBe(false);
  });
});
