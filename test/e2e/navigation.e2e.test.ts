// End to end: nothing hostile content could do takes the page away from the app or opens a window:
// links (plain, new tab, middle click), forms, redirects (script, meta refresh), window.open, dropped URLs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { documents } from '../../electron/minutes/documents.ts';
import { createStore, openDatabase, type Store } from '../../electron/store/index.ts';
import { BRIDGE_INIT_SCRIPT, startBridge, type Bridge } from './bridge.ts';
import { launchChromium } from './browser.ts';

// The renderer built for this run by build-renderer.ts (never a stale out/).
const RENDERER = inject('rendererDir');

describe('the page stays the app', () => {
  let browser: Browser;
  let bridge: Bridge;
  let store: Store;
  let page: Page;
  let popups: number;
  // Made in beforeAll, so that a suite that is collected but never run leaves no folder behind.
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bien-ban-e2e-nav-'));
    store = createStore(openDatabase(join(dir, 'bien-ban.sqlite')));
    bridge = await startBridge({ root: RENDERER, store, documents, saveDir: dir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.close();
    store?.db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    const context = await browser.newContext();
    page = await context.newPage();
    popups = 0;
    context.on('page', () => popups++);
    await page.addInitScript(BRIDGE_INIT_SCRIPT);
    await page.goto(bridge.url);
    await page.getByRole('heading', { name: 'Danh sách hội nghị' }).waitFor();
  });

  /** Puts hostile markup into the page, as text pasted or a file imported might try to. */
  const plant = (html: string) =>
    page.evaluate((markup) => {
      const box = document.createElement('div');
      box.id = 'planted';
      box.innerHTML = markup;
      document.body.append(box);
    }, html);

  const stillHome = async () => {
    await page.waitForTimeout(300);
    expect(page.url()).toBe(bridge.url);
    expect(await page.getByRole('heading', { name: 'Danh sách hội nghị' }).isVisible()).toBe(true);
    expect(popups).toBe(0);
  };

  it('ignores a link, a link to a new window and a middle click', async () => {
    await plant(
      '<a id="a" href="https://example.com/">trang ngoài</a> <a id="b" href="https://example.com/" target="_blank">cửa sổ mới</a> <a id="c" href="/other.html">trang khác</a>',
    );
    await page.click('#a');
    await page.click('#b');
    await page.click('#c');
    await page.click('#a', { button: 'middle' });
    await page.click('#b', { modifiers: ['Control'] });
    await stillHome();
  });

  it('ignores a form submission', async () => {
    await plant('<form id="f" action="https://example.com/" method="post"><button id="go">Gửi</button></form>');
    await page.click('#go');
    await stillHome();
  });

  it('runs no planted script and follows no meta refresh', async () => {
    await plant('<img src="x" onerror="location.href=\'https://example.com/\'"><meta http-equiv="refresh" content="0;url=https://example.com/">');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = "location.href = 'https://example.com/'";
      document.body.append(script);
    });
    await page.waitForTimeout(700);
    await stillHome();
  });

  it('keeps its address when a script pushes or replaces another one in the history', async () => {
    await page.evaluate(() => {
      history.pushState({}, '', '/other.html');
      history.replaceState({}, '', '/elsewhere.html');
    });
    await stillHome();
  });

  it('opens no window through window.open', async () => {
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    await stillHome();
  });

  it('does not navigate on a dropped link or file', async () => {
    const prevented = await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/uri-list', 'https://example.com/');
      data.items.add(new File(['x'], 'bien-ban.html', { type: 'text/html' }));
      const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
      const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
      document.body.dispatchEvent(over);
      document.body.dispatchEvent(drop);
      return [over.defaultPrevented, drop.defaultPrevented];
    });
    expect(prevented).toEqual([true, true]);
    await stillHome();
  });
});
