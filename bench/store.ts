// Benchmark: import of the national-scale meeting file into a database file like the app's (WAL, synchronous=FULL),
// against the same reading and checking of the file followed by bare INSERTs (prepared once, no rule, no directory of
// people), in the same run; each with the search index and without it (its triggers dropped). Then the curve of the
// bulk path at 0.25×, 1×, 4× and 16× of the meeting with the cost per site (16× is beyond the file's 20,000 sites, so
// it is written to the bulk path directly; the file import is timed up to that limit), the editing path row by row as
// import was before, and the export of the meeting file.
// Budgets: import ≤ 500 ms; 4× → 16× ≤ 4.8 × the time (linear, 20 % slack), and the same per site at the file limit;
// export ≤ 1 s.
// Run: npm run bench -- store
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportMeetingFile, importMeetingFile, serializeMeetingFile } from '../electron/services/meeting-file.ts';
import { createStore, openDatabase, type Store } from '../electron/store/index.ts';
import type { MeetingFile } from '../shared/model/meeting-file.ts';
import { foreignRecords, rowByRow, type RawFile } from '../test/support/row-by-row.ts';
import { bareInserts } from './bare-inserts.ts';
import { nationalMeetingFile } from './national-meeting.ts';
import { budget, median, ms, report } from './report.ts';

const RUNS = 5;
const FILE_LIMIT_SITES = 20_000;
const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-store-'));
let files = 0;

/** A fresh database file like the app's; without the search index's triggers when `index` is false. */
function freshStore(index = true): Store {
  const store = createStore(openDatabase(join(dir, `store-${++files}.sqlite`)));
  if (!index) {
    const triggers = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search%'").pluck().all() as string[];
    for (const name of triggers) store.db.exec(`DROP TRIGGER ${name}`);
  }
  return store;
}

/** Median milliseconds of `work` on a fresh store each run. */
function timed(runs: number, index: boolean, work: (store: Store) => unknown): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const store = freshStore(index);
    const start = performance.now();
    work(store);
    times.push(performance.now() - start);
    store.db.close();
  }
  return median(times);
}

/** Two ways of doing the same work, taken in turns on fresh stores (so that a drift of the machine's speed hits both). */
function inTurns(runs: number, index: boolean, a: (store: Store) => unknown, b: (store: Store) => unknown): [number, number] {
  const times: [number[], number[]] = [[], []];
  for (let run = 0; run < runs; run++) {
    times[0].push(timed(1, index, a));
    times[1].push(timed(1, index, b));
  }
  return [median(times[0]), median(times[1])];
}

const save = (file: MeetingFile | RawFile, name: string) => {
  const path = join(dir, name);
  writeFileSync(path, serializeMeetingFile(file as MeetingFile));
  return path;
};

try {
  const national = save(nationalMeetingFile(), 'national.json');
  console.log('National-scale meeting: 3,356 sites (3,321 count-only), 600 named attendees, 150 speeches');
  const ok: boolean[] = [];

  const imports = (store: Store) => importMeetingFile(store, national);
  const bare = (store: Store) => bareInserts(store.db, national);
  const [withIndex, bareWithIndex] = inTurns(RUNS, true, imports, bare);
  report(
    'import of the national meeting file (bulk path, search index kept in step)',
    withIndex,
    'the same reading and checking + bare INSERTs, index kept',
    bareWithIndex,
    `${RUNS} runs each, in turns`,
  );
  const [noIndex, bareNoIndex] = inTurns(RUNS, false, imports, bare);
  report(
    'import of the national meeting file, without the search index',
    noIndex,
    'the same reading and checking + bare INSERTs, no index',
    bareNoIndex,
    `${RUNS} runs each, in turns`,
  );
  const raw = JSON.parse(readFileSync(national, 'utf8')) as RawFile;
  const editing = timed(1, true, (store) => rowByRow(store, raw, foreignRecords(store)));
  console.log(`  (the editing path row by row, as import was before: ${ms(editing)}, ${(editing / withIndex).toFixed(1)}× the bulk path)`);
  ok.push(budget('import of the national meeting file', withIndex, 500));

  // The curve: the bulk path alone (the file already read and checked), then the whole import up to the file's limit.
  console.log('bulk path by size of the meeting (median, with the search index):');
  const bulk = new Map<number, number>();
  for (const scale of [0.25, 1, 4, 16]) {
    const file = nationalMeetingFile(scale);
    const sites = file.sites.length;
    const t = timed(scale >= 16 ? 3 : RUNS, true, (store) => store.bulk.create(file.meeting, file));
    bulk.set(scale, t);
    console.log(
      `  ${String(scale).padStart(4)}×  ${sites.toLocaleString('en').padStart(6)} sites  ${ms(t).padStart(9)}  ${((t * 1000) / sites).toFixed(0)} µs per site`,
    );
  }
  const step = (bulk.get(16) ?? NaN) / (bulk.get(4) ?? NaN);
  console.log(`  4× → 16× costs ${step.toFixed(2)}× the time (linear: 4×)`);
  ok.push(budget('bulk path 4× → 16× time ratio (linear ≤ 4.8)', step, 4.8, '×'));

  console.log('import of the file by size (median, with the search index):');
  const perSite = new Map<string, number>();
  const limitScale = FILE_LIMIT_SITES / 3356;
  for (const [name, scale] of [
    ['0.25×', 0.25],
    ['1×', 1],
    ['4×', 4],
    ['file limit', limitScale],
  ] as const) {
    const file = nationalMeetingFile(scale);
    if (file.sites.length > FILE_LIMIT_SITES) throw new Error(`${file.sites.length} sites: over the file's limit`);
    const path = save(file, `scale-${scale}.json`);
    const t = timed(scale > 4 ? 3 : RUNS, true, (store) => importMeetingFile(store, path));
    perSite.set(name, (t * 1000) / file.sites.length);
    console.log(
      `  ${name.padStart(10)}  ${file.sites.length.toLocaleString('en').padStart(6)} sites  ${ms(t).padStart(9)}  ${((t * 1000) / file.sites.length).toFixed(0)} µs per site`,
    );
  }
  const growth = (perSite.get('file limit') ?? NaN) / (perSite.get('4×') ?? NaN);
  console.log(`  per site at the file limit: ${growth.toFixed(2)}× the cost at 4× (linear: 1×)`);
  ok.push(budget('import cost per site, file limit / 4× (linear ≤ 1.2)', growth, 1.2, '×'));

  const store = freshStore();
  const id = importMeetingFile(store, national);
  const exports: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    exportMeetingFile(store, id, join(dir, 'out.json'));
    exports.push(performance.now() - start);
  }
  store.db.close();
  const exported = median(exports);
  console.log(`export of the meeting file: ${ms(exported)} median of ${RUNS}`);
  ok.push(budget('export of the national meeting file', exported, 1000));
  process.exitCode = ok.every(Boolean) ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
