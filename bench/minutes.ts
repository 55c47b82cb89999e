// Benchmark: the biên bản of the national-scale meeting as a Word file.
//  - warm export at 1× in one process (read from the store, model, DOCX, atomic write), and the docx package's
//    share against the same document.xml written as strings (bench/docx-strings.ts, checked identical);
//  - the curve of model + DOCX at 0.25×, 1×, 4×, 16× of the meeting;
//  - `minutes` on the command line as a whole process (the bundle in out/cli), against LibreOffice converting the
//    same DOCX to PDF, taken in turns in the same run from a small process (bench/turns.ts); and the peak memory
//    of an export in a fresh process;
//  - `minutes … x.pdf` (the browser's print) against `minutes … x.docx`, in turns, with its pages and peak memory.
// Budgets: warm export ≤ 150 ms; 16× ≤ 4.8 × the time of 4× (linear, 20 % slack); the command ≤ 300 ms; memory ≤ 300 MB.
// Run: npm run bench -- minutes [--pages]   (after npm run build, checked; --pages also counts the pages LibreOffice lays out)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { renderDocx } from '../electron/minutes/docx.ts';
import { buildDocument, writeMinutesDocx } from '../electron/minutes/documents.ts';
import { importMeeting, parseMeetingFile } from '../electron/services/meeting-file.ts';
import { getMeetingRecord } from '../electron/services/meetings.ts';
import { createStore, openDatabase, type Store } from '../electron/store/index.ts';
import { buildMinutes } from '../shared/minutes/model.ts';
import { documentXmlAsStrings } from './docx-strings.ts';
import { staleBuild } from './fresh.ts';
import { nationalMeetingFile } from './national-meeting.ts';
import { budget, median, ms, report } from './report.ts';
import { inTurns } from './turns.ts';

const WARM_RUNS = 15;
const PROCESS_RUNS = 7;
const PDF_RUNS = 3;
const SCALES = [0.25, 1, 4, 16];
const CURVE_ROUNDS = 7;
const PROFILE = { issuingBody: 'BAN TỔ CHỨC TRUNG ƯƠNG', abbreviation: 'BTCTW', placeName: 'Hà Nội' };
const CLI = fileURLToPath(new URL('../out/cli/bien-ban.mjs', import.meta.url));

