// End to end in Debian's Chromium: Vietnamese typed the ways secretaries type it — an input method's
// composition (DevTools protocol IME commands) and Unikey-style rewriting (backspaces, then the new
// letters) — into the live speech field and an attendee's name field while autosave and autocomplete run;
// the stored text is checked. Then the search across meetings, with a screenshot of its results.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { documents } from '../../electron/minutes/documents.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import { createStore, openDatabase, type Store } from '../../electron/store/index.ts';
import { BRIDGE_INIT_SCRIPT, startBridge, type Bridge } from './bridge.ts';
import { launchChromium } from './browser.ts';

// The renderer built for this run by build-renderer.ts (never a stale out/).
const RENDERER = inject('rendererDir');
const SCREENSHOTS = new URL('../../out/screenshots', import.meta.url).pathname;

/** One step of typing: a composition update, its commit, a plain key, or a Unikey rewrite. */
type Step = { compose: string } | { commit: string } | { type: string } | { rewrite: number; with: string } | { pause: number };

/** Telex through an IME: each keystroke updates the composition, the word is committed at the end. */
const imeWord = (...updates: string[]): Step[] => [...updates.map((compose) => ({ compose })), { commit: updates[updates.length - 1] ?? '' }];

describe('typing Vietnamese with an input method or a rewriting tool', () => {
  let browser: Browser;
  let bridge: Bridge;
  let store: Store;
  let page: Page;
  let cdp: CDPSession;
  let meetingId = 0;
  // Made in beforeAll, so that a suite that is collected but never run leaves no folder behind.
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bien-ban-e2e-ime-'));
    mkdirSync(SCREENSHOTS, { recursive: true });
    store = createStore(openDatabase(join(dir, 'bien-ban.sqlite')));
    meetingId = createMeeting(store, { title: 'Hội nghị thử bộ gõ tiếng Việt', date: '2026-11-20' });
    const site = store.sites.add(meetingId, { name: 'Trụ sở Tỉnh ủy', level: 'province' });
    store.attendees.add(meetingId, { siteId: site.id, fullName: 'Nguyễn Văn Thông', positions: 'Bí thư Tỉnh ủy' });
    store.attendees.add(meetingId, { siteId: site.id, fullName: '' });
    const other = createMeeting(store, { title: 'Hop giao ban hoi nghi khong dau', date: '2026-10-01' });
    store.speeches.add(other, { speakerName: 'Đặng Thị Hoà', content: 'Báo cáo tổng kết hội nghị cán bộ chủ chốt.' });
    bridge = await startBridge({ root: RENDERER, store, documents, saveDir: dir });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 860 }, locale: 'vi-VN' });
    await page.addInitScript(BRIDGE_INIT_SCRIPT);
    await page.goto(bridge.url);
    cdp = await page.context().newCDPSession(page);
    await page.getByRole('button', { name: 'Hội nghị thử bộ gõ tiếng Việt', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    store?.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function play(steps: Step[]): Promise<void> {
    for (const step of steps) {
      if ('compose' in step)
        await cdp.send('Input.imeSetComposition', { text: step.compose, selectionStart: step.compose.length, selectionEnd: step.compose.length });
      else if ('commit' in step) await cdp.send('Input.insertText', { text: step.commit });
      else if ('type' in step) await page.keyboard.type(step.type);
      else if ('rewrite' in step) {
        for (let i = 0; i < step.rewrite; i++) await page.keyboard.press('Backspace');
        await page.keyboard.insertText(step.with);
      } else await page.waitForTimeout(step.pause);
    }
  }

  /** Waits until the stored value settles to the expected one (autosave is asynchronous). */
  async function stored(read: () => string, expected: string): Promise<string> {
    for (let i = 0; i < 100 && read() !== expected; i++) await page.waitForTimeout(50);
    return read();
  }

  // "Người phát biểu" by Telex in an IME, a pause longer than autosave's delay in the middle of a composition,
  // then "đồng chí" by Unikey rewriting (the second key is swallowed, the letter before rewritten):
  // d,d → ⌫ đ; o,o → ⌫ ô; n,g; f → ⌫⌫⌫ ồng.
  const SPEECH_STEPS: Step[] = [
    ...imeWord('N', 'Ng', 'Ngu', 'Nguo', 'Ngươ', 'Ngươi', 'Người'),
    { type: ' ' },
    ...imeWord('p', 'ph', 'pha', 'phat', 'phát'),
    { type: ' ' },
    { compose: 'b' },
    { compose: 'bi' },
    { pause: 700 },
    { compose: 'bie' },
    { compose: 'biê' },
    { compose: 'biêu' },
    { compose: 'biểu' },
    { commit: 'biểu' },
    { type: ' d' },
    { rewrite: 1, with: 'đ' },
    { type: 'o' },
    { rewrite: 1, with: 'ô' },
    { type: 'ng' },
    { pause: 500 },
    { rewrite: 3, with: 'ồng' },
    { type: ' chi' },
    { rewrite: 1, with: 'í' },
    { pause: 600 },
    { type: ' Th' },
    ...imeWord('u', 'uy', 'uỷ'),
    { type: '.' },
  ];
  const SPEECH = 'Người phát biểu đồng chí Thuỷ.';

  it('keeps every letter in the speech field: composition, rewriting, autosave in between', async () => {
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { level: 2, name: 'Diễn biến' }).waitFor();
    await page.getByLabel('Nội dung phát biểu', { exact: true }).click();
    await play(SPEECH_STEPS);
    await expect.poll(() => page.getByLabel('Nội dung phát biểu', { exact: true }).inputValue()).toBe(SPEECH);
    const content = () => store.speeches.list(meetingId)[0]?.content ?? '';
    expect(await stored(content, SPEECH)).toBe(SPEECH);
    expect(content()).toBe(content().normalize('NFC'));
  });

  it('keeps the composition in the speaker field while its suggestions are open', async () => {
    const speaker = page.getByLabel('Người phát biểu', { exact: true });
    await speaker.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await play([...imeWord('t', 'th', 'tho', 'thô', 'thôn', 'thông')]);
    expect(await speaker.inputValue()).toBe('thông');
    await expect.poll(() => page.getByRole('option', { name: /Nguyễn Văn Thông/ }).count()).toBeGreaterThan(0);
  });

  it('keeps every letter in an attendee name field', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { level: 2, name: 'Điểm cầu và thành phần' }).waitFor();
    const name = page.getByLabel('Họ và tên, dòng 2', { exact: true });
    await name.click();
    await play([
      ...imeWord('T', 'Tr', 'Tra', 'Trâ', 'Trân', 'Trần'),
      { type: ' ' },
      // "Thị" by rewriting: t,h,i then j → ⌫ ị
      { type: 'Thi' },
      { rewrite: 1, with: 'ị' },
      { pause: 600 },
      { type: ' ' },
      // "Hoà" composed as decomposed text (some keyboards send tổ hợp), stored composed
      ...imeWord('H', 'Ho', 'Hoa', 'Hoa\u0300'),
    ]);
    const fullName = () => store.attendees.list(meetingId)[1]?.fullName ?? '';
    expect(await stored(fullName, 'Trần Thị Hoà')).toBe('Trần Thị Hoà');
  });

  it('finds meetings typed without accents, results grouped with the passage marked (screenshot)', async () => {
    await page.goto(bridge.url);
    const search = page.getByRole('searchbox', { name: 'Tìm hội nghị' });
    await search.click();
    await page.keyboard.type('hoi nghi');
    const results = page.getByRole('region', { name: 'Kết quả tìm trong nội dung' });
    await results.waitFor();
    const groups = results.locator('li.search-group');
    await expect.poll(() => groups.count()).toBe(2);
    // Accents as typed rank first: the unaccented title, then the accented meeting.
    expect(await groups.nth(0).getByRole('button').first().textContent()).toBe('Hop giao ban hoi nghi khong dau');
    expect(await results.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['hoi nghi', 'Hội nghị', 'hội nghị']));
    await page.screenshot({ path: join(SCREENSHOTS, 'search-results.png') });
    await search.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('thủy');
    await expect.poll(() => results.locator('mark').allTextContents()).toEqual(['Thuỷ']);
  });
});
