// Benchmark: the app's screens with the national-scale meeting open, in Debian's Chromium against the real
// services (the test bridge), each figure beside the same figure for an ordinary meeting (three attendees, from
// the test fixture) in the same run: time to first render of each section of the meeting editor (budget 200 ms),
// the preview's document shown (built by the main process), and the page's work per keystroke in the speech field
// (key and input handlers, React's render and commit, the autosave bookkeeping; budget p95 8 ms), and the same at
// the end of a 20,000-character speech opened again, beside the new speech's figure (no budget).
// Run: npm run bench -- ui   (builds nothing: run npm run build first)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { documents } from '../electron/minutes/documents.ts';
import { importMeeting, parseMeetingFile } from '../electron/services/meeting-file.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';
import { BRIDGE_INIT_SCRIPT, startBridge } from '../test/e2e/bridge.ts';
import { launchChromium } from '../test/e2e/browser.ts';
import { FIXTURE } from '../test/minutes/support.ts';
import { nationalMeetingFile } from './national-meeting.ts';
import { budget, median, percentile, report } from './report.ts';

const SECTIONS = ['Thông tin chung', 'Điểm cầu và thành phần', 'Chương trình', 'Diễn biến', 'Kết luận', 'Xem trước và xuất'];
const PREVIEW = 'Xem trước và xuất';
const KEYSTROKES = 300;
const RUNS = 5;
/** Characters typed without a pause, then a pause longer than the autosave's delay (400 ms). */
const PHRASE = 30;
const PAUSE_MS = 500;
/** A long report typed live (about twenty minutes). */
const LONG_SPEECH = 20_000;
const NATIONAL = /^Hội nghị trực tuyến toàn quốc/;
const ORDINARY = /^Hội nghị giao ban công tác tổ chức xây dựng Đảng quý III/;

interface Figures {
  renders: Record<string, number[]>;
  /** From the key press to the preview's document on screen. */
  document: number[];
  keys: number[];
}

async function openMeeting(page: Page, meeting: RegExp): Promise<void> {
  await page.keyboard.press('Control+L');
  await page.getByRole('button', { name: meeting }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
}

/** Shows each section once, measured in the page: from the key press to the frame after the section's heading
 * appears (and, for the preview, on to the frame with its document). */
async function measureSections(page: Page, figures: Figures): Promise<void> {
  for (const [index, section] of SECTIONS.entries()) {
    const [first, shown] = await page.evaluate(
      async ({ key, title, preview }) => {
        const start = performance.now();
        let first = NaN;
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        window.dispatchEvent(new KeyboardEvent('keydown', { key, code: `Digit${key}`, altKey: true, bubbles: true }));
        for (;;) {
          await new Promise(requestAnimationFrame);
          if (Number.isNaN(first) && document.querySelector('h2#section-title')?.textContent === title) first = performance.now() - start;
          if (!Number.isNaN(first) && (title !== preview || document.querySelector('article.bien-ban'))) return [first, performance.now() - start];
          if (performance.now() - start > 10_000) return [NaN, NaN];
        }
      },
      { key: String(index + 1), title: section, preview: PREVIEW },
    );
    (figures.renders[section] ??= []).push(first);
    if (section === PREVIEW) figures.document.push(shown);
  }
}

/**
 * Types KEYSTROKES characters, in phrases, into a new speech of the open meeting (or, with `edit`, at the end of
 * the speech of that number, opened again); the page's work for each.
 */
async function measureKeys(page: Page, figures: Figures, edit?: number): Promise<void> {
  await page.keyboard.press('Alt+4');
  if (edit === undefined) await page.getByLabel('Nội dung phát biểu', { exact: true }).click();
  else {
    await page.getByRole('button', { name: `Sửa phát biểu ${edit}`, exact: true }).click();
    await page.getByRole('heading', { name: `Sửa phát biểu số ${edit}` }).waitFor();
  }
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { keyTimes: number[] }).keyTimes = times;
    let start = NaN;
    // From the key going down (the first listener of all: the window's, capturing) to the end of React's
    // render and commit of the character, which React runs in a microtask queued by its own input handler,
    // before the one queued here. The browser dispatches keydown, keypress, beforeinput and input in one
    // task, so this is all the page's work for the key, its shortcut handlers included (they run before
    // the character goes in, and were left out when this started at beforeinput). A character that is on
    // no key of the layout (Đ, ề) comes as text only, with no keydown: it starts at beforeinput.
    window.addEventListener('keydown', () => (start = performance.now()), { capture: true });
    window.addEventListener('beforeinput', () => (start = Number.isNaN(start) ? performance.now() : start), { capture: true });
    window.addEventListener('input', (event) => {
      if (!(event.target instanceof HTMLTextAreaElement)) return;
      const from = start;
      start = NaN;
      queueMicrotask(() => queueMicrotask(() => times.push(performance.now() - from)));
    });
  });
  const text = 'Đề nghị các đơn vị tiếp tục nghiên cứu kỹ các văn bản mới về công tác tổ chức xây dựng Đảng. ';
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type(text[i % text.length] ?? ' ');
    // A pause after each phrase, as a secretary listening: the autosave goes out and its answer (every speech
    // of the meeting) is applied while the next phrase is typed.
    if (i % PHRASE === PHRASE - 1) await page.waitForTimeout(PAUSE_MS);
  }
  await page.waitForTimeout(1000);
  figures.keys = await page.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes);
}