/** Median milliseconds of `work` over `runs`, after `warm` runs not counted. */
async function timed(work: () => unknown, runs: number, warm = 3): Promise<number> {
  for (let i = 0; i < warm; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** The largest resident size, in KB, among a command and the processes it waited for (GNU time); null where it is absent. */
function peakKb(command: string, args: string[], env: NodeJS.ProcessEnv): number | null {
  const result = spawnSync('/usr/bin/time', ['-f', '%M', command, ...args], { encoding: 'utf8', env });
  if (result.error || result.status !== 0) return null;
  const kb = Number(result.stderr.trim().split('\n').at(-1));
  return Number.isFinite(kb) ? kb : null;
}

/** In a fresh process: one export (the work of the command, without its argument parsing); prints its peak memory. */
async function child(db: string, id: number, target: string): Promise<void> {
  const store = createStore(openDatabase(db));
  await writeMinutesDocx(store, id, target, { kind: 'minutes' });
  store.db.close();
  process.stdout.write(String(process.resourceUsage().maxRSS / 1024));
}

async function warmExport(store: Store, id: number, dir: string): Promise<boolean> {
  const target = join(dir, 'warm.docx');
  const exportMs = await timed(() => writeMinutesDocx(store, id, target, { kind: 'minutes' }), WARM_RUNS);
  const record = getMeetingRecord(store, id);
  const readMs = await timed(() => getMeetingRecord(store, id), WARM_RUNS);
  const modelMs = (await timed(() => buildDocument(store, id, { kind: 'minutes' }), WARM_RUNS)) - readMs;
  const doc = buildMinutes(record, store.profile.get());
  const docxMs = await timed(() => renderDocx(doc), WARM_RUNS);

  // The baseline: the same document.xml as strings, and the same parts deflated (node:zlib), as a string writer would.
  const zip = await JSZip.loadAsync(await renderDocx(doc));
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map(async (f) => ({ name: f.name, text: await f.async('string') })),
  );
  const xml = parts.find((p) => p.name === 'word/document.xml')?.text ?? '';
  const head = xml.slice(0, xml.indexOf('<w:body>') + '<w:body>'.length);
  const tail = xml.slice(xml.lastIndexOf('<w:sectPr>'));
  const same = documentXmlAsStrings(doc, head, tail) === xml;
  const others = parts.filter((p) => p.name !== 'word/document.xml');
  const stringsMs = await timed(() => {
    const body = documentXmlAsStrings(doc, head, tail);
    for (const part of [body, ...others.map((p) => p.text)]) deflateRawSync(Buffer.from(part));
  }, WARM_RUNS);

  console.log(
    `National-scale meeting: ${record.sites.length.toLocaleString('en')} sites, ${record.attendees.length} named attendees, ` +
      `${record.speeches.length} speeches; the file ${(statSync(target).size / 1024).toFixed(0)} KB, document.xml ${(xml.length / 1024).toFixed(0)} K characters`,
  );
  console.log(`warm export, ${WARM_RUNS} runs: ${ms(exportMs)} = read ${ms(readMs)} + model ${ms(modelMs)} + DOCX ${ms(docxMs)} + atomic write`);
  report(
    'DOCX of the national minutes (docx package)',
    docxMs,
    'the same document.xml as strings + zlib deflate of every part',
    stringsMs,
    `${((docxMs / exportMs) * 100).toFixed(0)} % of the export`,
  );
  if (!same) console.log('\n  !!! the string baseline is not the same XML as the docx renderer: the comparison is void !!!\n');
  return budget('warm export of the national minutes (1×)', exportMs, 150) && same;
}

async function curve(): Promise<boolean> {
  const sizes = SCALES.map((scale) => {
    const store = createStore(openDatabase(':memory:'));
    store.profile.update(PROFILE);
    const file = nationalMeetingFile(scale);
    const id = store.bulk.create(file.meeting, file); // 16× is beyond the file's 20,000 sites: written directly
    const size = { scale, record: getMeetingRecord(store, id), profile: store.profile.get(), runs: [] as number[] };
    store.db.close();
    return size;
  });
  // The sizes in turns, round after round, so that a change in the machine's load falls on all of them.
  for (let round = 0; round < CURVE_ROUNDS + 1; round++) {
    for (const size of sizes) {
      const start = performance.now();
      await renderDocx(buildMinutes(size.record, size.profile));
      if (round > 0) size.runs.push(performance.now() - start);
    }
  }
  const times = new Map(sizes.map((size) => [size.scale, { ms: median(size.runs), sites: size.record.sites.length }]));
  console.log(`model + DOCX by size of the meeting (median of ${CURVE_ROUNDS} rounds, warm):`);
  for (const [scale, { ms: t, sites }] of times) {
    console.log(
      `  ${String(scale).padStart(4)}×  ${sites.toLocaleString('en').padStart(6)} sites  ${ms(t).padStart(9)}  ${((t * 1000) / sites).toFixed(1)} µs per site`,
    );
  }
  const step = (times.get(16)?.ms ?? NaN) / (times.get(4)?.ms ?? NaN);
  console.log(`  4× → 16× costs ${step.toFixed(2)}× the time (linear: 4×)`);
  return budget('minutes 4× → 16× time ratio (linear ≤ 4.8)', step, 4.8, '×');
}

async function commandLine(db: string, id: number, dir: string, pages: boolean): Promise<boolean> {
  const target = join(dir, 'cli.docx');
  const cli = ['--no-experimental-strip-types', CLI, 'minutes', String(id), target, '--db', db];
  const lo = ['-env:UserInstallation=file://' + join(dir, 'lo-profile'), '--headless', '--convert-to', 'pdf', '--outdir', dir, target];
  const env = { ...process.env, NODE_COMPILE_CACHE: join(dir, 'compile-cache') };
  const bundled = { command: process.execPath, args: cli, env };
  // The round not counted: the bundle's first run fills V8's code cache, as any first run after installing does, and
  // LibreOffice's first run creates its profile.
  const [runs = [], office = []] = inTurns([bundled, { command: 'soffice', args: lo }], PROCESS_RUNS, 1);
  const [fromSource = []] = inTurns([{ command: process.execPath, args: ['electron/cli/main.ts', 'minutes', String(id), target, '--db', db] }], 3);
  const source = median(fromSource);
  report(
    '`minutes` of the national meeting, whole process (bundled tool)',
    median(runs),
    'LibreOffice converting the same DOCX to PDF',
    median(office),
    `${PROCESS_RUNS} runs each, in turns; from source, npm run cli: ${ms(source)}`,
  );
  // The PDF: the same command writing cli.pdf, printed by the installed browser (the app prints with Electron's own).
  const pdf = ['--no-experimental-strip-types', CLI, 'minutes', String(id), join(dir, 'national.pdf'), '--db', db];
  const [pdfRuns = [], docxRuns = []] = inTurns([{ command: process.execPath, args: pdf, env }, bundled], PDF_RUNS);
  const pdfPages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'national.pdf')], { encoding: 'utf8' }))?.[1] ?? '?';
  report(
    '`minutes --pdf` of the national meeting, whole process (browser print)',
    median(pdfRuns),
    '`minutes` to DOCX, the same run',
    median(docxRuns),
    `${PDF_RUNS} runs each, in turns; ${pdfPages} pages`,
  );
  const peakPdf = peakKb(process.execPath, pdf, env);
  if (peakPdf !== null) console.log(`peak memory of the PDF command (largest process, the browser's included): ${(peakPdf / 1024).toFixed(0)} MB`);
  const self = fileURLToPath(import.meta.url);
  const peaks = [0, 1, 2].map(() => Number(execFileSync(process.execPath, [self, '--child', db, String(id), join(dir, 'child.docx')], { encoding: 'utf8' })));
  console.log(`peak memory of an export in a fresh process (max RSS, Node itself included): median ${median(peaks).toFixed(0)} MB`);
  if (pages) {
    const info = execFileSync('pdfinfo', [join(dir, 'cli.pdf')], { encoding: 'utf8' });
    console.log(`pages (LibreOffice): ${/Pages:\s+(\d+)/.exec(info)?.[1] ?? '?'}`);
  }
  return [budget('`minutes` command, whole process', median(runs), 300), budget('peak memory of an export', median(peaks), 300, 'MB')].every(Boolean);
}

async function parent(): Promise<void> {
  // The command is timed as built: out/cli must be newer than its sources.
  const stale = staleBuild(['out/cli/bien-ban.mjs', 'out/cli/tool.cjs'], ['electron', 'shared', 'build/bundle-electron.ts', 'package-lock.json']);
  if (stale) {
    console.error(`\n  !!! ${stale} !!!\n`);
    process.exitCode = 1;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-minutes-'));
  try {
    const db = join(dir, 'store.sqlite');
    const store = createStore(openDatabase(db));
    store.profile.update(PROFILE);
    const id = importMeeting(store, parseMeetingFile(nationalMeetingFile()));
    const ok = [await warmExport(store, id, dir)];
    store.db.close();
    ok.push(await curve(), await commandLine(db, id, dir, process.argv.includes('--pages')));
    process.exitCode = ok.every(Boolean) ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) {
  const [db = '', id = '', target = ''] = process.argv.slice(at + 1);
  await child(db, Number(id), target);
} else {
  await parent();
}
