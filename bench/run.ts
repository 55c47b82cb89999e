// Runs the named benchmarks (all when none is named), each in its own process: npm run bench -- [store] [minutes] [ui] [search] [autosave]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES: Record<string, string[]> = {
  store: ['store.ts'],
  minutes: ['minutes.ts', '--pages'],
  ui: ['ui.ts'],
  search: ['search.ts'],
  autosave: ['autosave.ts'],
};
const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
let failed = false;
for (const name of names) {
  const [file, ...args] = BENCHES[name] ?? [];
  if (!file) {
    console.error(`Không có benchmark "${name}". Có: ${Object.keys(BENCHES).join(', ')}.`);
    process.exit(2);
  }
  console.log(`== ${name}`);
  const result = spawnSync(process.execPath, [fileURLToPath(new URL(file, import.meta.url)), ...args], { stdio: 'inherit' });
  failed ||= result.status !== 0;
}
process.exitCode = failed ? 1 : 0;
