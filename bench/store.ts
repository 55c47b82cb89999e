// Benchmark: import and export of the national-scale meeting file, on a database file like the app's.
// Run: npm run bench -- store
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportMeetingFile, importMeetingFile, serializeMeetingFile } from '../electron/services/meeting-file.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';
import { nationalMeetingFile } from './national-meeting.ts';

const RUNS = 5;
const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-'));
try {
  const source = join(dir, 'national.json');
  writeFileSync(source, serializeMeetingFile(nationalMeetingFile()));
  const imports: number[] = [];
  const exports: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const store = createStore(openDatabase(join(dir, `run-${run}.sqlite`)));
    let start = performance.now();
    const id = importMeetingFile(store, source);
    imports.push(performance.now() - start);
    start = performance.now();
    exportMeetingFile(store, id, join(dir, `out-${run}.json`));
    exports.push(performance.now() - start);
    store.db.close();
  }
  const report = (name: string, times: number[], target: number) => {
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
    const worst = sorted[sorted.length - 1] ?? NaN;
    console.log(`${name}: median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms over ${RUNS} runs (target < ${target} ms) ${worst < target ? 'OK' : 'OVER TARGET'}`);
    return worst < target;
  };
  console.log('National-scale meeting: 3,356 sites (3,321 count-only), 600 named attendees, 150 speeches');
  const ok = [report('import meeting file', imports, 2000), report('export meeting file', exports, 1000)].every(Boolean);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
