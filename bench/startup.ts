// Benchmark: start-up with a real archive. The meetings list, in Debian's Chromium against the real services (the
// test bridge), from navigation to interactive: the list shown and the page's main thread free again. With 2,000
// meetings, against the same page with no meeting in the same run. Budget: 2,000 meetings interactive within 1 s.
// Run: npm run bench -- startup   (builds nothing: run npm run build first)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documents } from '../electron/minutes/documents.ts';
import { createStore, openDatabase, type Store } from '../electron/store/index.ts';
import { meetingFields } from '../shared/model/meeting.ts';
import { BRIDGE_INIT_SCRIPT, startBridge, type Bridge } from '../test/e2e/bridge.ts';
import { launchChromium } from '../test/e2e/browser.ts';
import { PROVINCES } from './national-meeting.ts';
import { budget, median, report } from './report.ts';

const MEETINGS = 2000;
const RUNS = 7;
const BUDGET_MS = 1000;

/** An archive of small meetings (a few sites, attendees and speeches each), written through the bulk path. */
function archive(store: Store, meetings: number): void {
  store.transaction(() => {
    for (let m = 0; m < meetings; m++) {
      const province = PROVINCES[m % PROVINCES.length] ?? '';
      const date = `20${String(16 + (m % 10)).padStart(2, '0')}-${String(1 + (m % 12)).padStart(2, '0')}-${String(1 + (m % 28)).padStart(2, '0')}`;
      store.bulk.create(
        meetingFields.parse({ title: `Hội nghị giao ban công tác tổ chức xây dựng Đảng tỉnh ${province} lần ${m + 1}`, date, number: 1 + (m % 90) }),
        {
          sites: Array.from({ length: 3 }, (_, s) => ({
            key: `s${s}`,
            name: `Điểm cầu ${s + 1}`,
            location: province,
            level: 'province' as const,
            isMain: s === 0,
            attendeeCount: s === 2 ? 40 : null,
            attendees:
              s === 2
                ? []
                : Array.from({ length: 5 }, (_, a) => ({
                    key: `a${s}-${a}`,
                    fullName: `Nguyễn Văn ${a + 1}`,
                    positions: '',
                    unit: '',
                    category: 'delegate' as const,
                    presence: 'present' as const,
                    absenceReason: '',
                    presenceTime: null,
                    role: 'member' as const,
                    isMember: false,
                  })),
          })),
          speeches: Array.from({ length: 4 }, () => ({
            agendaKey: null,
            speakerKey: 'a0-0',
            speakerName: '',
            speakerPosition: '',
            speakerSite: '',
            kind: 'contribution' as const,
            startTime: null,
            endTime: null,
            durationMinutes: null,
            content: 'Ý kiến phát biểu.',
          })),
        },
      );
    }
  });
}

/** Milliseconds from navigation until the list (or its empty message) is shown and the main thread is free. */
async function interactive(browser: Awaited<ReturnType<typeof launchChromium>>, bridge: Bridge, ready: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  await page.addInitScript(BRIDGE_INIT_SCRIPT);
  await page.goto(bridge.url, { waitUntil: 'commit' });
  const ms = await page.evaluate(async (selector) => {
    for (;;) {
      await new Promise(requestAnimationFrame);
      if (document.querySelector(selector)) break;
      if (performance.now() > 30_000) return NaN;
    }
    // The next task runs once the frame with the list is done: the page answers input from here on.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return performance.now();
  }, ready);
  await page.close();
  return ms;
}

const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-startup-'));
const stores = { empty: createStore(openDatabase(join(dir, 'empty.sqlite'))), full: createStore(openDatabase(join(dir, 'archive.sqlite'))) };
let start = performance.now();
archive(stores.full, MEETINGS);
console.log(`Archive: ${stores.full.meetings.list().length} meetings, written in ${((performance.now() - start) / 1000).toFixed(1)} s`);
const root = new URL('../out/renderer', import.meta.url).pathname;
const bridges = {
  empty: await startBridge({ root, store: stores.empty, documents, saveDir: dir }),
  full: await startBridge({ root, store: stores.full, documents, saveDir: dir }),
};
// Launched inside the try, so that a browser that does not start leaves no temporary folder behind.
let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
let ok = false;
try {
  browser = await launchChromium();
  const times = { empty: [] as number[], full: [] as number[] };
  await interactive(browser, bridges.full, '.meetings-screen button.link'); // warm the browser's caches
  for (let run = 0; run < RUNS; run++) {
    times.empty.push(await interactive(browser, bridges.empty, '.meetings-screen .empty'));
    times.full.push(await interactive(browser, bridges.full, '.meetings-screen button.link'));
  }
  start = performance.now();
  const listed = stores.full.meetings.list().length;
  const query = performance.now() - start;
  report(
    'meetings list interactive after navigation, 2,000 meetings',
    median(times.full),
    'the same page with no meeting',
    median(times.empty),
    `${RUNS} page loads each`,
  );
  console.log(`  (the list query alone: ${query.toFixed(0)} ms for ${listed} meetings)`);
  ok = budget('meetings list with 2,000 meetings interactive', median(times.full), BUDGET_MS);
} finally {
  await browser?.close();
  await bridges.empty.close();
  await bridges.full.close();
  stores.empty.db.close();
  stores.full.db.close();
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
