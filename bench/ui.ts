// Benchmark: the app's screens with the national-scale meeting open, in Debian's Chromium against the real
// services (the test bridge): time to first render of each section of the meeting editor, and time per
// keystroke in the speech field: the page's work for one typed character (input handlers, React's render and
// commit, the autosave bookkeeping), target under 16 ms, one frame.
// Run: npm run bench -- ui   (builds nothing: run npm run build first)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documents } from '../electron/minutes/documents.ts';
import { importMeeting, parseMeetingFile } from '../electron/services/meeting-file.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';
import { BRIDGE_INIT_SCRIPT, startBridge } from '../test/e2e/bridge.ts';
import { launchChromium } from '../test/e2e/browser.ts';
import { nationalMeetingFile } from './national-meeting.ts';

const SECTIONS = ['Thông tin chung', 'Điểm cầu và thành phần', 'Chương trình', 'Diễn biến', 'Kết luận', 'Xem trước và xuất'];
const KEYSTROKES = 300;
const RUNS = 3;

const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-ui-'));
const store = createStore(openDatabase(join(dir, 'bench.sqlite')));
importMeeting(store, parseMeetingFile(nationalMeetingFile()));
const bridge = await startBridge({ root: new URL('../out/renderer', import.meta.url).pathname, store, documents, saveDir: dir });
const browser = await launchChromium();
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
let ok = true;
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  await page.addInitScript(BRIDGE_INIT_SCRIPT);
  await page.goto(bridge.url);
  const open = performance.now();
  await page.getByRole('button', { name: /^Hội nghị trực tuyến toàn quốc/ }).first().click();
  await page.getByRole('heading', { level: 2, name: 'Thông tin chung' }).waitFor();
  console.log(`open the meeting (load the record, first section): ${(performance.now() - open).toFixed(0)} ms`);

  const renders: Record<string, number[]> = {};
  for (let run = 0; run < RUNS; run++) {
    for (const [index, section] of SECTIONS.entries()) {
      // Measured in the page: from the key press to the frame after the section's heading appears.
      const ms = await page.evaluate(async ({ key, title }) => {
        const start = performance.now();
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
        window.dispatchEvent(new KeyboardEvent('keydown', { key, code: `Digit${key}`, altKey: true, bubbles: true }));
        for (;;) {
          await new Promise(requestAnimationFrame);
          const heading = document.querySelector('h2#section-title');
          const ready = heading?.textContent === title && (title !== 'Xem trước và xuất' || document.querySelector('article.bien-ban'));
          if (ready) return performance.now() - start;
          if (performance.now() - start > 10_000) return NaN;
        }
      }, { key: String(index + 1), title: section });
      (renders[section] ??= []).push(ms);
    }
  }
  for (const section of SECTIONS) {
    const times = renders[section] ?? [];
    console.log(`first render of ${section}: median ${percentile(times, 0.5).toFixed(0)} ms, worst ${Math.max(...times).toFixed(0)} ms`);
  }

  await page.keyboard.press('Alt+4');
  await page.getByLabel('Nội dung phát biểu', { exact: true }).click();
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { keyTimes: number[] }).keyTimes = times;
    let start = 0;
    // From the browser starting to insert the character to the end of React's render and commit, which
    // React runs in a microtask queued by its own input handler, before the one queued here.
    window.addEventListener('beforeinput', () => {
      start = performance.now();
    }, { capture: true });
    window.addEventListener('input', (event) => {
      if (!(event.target instanceof HTMLTextAreaElement)) return;
      queueMicrotask(() => queueMicrotask(() => times.push(performance.now() - start)));
    });
  });
  const text = 'Đề nghị các đơn vị tiếp tục nghiên cứu kỹ các văn bản mới về công tác tổ chức xây dựng Đảng. ';
  for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type(text[i % text.length] ?? ' ');
  await page.waitForTimeout(1000);
  const keys = await page.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes);
  const p50 = percentile(keys, 0.5);
  const p95 = percentile(keys, 0.95);
  console.log(`keystroke in the speech field (work per typed character), ${keys.length} keys: median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, worst ${Math.max(...keys).toFixed(1)} ms (target < 16 ms) ${p95 < 16 ? 'OK' : 'OVER TARGET'}`);
  ok = p95 < 16;
  const stored = store.speeches.list(store.meetings.list()[0]?.id ?? 0).at(-1)?.content ?? '';
  console.log(`typed text reached the store: ${stored.length} characters`);
} finally {
  await browser.close();
  await bridge.close();
  store.db.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
