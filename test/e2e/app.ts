// The app under test in Debian's Chromium: the renderer built for this run (see build-renderer.ts), the
// real handlers over a store in a temporary folder (test bridge), and helpers that act as a person at
// the keyboard does. Tests read the store afterwards to check what was kept.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { NO_VAULT, Session, VAULT_NOTES } from '../../electron/api/session.ts';
import type { AudioStore } from '../../electron/audio/store.ts';
import { documents } from '../../electron/minutes/documents.ts';
import { createStore, openDatabase, type Store } from '../../electron/store/index.ts';
import type { Dialogs } from '../../electron/api/handlers.ts';
import { BRIDGE_INIT_SCRIPT, startBridge, type Bridge } from './bridge.ts';
import { launchChromium } from './browser.ts';

export const SCREENSHOTS = new URL('../../out/screenshots', import.meta.url).pathname;
export const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** The desktop app's vault on Linux without a keyring (as on this machine): no key kept, the passphrase asked. */
const LINUX_WITHOUT_KEYRING = { ...NO_VAULT, unavailable: () => VAULT_NOTES.obfuscated };

export interface AppOptions {
  /** Fills the store before the page opens. */
  prepare?(store: Store): void;
  /** The browser's locale (the system locale of the secretary's machine). */
  locale?: string;
  viewport?: { width: number; height: number };
  slow?: Partial<Record<string, number>>;
  /** The store owned by a session, as in the desktop app (encrypt, unlock); nothing keeps its key between runs. */
  session?: boolean;
  /** More Chromium switches (a fake microphone). */
  chromiumArgs?: readonly string[];
  /** The recordings' store, when the test sets it up itself (a clock of its own). */
  audio?(store: Store): AudioStore;
}

export interface AppUnderTest {
  /** The open store (the session's, when there is one: it changes when the store is encrypted). */
  readonly store: Store;
  session: Session | null;
  /** The app started again over the same files (a session's store closed and opened anew, locked if encrypted). */
  restart(): Promise<void>;
  bridge: Bridge;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dir: string;
  /** Errors the page logged: a test ends with none. */
  problems: string[];
  /** Milliseconds the bridge waits before answering a channel; change it to slow the store down. */
  slow: Partial<Record<string, number>>;
  /** Opens the app in a new tab of the same profile (after the previous one was closed). */
  reopen(): Promise<Page>;
  close(): Promise<void>;
}

export async function openApp(options: AppOptions = {}): Promise<AppUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-e2e-'));
  const file = join(dir, 'bien-ban.sqlite');
  const own = createStore(openDatabase(file));
  options.prepare?.(own);
  if (options.session) own.db.close();
  let session: Session | null = null;
  const handlers = options.session
    ? async (dialogs: Dialogs) => {
        session = new Session({
          file,
          backupsDir: join(dir, 'backups'),
          dialogs,
          documents,
          vault: LINUX_WITHOUT_KEYRING,
          prompt: { confirmRestore: async () => false },
        });
        await session.start();
        return session.handlers();
      }
    : undefined;
  const slow = { ...options.slow };
  const bridge = await startBridge({
    root: inject('rendererDir'),
    store: options.session ? undefined : own,
    handlers,
    documents,
    saveDir: dir,
    slow,
    audio: options.session ? undefined : options.audio?.(own),
  });
  const browser = await launchChromium(options.locale, options.chromiumArgs);
  const context = await browser.newContext({ viewport: options.viewport ?? SIZES[0], locale: options.locale ?? 'vi-VN' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: bridge.url });
  await context.addInitScript(BRIDGE_INIT_SCRIPT);
  const problems: string[] = [];
  const open = async () => {
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(bridge.url);
    return page;
  };
  const app: AppUnderTest = {
    get store() {
      if (!session) return own;
      const current = session.current();
      if (!current) throw new Error('the store is locked');
      return current;
    },
    get session() {
      return session;
    },
    restart: async () => {
      if (!session) throw new Error('restart needs a session');
      session.close();
      await session.start();
    },
    bridge,
    browser,
    context,
    dir,
    problems,
    slow,
    page: await open(),
    reopen: async () => {
      app.page = await open();
      return app.page;
    },
    close: async () => {
      await browser.close();
      await bridge.close();
      if (session) (session as Session).close();
      else own.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}

/** The field with exactly this accessible name. */
export const field = (page: Page, label: string): Locator => page.getByLabel(label, { exact: true });

/** Clicks into a field, selects what it holds and types over it, as a person replacing a value does. */
export async function retype(page: Page, label: string | Locator, text: string): Promise<void> {
  const target = typeof label === 'string' ? field(page, label) : label;
  await target.click();
  await page.keyboard.press('Control+A');
  if (text === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(text);
}

/** Chooses an option of a focused <select> with the arrow keys, as from the keyboard. */
export async function choose(page: Page, select: string | Locator, optionLabel: string): Promise<void> {
  const target = typeof select === 'string' ? field(page, select) : select;
  await target.focus();
  const { options, current } = await target.evaluate((element) => {
    const list = element as HTMLSelectElement;
    return { options: [...list.options].map((o) => o.label), current: list.selectedIndex };
  });
  const wanted = options.indexOf(optionLabel);
  if (wanted < 0) throw new Error(`no option “${optionLabel}” in ${options.join(', ')}`);
  const key = wanted > current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(wanted - current); i++) await page.keyboard.press(key);
  await expect.poll(() => target.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.label)).toBe(optionLabel);
}

/** Waits until the save indicator says everything is stored. */
export async function saved(page: Page): Promise<void> {
  await page.getByRole('status', { name: 'Trạng thái lưu' }).filter({ hasText: 'Đã lưu' }).waitFor();
}

/** Copies text to the clipboard (as from Excel or Word) and pastes it into the focused field with Ctrl+V. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => navigator.clipboard.writeText(data), text);
  await page.keyboard.press('Control+V');
}

/** A screenshot of the page as it is, at each of the sizes the app is used at, into out/screenshots. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  if (original) await page.setViewportSize(original);
}
