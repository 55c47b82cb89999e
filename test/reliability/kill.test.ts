// Crash safety: a writer process is killed (SIGKILL) at random points of a stream of edits, over and
// over; after each kill every acknowledged edit must be in the database, the edit in flight entirely
// there or entirely absent, and the database intact. The count is explicit (KILLS_PER_LANE, 2 lanes);
// the run of 1,000 kills and more is bench/kill.ts. No rate and no overall time limit is asserted: a
// stuck writer fails the run after a minute without output (kill-run.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/store.ts';
import { killRun } from './kill-run.ts';

const LANES = 2;
const KILLS_PER_LANE = Number(process.env.KILLS_PER_LANE ?? 60);

describe('crash safety', () => {
  it(`keeps every acknowledged edit through ${LANES * KILLS_PER_LANE} SIGKILLs of the writing process`, async () => {
    const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
    const total = await killRun(tempDir(), { lanes: LANES, killsPerLane: KILLS_PER_LANE, seed });
    const summary = { seed, ...total, integrity: total.integrity.every((r) => r === 'ok') ? 'ok' : total.integrity.filter((r) => r !== 'ok') };
    mkdirSync('out/reliability', { recursive: true });
    writeFileSync('out/reliability/kill-test.json', `${JSON.stringify({ ...summary, date: new Date().toISOString() }, null, 2)}\n`);
    console.log('kill test:', JSON.stringify(summary));
    // Every kill asked for happened, and each was followed by a check of the reopened database.
    expect(total.kills).toBe(LANES * KILLS_PER_LANE);
    expect(total.checked).toBe(total.kills);
    expect(total.integrity).toHaveLength(total.kills);
    // The writer was killed only after acknowledging the edits it was asked for: all of them were checked.
    expect(total.acknowledged).toBeGreaterThanOrEqual(total.awaited);
    expect(total.lost).toBe(0);
    expect(total.torn).toBe(0);
    expect(total.foreignKeyProblems).toBe(0);
    expect(summary.integrity).toBe('ok');
  }, 0);
});
