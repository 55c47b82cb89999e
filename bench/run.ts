// Runs the named benchmarks (all when none is named), each in its own process, then prints every figure beside its
// same-run baseline and every budget, with the machine's load: npm run bench -- [store] [minutes] [startup] [ui] [search] [text] [kill] [edits] [autosave] [audio] [audio-cpu] [encrypted] [merge]
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const BENCHES: Record<string, string[]> = {
  store: ['store.ts'],
  minutes: ['minutes.ts', '--pages'],
  startup: ['startup.ts'],
  ui: ['ui.ts'],
  search: ['search.ts'],
  text: ['text.ts'],
  kill: ['kill.ts'],
  edits: ['edits.ts'],
  autosave: ['autosave.ts'],
  audio: ['audio.ts'],
  'audio-cpu': ['audio-cpu.ts'],
  encrypted: ['encryption.ts'],
  merge: ['merge.ts'],
};

function run(file: string, args: string[], lines: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL(file, import.meta.url)), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        if (line.startsWith('RESULT\t') || line.startsWith('BUDGET\t')) lines.push(line);
        else console.log(line);
      }
    });
    child.on('close', (code) => {
      if (rest) console.log(rest);
      resolve(code ?? 1);
    });
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
for (const name of names) {
  if (!BENCHES[name]) {
    console.error(`Không có benchmark "${name}". Có: ${Object.keys(BENCHES).join(', ')}.`);
    process.exit(2);
  }
}
const before = load();
const collected: { name: string; lines: string[]; code: number }[] = [];
for (const name of names) {
  const [file = '', ...args] = BENCHES[name] ?? [];
  console.log(`== ${name}`);
  const lines: string[] = [];
  collected.push({ name, lines, code: await run(file, args, lines) });
}

console.log('\n== Summary (medians; each figure beside its baseline from the same run)');
for (const { name, lines, code } of collected) {
  for (const line of lines) {
    const [kind, what, figure, third, fourth, ratio] = line.split('\t');
    console.log(kind === 'RESULT' ? `  ${name}: ${what}: ${figure} | ${third}: ${fourth} | ratio ${ratio}` : `  ${name}: budget ${what}: ${figure} ${third}`);
  }
  if (code !== 0 && !lines.some((l) => l.endsWith('OVER BUDGET'))) console.log(`  ${name}: failed (exit code ${code})`);
}
console.log(`Machine: ${cpus().length} cores; load average (1, 5, 15 min) before ${before}, after ${load()}`);
const failed = collected.filter((c) => c.code !== 0).map((c) => c.name);
if (failed.length > 0) console.log(`\n!!! ${failed.join(', ')}: over budget or failed !!!`);
process.exitCode = failed.length > 0 ? 1 : 0;
