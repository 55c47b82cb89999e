// Benchmark: search across an archive of meetings × 100 speeches (plus sites, attendees, conclusions), on a
// database file like the app's, at 2,000 and 10,000 meetings. Side by side in one run, for the same queries: the
// project's search, a bare FTS5 MATCH on the same index and a LIKE scan of the tables. Also the index's build
// time and size, and the rebuild a new folding version brings. Budgets fail the run loudly.
// Run: npm run bench -- search            (or: node bench/search.ts 2000)
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism as availableCores, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ftsExpression, queryTokens } from '../shared/search.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';
import { writeArchive } from './archive.ts';
import { budget as checkBudget } from './report.ts';

const SIZES = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const ROUNDS = 5;
const BUDGET = { p95: 20, p99: 50, p95Large: 40, vsMatch: 2.5, vsLike: 25 };

/** As secretaries type them: accents or not, 1–4 words, names, very common and rare words, prefixes while typing, no match. */
const QUERIES = [
  'dang',
  'Đảng',
  'can bo',
  'cán bộ',
  'cong tac',
  'hoi nghi tong ket',
  'Hội nghị tổng kết',
  'thủy lợi',
  'thuỷ lợi',
  'khoá đào tạo',
  'cải cách hành chính',
  'xã ven biển',
  'phong chong tham nhung',
  'xay dung nong thon moi',
  'nguyen van thong',
  'Đặng Thị Hòa',
  'dang thi hoa',
  'Phạm Quang Phương',
  'tran thi mai',
  'Lý',
  'ly luan chinh tri',
  'khung nang luc',
  'vi tri viec lam',
  'thien tai',
  'ca mau',
  'Kết luận 35-KL/TW',
  '12/15',
  '3.456',
  'ng',
  'ho',
  'hoi n',
  'hoi ngh',
  'chuyen doi s',
  'Quảng N',
  'nguyen v',
  'Tỉnh ủy Thanh H',
  'xyzzy',
  'nghi quyet 99',
  'quoc hoi khoa xv',
  'trong ki',
];

const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * p) - 1)] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const line = (name: string, v: number[]) =>
  `${name.padEnd(34)} p50 ${ms(pct(v, 0.5)).padStart(9)}  p95 ${ms(pct(v, 0.95)).padStart(9)}  p99 ${ms(pct(v, 0.99)).padStart(9)}`;

let failed = false;
const check = (what: string, value: number, limit: number, unit = 'ms') => {
  failed = !checkBudget(what, value, limit, unit) || failed;
};

