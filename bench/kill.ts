// The long kill run: 1,000 SIGKILLs (or KILLS) of the writing process over two databases, with every
// acknowledged edit looked for after each. Run: npm run bench -- kill (KILLS=2000 KILL_SEED=… to vary).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { killRun } from '../test/reliability/kill-run.ts';

const LANES = 2;
const kills = Number(process.env.KILLS ?? 1000);
const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-kill-'));
try {
  const start = performance.now();
  const total = await killRun(dir, { lanes: LANES, killsPerLane: Math.ceil(kills / LANES), seed });
  const seconds = (performance.now() - start) / 1000;
  const integrity = total.integrity.every((r) => r === 'ok') ? 'ok' : total.integrity.filter((r) => r !== 'ok').join('; ');
  console.log(
    `seed ${seed}: ${total.kills} kills (${total.killedWhileWriting} while writing), ${total.checked} checks, ${total.acknowledged} acknowledged edits, ` +
      `${total.lost} lost, ${total.torn} torn blocks, integrity ${integrity}, foreign keys ${total.foreignKeyProblems} problems; ${seconds.toFixed(0)} s`,
  );
  process.exitCode = total.lost === 0 && total.torn === 0 && integrity === 'ok' && total.foreignKeyProblems === 0 && total.checked === total.kills ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
