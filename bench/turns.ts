// Whole processes timed in turns (A, B, A, B, …) from a small process of their own. Timed from a benchmark that holds
// the national meeting up to 16×, every run also paid for the benchmark's size: starting a process copies its
// parent's page tables, 60–80 ms a run from a parent of 360 MB against one of 50 MB (measured with the same command).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export interface Command {
  command: string;
  args: string[];
  /** The environment of the timer (the benchmark's) when absent. */
  env?: NodeJS.ProcessEnv;
}

interface Plan {
  commands: Command[];
  rounds: number;
  warm: number;
}

/** Each command's milliseconds, run after run: `rounds` rounds in turns, after `warm` rounds that are not counted. */
export function inTurns(commands: Command[], rounds: number, warm = 0): number[][] {
  const plan: Plan = { commands, rounds, warm };
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url)], { input: JSON.stringify(plan), encoding: 'utf8' });
  return JSON.parse(out) as number[][];
}

function time({ command, args, env }: Command): number {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: 'ignore', env: env ?? process.env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${String(result.status)})`);
  return performance.now() - start;
}

if (import.meta.main) {
  const { commands, rounds, warm } = JSON.parse(readFileSync(0, 'utf8')) as Plan;
  const times = commands.map((): number[] => []);
  for (let round = 0; round < warm + rounds; round++) {
    commands.forEach((command, i) => {
      const ms = time(command);
      if (round >= warm) times[i]?.push(ms);
    });
  }
  process.stdout.write(JSON.stringify(times));
}
