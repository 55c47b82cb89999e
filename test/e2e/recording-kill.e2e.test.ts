// A kill during recording, from the browser journey: the page records through the fake capture device into a
// store held by a child process (the test bridge, standing for the main process), which is SIGKILLed while
// chunks are flowing. Reopened, the part holds, byte for byte, the chunks the page sent, in order: everything
// acknowledged, at most the chunks in flight besides, so at most a few seconds are lost; a new
// recording is a new part.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request } from 'playwright-core';
import { describe, expect, inject, it, onTestFinished } from 'vitest';
import { createAudioStore } from '../../electron/audio/store.ts';
import { audioDirFor } from '../../electron/paths.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import { AppFiles } from '../../electron/store/files.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { tempDir } from '../support/store.ts';
import { fakeMicrophone, toneWav } from '../support/wav.ts';
import { BRIDGE_INIT_SCRIPT } from './bridge.ts';
import { launchChromium } from './browser.ts';

const HOST = fileURLToPath(new URL('./recording-host.ts', import.meta.url));
const TITLE = 'Hội nghị Ban Chấp hành Đảng bộ tỉnh';
/** The page's chunk length (renderer/screens/editor/audio/useRecorder.ts TIMESLICE_MS). */
const CHUNK_MS = 1_000;

function startHost(database: string, saveDir: string): Promise<{ child: ChildProcess; url: string; closed: Promise<NodeJS.Signals | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOST, inject('rendererDir'), database, saveDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<NodeJS.Signals | null>((done) => child.on('close', (_code, signal) => done(signal)));
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      const url = /^url (\S+)$/m.exec(text)?.[1];
      if (url) resolve({ child, url, closed });
    });
    child.on('error', reject);
    void closed.then(() => reject(new Error(`the host ended before serving: ${stderr}`)));
  });
}

interface Sent {
  endMs: number;
  chunk: Buffer;
  acknowledged: boolean;
}

describe('a kill during recording, from the page', () => {
  it('loses at most the chunks in flight: the part holds what the page sent, byte for byte', async () => {
    const dir = tempDir();
    const database = join(dir, 'bien-ban.sqlite');
    const wav = join(dir, 'micro.wav');
    writeFileSync(wav, toneWav());
    const prepared = createStore(openDatabase(database));
    const meetingId = createMeeting(prepared, { title: TITLE, date: '2026-12-01', startTime: '08:30', format: 'party' });
    prepared.db.close();

    const host = await startHost(database, dir);
    onTestFinished(() => void host.child.kill('SIGKILL'));
    const browser = await launchChromium('vi-VN', fakeMicrophone(wav));
    onTestFinished(() => browser.close());
    const page = await browser.newPage();
    await page.addInitScript(BRIDGE_INIT_SCRIPT);
    // What the page sends the writer, in order, and which of it the writer answered.
    const sent: Sent[] = [];
    const byRequest = new Map<Request, Sent>();
    page.on('request', (request) => {
      if (!request.url().endsWith('/__api/appendAudio')) return;
      const input = JSON.parse(request.postData() ?? '{}') as { endMs: number; chunk: { $bytes: string } };
      const entry = { endMs: input.endMs, chunk: Buffer.from(input.chunk.$bytes, 'base64'), acknowledged: false };
      sent.push(entry);
      byRequest.set(request, entry);
    });
    page.on('requestfinished', (request) => {
      const entry = byRequest.get(request);
      if (entry) entry.acknowledged = true;
    });
    await page.goto(host.url);
    await page.getByRole('button', { name: TITLE, exact: true }).click();
    await page.getByRole('button', { name: 'Ghi âm', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Đang ghi âm (phần 1)' }).waitFor();

    // Killed once six seconds of sound were acknowledged, and half a chunk and more later (not right after an
    // answer), while the page keeps recording.
    await expect.poll(() => sent.filter((s) => s.acknowledged).at(-1)?.endMs ?? 0).toBeGreaterThanOrEqual(6_000);
    await page.waitForTimeout(1_500);
    host.child.kill('SIGKILL');
    expect(await host.closed).toBe('SIGKILL');
    const atKill = sent.map((s) => ({ ...s }));
    const acknowledged = atKill.filter((s) => s.acknowledged);

    // The written file, reopened as the app would after the crash.
    const audio = createAudioStore(audioDirFor(database), new AppFiles(database));
    onTestFinished(() => audio.close());
    const [part] = audio.list(meetingId);
    expect(part).toMatchObject({ meetingId, part: 1, sealed: false });
    const kept = atKill.filter((s) => s.endMs <= (part?.durationMs ?? 0)).length;
    // Everything acknowledged is there, in order and byte for byte, and its duration is the last one's.
    expect(kept).toBeGreaterThanOrEqual(acknowledged.length);
    const sound = Buffer.from(audio.read(meetingId, 1));
    expect(sound).toEqual(Buffer.concat(atKill.slice(0, kept).map((s) => s.chunk)));
    expect(sound.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    expect(part?.durationMs).toBe(atKill[kept - 1]?.endMs);
    // Lost: what the page had sent beyond the file, at most the chunks in flight ("a few seconds").
    const lostMs = (atKill.at(-1)?.endMs ?? 0) - (part?.durationMs ?? 0);
    expect(lostMs).toBeLessThanOrEqual(3 * CHUNK_MS);
    // Recording again after the crash makes a new part.
    expect(audio.start(meetingId).part).toBe(2);
  });
});