function run(meetings: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-search-'));
  try {
    const file = join(dir, 'archive.sqlite');
    const store = createStore(openDatabase(file));
    const { db } = store;
    let start = performance.now();
    writeArchive(db, { meetings, speeches: 100, sites: 4, attendees: 6 });
    const writeMs = performance.now() - start;
    const records = store.search.index.pending();
    start = performance.now();
    store.search.index.update();
    const indexMs = performance.now() - start;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = (like: string) => db.prepare('SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE ?').pluck().get(like) as number;
    const indexBytes = bytes('search%');
    const total = statSync(file).size;
    const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
    console.log(
      `\n${meetings.toLocaleString('en')} meetings: ${records.toLocaleString('en')} records written in ${(writeMs / 1000).toFixed(1)} s, ` +
        `indexed in ${(indexMs / 1000).toFixed(1)} s (${((indexMs * 1000) / records).toFixed(0)} µs a record)`,
    );
    console.log(
      `  database ${mb(total)}: index ${mb(indexBytes)} (folded ${mb(bytes('search_folded%'))}, accents ${mb(bytes('search_exact%'))}, ` +
        `passages ${mb(bytes('search_docs%'))}), records ${mb(total - indexBytes)}`,
    );

    // The same index, bare: the query's words (the last as a prefix) in one MATCH, every matching row.
    const bare = db.prepare('SELECT rowid FROM search_folded WHERE search_folded MATCH ?').pluck();
    const barePage = db.prepare('SELECT rowid FROM search_folded WHERE search_folded MATCH ? ORDER BY rowid DESC LIMIT 1000').pluck();
    // The plain scan: LIKE over the same texts, accents as typed (it cannot fold them), every table.
    const like = db
      .prepare(
        `
      SELECT meeting_id FROM speeches WHERE speaker_name LIKE @q OR content LIKE @q
      UNION SELECT meeting_id FROM attendees WHERE full_name LIKE @q OR positions LIKE @q OR unit LIKE @q
      UNION SELECT meeting_id FROM sites WHERE name LIKE @q OR location LIKE @q
      UNION SELECT meeting_id FROM conclusions WHERE content LIKE @q
      UNION SELECT id FROM meetings WHERE title LIKE @q`,
      )
      .pluck();
    const times = { search: [] as number[], bare: [] as number[], page: [] as number[], like: [] as number[] };
    /** The project's CPU time per query, which other processes on the machine do not inflate. */
    const cpu: number[] = [];
    const byQuery = new Map<string, number[]>();
    const time = (into: number[], work: () => unknown) => {
      const t = performance.now();
      work();
      into.push(performance.now() - t);
    };
    for (const query of QUERIES) store.search.search(query); // warm the page cache
    for (let round = 0; round < ROUNDS; round++) {
      for (const query of QUERIES) {
        const expression = ftsExpression(queryTokens(query), true) ?? '""';
        const used = process.cpuUsage();
        time(times.search, () => store.search.search(query));
        const spent = process.cpuUsage(used);
        cpu.push((spent.user + spent.system) / 1000);
        byQuery.set(query, [...(byQuery.get(query) ?? []), times.search.at(-1) ?? 0]);
        time(times.bare, () => bare.all(expression));
        time(times.page, () => barePage.all(expression));
        if (round === 0) time(times.like, () => like.all({ q: `%${query}%` }));
      }
    }
    console.log(
      `  ${QUERIES.length} queries × ${ROUNDS} rounds (LIKE: 1 round); machine load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${availableCores()} cores`,
    );
    console.log(`  ${line('search (the project)', times.search)}`);
    console.log(`  ${line('  its CPU time', cpu)}`);
    console.log(`  ${line('bare MATCH, every matching row', times.bare)}`);
    console.log(`  ${line('bare MATCH, first 1,000 rows', times.page)}`);
    console.log(`  ${line('LIKE scan', times.like)}`);
    const slowest = [...byQuery.entries()]
      .map(([q, v]) => [q, pct(v, 0.5)] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5);
    console.log(`  slowest (median): ${slowest.map(([q, v]) => `"${q}" ${ms(v)}`).join(', ')}`);
    const p95 = pct(times.search, 0.95);
    const vsBare = p95 / pct(times.bare, 0.95);
    const vsPage = p95 / pct(times.page, 0.95);
    const vsLike = pct(times.like, 0.95) / p95;
    console.log(`  p95 ratios: search / bare MATCH ${vsBare.toFixed(2)}× (first 1,000 rows: ${vsPage.toFixed(2)}×), LIKE / search ${vsLike.toFixed(0)}×`);
    const size = `${meetings.toLocaleString('en')} meetings`;
    // For npm run bench's summary (bench/report.ts's format; these figures are p95s, not medians).
    console.log(
      ['RESULT', `search p95, ${size}`, ms(p95), 'bare FTS5 MATCH p95 (every matching row)', ms(pct(times.bare, 0.95)), `${vsBare.toFixed(2)}×`].join('\t'),
    );
    console.log(['RESULT', `search p95, ${size}`, ms(p95), 'LIKE scan p95', ms(pct(times.like, 0.95)), `${(1 / vsLike).toFixed(3)}×`].join('\t'));
    if (meetings <= 2000) {
      check(`search p95, ${size}`, p95, BUDGET.p95);
      check(`search p99, ${size}`, pct(times.search, 0.99), BUDGET.p99);
    } else {
      check(`search p95, ${size}`, p95, BUDGET.p95Large);
    }
    check(`search p95 / bare MATCH p95, ${size}`, vsBare, BUDGET.vsMatch, '×');
    const fastEnough = vsLike >= BUDGET.vsLike;
    const figure = `${vsLike.toFixed(0)}× faster than LIKE (budget ${BUDGET.vsLike}× or more)`;
    console.log(fastEnough ? `  budget search p95 vs LIKE, ${size}: ${figure} OK` : `\n  !!! OVER BUDGET: search p95 vs LIKE, ${size}: ${figure} !!!\n`);
    console.log(['BUDGET', `search p95 vs LIKE, ${size}`, figure, fastEnough ? 'OK' : 'OVER BUDGET'].join('\t'));
    failed ||= !fastEnough;

    if (meetings === 2000) {
      // A new folding version: the index emptied, every record queued again and indexed in batches, with progress.
      db.prepare("UPDATE search_state SET version = 'bench: previous folding'").run();
      start = performance.now();
      store.search.index.checkVersion();
      const queued = performance.now() - start;
      let reported = 0;
      start = performance.now();
      store.search.index.update({
        onProgress(done, all) {
          if (done / all >= reported + 0.25) {
            reported += 0.25;
            console.log(`  rebuild: ${Math.round((done / all) * 100)} % after ${((performance.now() - start) / 1000).toFixed(1)} s`);
          }
        },
      });
      const rebuilt = performance.now() - start;
      console.log(
        `  rebuild after a folding change: index emptied and ${records.toLocaleString('en')} records queued in ${ms(queued)}, re-indexed in ${(rebuilt / 1000).toFixed(1)} s`,
      );
    }
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const meetings of SIZES.length > 0 ? SIZES : [2000, 10000]) run(meetings);
process.exitCode = failed ? 1 : 0;
