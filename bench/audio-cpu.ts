// CPU while recording on this machine: Debian's Chromium with the fake capture device records a minute through
// the real page (MediaRecorder, level meter, recording bar) and the real writer (the test bridge in this
// process, standing for the main process), beside the same page open on the same meeting for a minute without
// recording (same run). CPU time of the browser's processes (from /proc) and of this process, per minute.
// Run: npm run bench -- audio-cpu   (builds nothing: run npm run build first)
import { readdirSync, readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { audioSealing } from '../electron/audio/keys.ts';
import { createAudioStore } from '../electron/audio/store.ts';
import { documents } from '../electron/minutes/documents.ts';
import { audioDirFor } from '../electron/paths.ts';
import { createMeeting } from '../electron/services/meetings.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';
import { BRIDGE_INIT_SCRIPT, startBridge } from '../test/e2e/bridge.ts';
import { launchChromium } from '../test/e2e/browser.ts';
import { fakeMicrophone, toneWav } from '../test/support/wav.ts';

const MINUTE_MS = 60_000;
const TICKS = 100; // USER_HZ on Linux
const TITLE = 'Hội nghị Ban Chấp hành Đảng bộ tỉnh';

/** CPU seconds (user + system) of every process descending from this one, read from /proc. */
function browserCpu(): number {
  const parents = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'latin1');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      cpu.set(Number(name), (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      // Gone meanwhile.
    }
  }
  const descends = (pid: number): boolean => {
    for (let at = parents.get(pid); at !== undefined && at > 1; at = parents.get(at)) if (at === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const [pid, seconds] of cpu) if (descends(pid)) total += seconds;
  return total;
}

const ownCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

async function measure(during: () => Promise<void>): Promise<{ browser: number; writer: number; wallMs: number }> {
  const browser = browserCpu();
  const own = ownCpu();
  const started = performance.now();
  await during();
  const wallMs = performance.now() - started;
  const perMinute = (seconds: number) => (seconds * MINUTE_MS) / wallMs;
  return { browser: perMinute(browserCpu() - browser), writer: perMinute(ownCpu() - own), wallMs };
}

const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-audio-cpu-'));
try {
  writeFileSync(join(dir, 'micro.wav'), toneWav());
  const store = createStore(openDatabase(join(dir, 'bench.sqlite')));
  const meetingId = createMeeting(store, { title: TITLE, date: '2026-12-01', startTime: '08:30', format: 'party' });
  const audio = createAudioStore(audioDirFor(store.db.name), store.files, audioSealing(store));
  const bridge = await startBridge({ root: new URL('../out/renderer', import.meta.url).pathname, store, documents, saveDir: dir, audio });
  const browser = await launchChromium('vi-VN', fakeMicrophone(join(dir, 'micro.wav')));
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.addInitScript(BRIDGE_INIT_SCRIPT);
    await page.goto(bridge.url);
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('button', { name: 'Ghi âm', exact: true }).waitFor();
    console.log(
      `load average at start: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')} (2 cores)`,
    );
    const idle = await measure(() => page.waitForTimeout(MINUTE_MS));
    const recording = await measure(async () => {
      await page.getByRole('button', { name: 'Ghi âm', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Đang ghi âm' }).waitFor();
      await page.waitForTimeout(MINUTE_MS);
      await page.getByRole('button', { name: 'Dừng ghi âm' }).click();
      await page.getByRole('button', { name: 'Ghi âm', exact: true }).waitFor();
    });
    const [part] = audio.list(meetingId);
    console.log(
      `recorded ${((part?.durationMs ?? 0) / 1_000).toFixed(1)} s, ${part?.bytes ?? 0} bytes (${(((part?.bytes ?? 0) * 3_600_000) / (part?.durationMs || 1) / 1e6).toFixed(1)} MB per hour)`,
    );
    const line = (what: string, value: number, baseline: number) => {
      console.log(`CPU while recording, ${what}: ${value.toFixed(2)} s per minute (${((value / 60) * 100).toFixed(1)} % of one core)`);
      console.log(`  baseline, the page open without recording: ${baseline.toFixed(2)} s per minute; ratio ${(value / baseline).toFixed(2)}×`);
      console.log(
        [
          'RESULT',
          `CPU while recording, ${what}`,
          `${value.toFixed(2)} s/min`,
          'the page open, not recording',
          `${baseline.toFixed(2)} s/min`,
          `${(value / baseline).toFixed(2)}×`,
        ].join('\t'),
      );
    };
    line('browser (all its processes)', recording.browser, idle.browser);
    line('writer (the bridge process: IPC and the audio store)', recording.writer, idle.writer);
    console.log(
      `load average at end: ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await browser.close();
    await bridge.close();
    audio.close();
    store.db.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