const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-ui-'));
const store = createStore(openDatabase(join(dir, 'bench.sqlite')));
const nationalId = importMeeting(store, parseMeetingFile(nationalMeetingFile()));
importMeeting(store, parseMeetingFile(JSON.parse(readFileSync(FIXTURE, 'utf8'))));
const bridge = await startBridge({ root: new URL('../out/renderer', import.meta.url).pathname, store, documents, saveDir: dir });
// Launched inside the try, so that a browser that does not start leaves no temporary folder behind.
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
let ok = true;
try {
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  await page.addInitScript(BRIDGE_INIT_SCRIPT);
  await page.goto(bridge.url);
  const open = performance.now();
  await page.getByRole('button', { name: NATIONAL }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
  console.log(`open the national meeting (load the record, first section): ${(performance.now() - open).toFixed(0)} ms`);

  // The two meetings in turn, so that both see the same load of the machine.
  const ordinary: Figures = { renders: {}, document: [], keys: [] };
  const national: Figures = { renders: {}, document: [], keys: [] };
  for (let run = 0; run < RUNS; run++) {
    await openMeeting(page, ORDINARY);
    await measureSections(page, ordinary);
    await openMeeting(page, NATIONAL);
    await measureSections(page, national);
  }
  await openMeeting(page, ORDINARY);
  await measureKeys(page, ordinary);
  await openMeeting(page, NATIONAL);
  await measureKeys(page, national);
  // A long report taken down live: the caret at the end of its text.
  const long: Figures = { renders: {}, document: [], keys: [] };
  const paragraph = 'Kính thưa các đồng chí, trong sáu tháng đầu năm, công tác tổ chức xây dựng Đảng đạt nhiều kết quả quan trọng. ';
  store.speeches.add(nationalId, {
    content: Array.from({ length: 60 }, () => paragraph.repeat(4).trim())
      .join('\n')
      .slice(0, LONG_SPEECH),
  });
  const longNumber = store.speeches.list(nationalId).length;
  const longStored = store.speeches.list(nationalId).at(-1)?.content.length ?? 0;
  await openMeeting(page, ORDINARY);
  await openMeeting(page, NATIONAL);
  await measureKeys(page, long, longNumber);
  for (const section of SECTIONS) {
    const what = `first render of ${section}, national meeting`;
    const value = median(national.renders[section] ?? []);
    report(what, value, 'ordinary meeting', median(ordinary.renders[section] ?? []), `worst ${Math.max(...(national.renders[section] ?? [])).toFixed(0)} ms`);
    ok = budget(what, value, 200) && ok;
  }
  report('preview document shown, national meeting', median(national.document), 'ordinary meeting', median(ordinary.document), 'the main process builds it');
  const p95 = percentile(national.keys, 0.95);
  report(
    'keystroke in the speech field, national meeting',
    median(national.keys),
    'ordinary meeting',
    median(ordinary.keys),
    `${national.keys.length} keys; p95 ${p95.toFixed(1)} ms, ordinary meeting ${percentile(ordinary.keys, 0.95).toFixed(1)} ms`,
  );
  ok = budget('keystroke in the speech field, national meeting, p95', p95, 8) && ok;
  report(
    `keystroke at the end of a ${LONG_SPEECH.toLocaleString('en')}-character speech, national meeting`,
    median(long.keys),
    'a new speech, national meeting',
    median(national.keys),
    `${long.keys.length} keys; p95 ${percentile(long.keys, 0.95).toFixed(1)} ms; no budget`,
  );
  const typed = store.speeches.list(nationalId).at(-2)?.content ?? '';
  const longer = store.speeches.list(nationalId).at(-1)?.content ?? '';
  console.log(`typed text reached the store: ${typed.length} characters; the long speech has ${longer.length - longStored} more`);
} finally {
  await browser?.close();
  await bridge.close();
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
