// Benchmark: the biên bản of the national-scale meeting as a Word file (read from the store, model, DOCX, atomic write).
// Each measured export runs in a fresh process, as the CLI or one export from the app would: its time, and its peak
// memory (max RSS, the Node runtime itself included).
// Run: node bench/minutes.ts [--pages]   (--pages also converts the file with LibreOffice and counts its pages)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeMinutesDocx } from '../electron/minutes/documents.ts';
import { importMeeting } from '../electron/services/meeting-file.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';
import { nationalMeetingFile } from './national-meeting.ts';

const RUNS = 5;
const TARGET_MS = 1000;
const TARGET_MB = 300;

interface Measure { ms: number; peakMb: number; beforeMb: number }

/** One export in this process: what the parent asked for with --child <db> <id> <target>. */
async function child(db: string, id: number, target: string): Promise<void> {
  const beforeMb = process.memoryUsage().rss / 1048576;
  const start = performance.now();
  const store = createStore(openDatabase(db));
  await writeMinutesDocx(store, id, target, { kind: 'minutes' });
  store.db.close();
  const ms = performance.now() - start;
  const measure: Measure = { ms, peakMb: process.resourceUsage().maxRSS / 1024, beforeMb };
  process.stdout.write(JSON.stringify(measure));
}

function parent(): void {
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-minutes-'));
  try {
    const db = join(dir, 'store.sqlite');
    const store = createStore(openDatabase(db));
    store.profile.update({ issuingBody: 'BAN TỔ CHỨC TRUNG ƯƠNG', abbreviation: 'BTCTW', placeName: 'Hà Nội' });
    const id = importMeeting(store, nationalMeetingFile());
    store.db.close();
    const target = join(dir, 'bien-ban.docx');
    const self = fileURLToPath(import.meta.url);
    const runs: Measure[] = Array.from({ length: RUNS }, () =>
      JSON.parse(execFileSync(process.execPath, [self, '--child', db, String(id), target], { encoding: 'utf8' })) as Measure);

    const worst = (key: keyof Measure) => Math.max(...runs.map((r) => r[key]));
    const median = (key: keyof Measure) => [...runs.map((r) => r[key])].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? NaN;
    console.log('National-scale meeting: 3,356 sites (3,321 count-only), 600 named attendees, 150 speeches');
    console.log(`minutes DOCX: median ${median('ms').toFixed(0)} ms, worst ${worst('ms').toFixed(0)} ms over ${RUNS} fresh processes (target < ${TARGET_MS} ms)`);
    console.log(`peak memory (max RSS): median ${median('peakMb').toFixed(0)} MB, worst ${worst('peakMb').toFixed(0)} MB (target < ${TARGET_MB} MB); `
      + `the process before the export: ${median('beforeMb').toFixed(0)} MB`);
    console.log(`file size: ${(statSync(target).size / 1024).toFixed(0)} KB`);
    if (process.argv.includes('--pages')) {
      execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, target], { stdio: 'ignore' });
      const info = execFileSync('pdfinfo', [join(dir, 'bien-ban.pdf')], { encoding: 'utf8' });
      console.log(`pages (LibreOffice): ${/Pages:\s+(\d+)/.exec(info)?.[1] ?? '?'}`);
    }
    const ok = worst('ms') < TARGET_MS && worst('peakMb') < TARGET_MB;
    console.log(ok ? 'OK' : 'OVER TARGET');
    process.exitCode = ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) {
  const [db = '', id = '', target = ''] = process.argv.slice(at + 1);
  await child(db, Number(id), target);
} else {
  parent();
}
