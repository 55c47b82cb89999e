// Opening a speech's clip in a 3-hour recording (a WebM stream shaped as MediaRecorder writes it, one chunk a
// second at 32 kbit/s), plain and sealed: the clip's stretch read (electron/audio/clip.ts), beside reading the
// whole part back through the store as the player did before (same run). Then the CPU while recording
// (bench/audio-cpu.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAudioStore } from '../electron/audio/store.ts';
import { aesGcmSealer, plainSealer } from '../electron/audio/sealer.ts';
import { AppFiles } from '../electron/store/files.ts';
import { webmStream } from '../test/support/webm.ts';
import { budget, median, ms, report } from './report.ts';

const HOURS = 3;
/** Opus at 32 kbit/s in one-second chunks, as the page records. */
const BYTES_PER_SECOND = 4_000;
/** A two-minute speech at 1 h 30, fetched as the player does (30 s before it, 3 s after). */
const CLIP = { from: 5_400_000 - 30_000, to: 5_520_000 + 3_000 };
const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-audio-'));
try {
  console.log(
    `load average at start: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} (2 cores)`,
  );
  const database = join(dir, 'bien-ban.sqlite');
  writeFileSync(database, '');
  const sealer = aesGcmSealer(randomBytes(32));
  const audio = createAudioStore(join(dir, 'audio'), new AppFiles(database), { sealerFor: (id) => (id === 2 ? sealer : plainSealer), sealers: [sealer] });
  const { chunks } = webmStream(HOURS * 3600, { bytesPerSecond: BYTES_PER_SECOND, clusterMs: 1_000 });
  const written: Record<number, number> = {};
  for (const meetingId of [1, 2]) {
    const started = performance.now();
    audio.start(meetingId);
    for (const { bytes, endMs } of chunks) audio.append(meetingId, 1, bytes, endMs);
    audio.stop(meetingId, 1);
    written[meetingId] = performance.now() - started;
  }
  const [plain] = audio.list(1);
  const [sealed] = audio.list(2);
  console.log(
    `${HOURS} h part: ${((plain?.bytes ?? 0) / 1e6).toFixed(1)} MB plain (${((plain?.bytes ?? 0) / HOURS / 1e6).toFixed(2)} MB per hour at 32 kbit/s), ${((sealed?.bytes ?? 0) / 1e6).toFixed(1)} MB sealed`,
  );
  console.log(
    `writing ${chunks.length} chunks: ${ms(written[1] ?? 0)} plain, ${ms(written[2] ?? 0)} sealed (${((written[1] ?? 0) / chunks.length).toFixed(3)} ms per chunk)`,
  );
  const runs = (work: () => Uint8Array) => {
    let bytes = 0;
    const times = Array.from({ length: 7 }, () => {
      const started = performance.now();
      bytes = work().length;
      return performance.now() - started;
    });
    return { time: median(times), bytes };
  };
  const whole = runs(() => audio.read(1, 1));
  const wholeSealed = runs(() => audio.read(2, 1));
  const clip = runs(() => audio.readRange(1, 1, CLIP.from, CLIP.to));
  const clipSealed = runs(() => audio.readRange(2, 1, CLIP.from, CLIP.to));
  const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB handed to the page`;
  report(`open a clip in a ${HOURS} h recording (plain)`, clip.time, `the whole part read, as before (${mb(whole.bytes)})`, whole.time, mb(clip.bytes));
  report(
    `open a clip in a ${HOURS} h recording (AES-256-GCM)`,
    clipSealed.time,
    `the whole sealed part read, as before (${mb(wholeSealed.bytes)})`,
    wholeSealed.time,
    mb(clipSealed.bytes),
  );
  console.log(
    `load average at end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  const ok = budget('open a clip in a 3 h sealed recording', clipSealed.time, 250);
  if (!ok) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
