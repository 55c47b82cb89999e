// Opening a speech's clip in a 3-hour recording: the part read back through the audio store (frames scanned,
// CRC-checked and joined), plain and sealed, beside reading the same file's bytes whole (same run).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAudioStore } from '../electron/audio/store.ts';
import { aesGcmSealer, plainSealer } from '../electron/audio/sealer.ts';
import { AppFiles } from '../electron/store/files.ts';
import { budget, median, ms, report } from './report.ts';

const HOURS = 3;
/** Opus at 32 kbit/s in one-second chunks, as the page records. */
const CHUNK = 4_000;
const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-audio-'));
try {
  const database = join(dir, 'bien-ban.sqlite');
  writeFileSync(database, '');
  const sealer = aesGcmSealer(randomBytes(32));
  const audio = createAudioStore(join(dir, 'audio'), new AppFiles(database), { sealerFor: (id) => (id === 2 ? sealer : plainSealer), sealers: [sealer] });
  const chunk = randomBytes(CHUNK);
  const written: Record<number, number> = {};
  for (const meetingId of [1, 2]) {
    const started = performance.now();
    audio.start(meetingId);
    for (let s = 1; s <= HOURS * 3600; s++) audio.append(meetingId, 1, chunk, s * 1_000);
    audio.stop(meetingId, 1);
    written[meetingId] = performance.now() - started;
  }
  const [plain] = audio.list(1);
  const [sealed] = audio.list(2);
  console.log(`${HOURS} h part: ${((plain?.bytes ?? 0) / 1e6).toFixed(1)} MB plain (${((plain?.bytes ?? 0) / HOURS / 1e6).toFixed(2)} MB per hour at 32 kbit/s), ${((sealed?.bytes ?? 0) / 1e6).toFixed(1)} MB sealed`);
  console.log(`writing ${HOURS * 3600} chunks: ${ms(written[1] ?? 0)} plain, ${ms(written[2] ?? 0)} sealed (${((written[1] ?? 0) / (HOURS * 3600)).toFixed(3)} ms per chunk)`);
  const path = join(dir, 'audio', '1', 'part-001.bba');
  const runs = (work: () => void) => Array.from({ length: 7 }, () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  });
  const baseline = median(runs(() => readFileSync(path)));
  const open = median(runs(() => audio.read(1, 1)));
  const openSealed = median(runs(() => audio.read(2, 1)));
  report(`open a clip in a ${HOURS} h recording (plain)`, open, 'reading the same file whole', baseline);
  report(`open a clip in a ${HOURS} h recording (AES-256-GCM)`, openSealed, 'reading the plain file whole', baseline);
  const ok = budget('open a clip in a 3 h sealed recording', openSealed, 1_000);
  if (!ok) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
