// Benchmark: the central secretary merges 3,321 count-only site reports (one per commune of the national meeting,
// after the package was sent, so each is an update) in one go, from a folder, into a database file like the app's.
// Each measure is a fresh process (its peak memory is its own), taken in turns round after round so that a change in
// the machine's load falls on all of them, each on a fresh copy of the database:
//   - merge: read the folder, plan (match by identity, bases, the preview), write through the bulk path;
//   - baseline "read alone": the same folder read and validated, nothing planned or written;
//   - baseline "bulk, no matching": the same files read and the same rows (head counts, bases) written through
//     the same bulk path, their writes built straight from the reports without the merge's plan.
// Budgets: the merge ≤ 4 × the read alone; its peak memory ≤ 400 MB.
// Run: npm run bench -- merge
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { importMeeting } from '../electron/services/meeting-file.ts';
import { exportSitePackage } from '../electron/services/site-package.ts';
import { mergeReports, readReports, reportFiles } from '../electron/services/site-merge.ts';
import { siteValues, toSiteReport } from '../electron/services/site-report.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';
import type { SiteReport } from '../shared/model/site-report.ts';
import { nationalMeetingFile } from './national-meeting.ts';
import { budget, median, ms, report } from './report.ts';

const ROUNDS = 5;
const MODES = ['merge', 'read', 'bulk'] as const;
type Mode = (typeof MODES)[number];

/** In a fresh process: one measure on the database given; prints its time and peak memory as JSON. */
function child(mode: Mode, db: string, folder: string, meetingId: number): void {
  const store = createStore(openDatabase(db));
  const start = performance.now();
  const reports = readReports(reportFiles([folder]));
  let summary = '';
  if (mode === 'merge') {
    summary = mergeReports(store, meetingId, reports).summary;
  } else if (mode === 'bulk') {
    const siteIds = new Map(store.sites.list(meetingId).map((site) => [site.uuid, site.id]));
    const siteCounts: { siteId: number; attendeeCount: number | null }[] = [];
    const bases: { uuid: string; fields: string }[] = [];
    for (const { report: r } of reports) {
      if (r instanceof Error) throw r;
      if (!('site' in r)) throw new Error('not a site report');
      siteCounts.push({ siteId: siteIds.get(r.site.uuid) ?? 0, attendeeCount: r.site.attendeeCount });
      bases.push({ uuid: r.site.uuid, fields: JSON.stringify(siteValues(r.site)) });
    }
    store.bulk.merge(meetingId, { siteCounts, addAttendees: [], updateAttendees: [], addSpeeches: [], updateSpeeches: [], bases });
  }
  const elapsed = performance.now() - start;
  store.db.close();
  process.stdout.write(JSON.stringify({ ms: elapsed, rssMb: process.resourceUsage().maxRSS / 1024, reports: reports.length, summary }));
}

function main(): void {
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-merge-'));
  try {
    // The centre: the national meeting, its package sent (the bases recorded).
    const central = join(dir, 'trung-tam.sqlite');
    const store = createStore(openDatabase(central));
    const meetingId = importMeeting(store, nationalMeetingFile(1));
    exportSitePackage(store, meetingId, join(dir, 'goi.json'), { withAttendees: false });
    const communes = store.sites.list(meetingId).filter((site) => site.attendeeCount !== null);
    // Each commune's report as its machine writes it (toSiteReport on the first; the others the same shape with
    // their own site and head count, which saves opening the package 3,321 times here).
    const first = communes[0];
    if (!first) throw new Error('no count-only site');
    const template: SiteReport = toSiteReport(store, first.id);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.close();
    const folder = join(dir, 'bao-cao');
    mkdirSync(folder);
    for (const [i, site] of communes.entries()) {
      const r: SiteReport = { ...template, site: { ...template.site, uuid: site.uuid, name: site.name, attendeeCount: (site.attendeeCount ?? 0) + 1 } };
      writeFileSync(join(folder, `bao-cao-${String(i + 1).padStart(4, '0')}.json`), `${JSON.stringify(r, null, 2)}\n`);
    }
    console.log(`${communes.length.toLocaleString('en')} count-only site reports of a meeting of ${(communes.length + 35).toLocaleString('en')} sites`);

    const runs: Record<Mode, { ms: number[]; rss: number[] }> = { merge: { ms: [], rss: [] }, read: { ms: [], rss: [] }, bulk: { ms: [], rss: [] } };
    let summary = '';
    for (let round = 0; round < ROUNDS + 1; round++) {
      for (const mode of MODES) {
        const copy = join(dir, `copy-${mode}.sqlite`);
        copyFileSync(central, copy);
        const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'child', mode, copy, folder, String(meetingId)], { encoding: 'utf8' });
        rmSync(copy, { force: true });
        rmSync(`${copy}-wal`, { force: true });
        rmSync(`${copy}-shm`, { force: true });
        if (result.status !== 0) throw new Error(`${mode}: ${result.stderr}`);
        const figures = JSON.parse(result.stdout) as { ms: number; rssMb: number; summary: string };
        if (mode === 'merge') summary = figures.summary;
        if (round === 0) continue; // the first round warms the page cache
        runs[mode].ms.push(figures.ms);
        runs[mode].rss.push(figures.rssMb);
      }
    }
    console.log(`merge's summary: ${summary}`);
    const mergeMs = median(runs.merge.ms);
    const readMs = median(runs.read.ms);
    const bulkMs = median(runs.bulk.ms);
    const rss = (mode: Mode) => median(runs[mode].rss);
    for (const mode of MODES)
      console.log(`  ${mode.padEnd(5)} ${runs[mode].ms.map(ms).join(', ')}; peak ${runs[mode].rss.map((v) => v.toFixed(0)).join(', ')} MB`);
    report(
      'merge of 3,321 count-only site reports',
      mergeMs,
      'the same folder read alone',
      readMs,
      `${ROUNDS} runs, peak memory ${rss('merge').toFixed(0)} MB vs ${rss('read').toFixed(0)} MB read alone`,
    );
    report(
      'merge of 3,321 count-only site reports (vs bulk)',
      mergeMs,
      'the same files and rows through the bulk path without the matching',
      bulkMs,
      `peak memory ${rss('bulk').toFixed(0)} MB`,
    );
    const ok = [
      summary === '3.321 báo cáo: 3.321 nhập, 0 có khác biệt cần chọn, 0 bị từ chối. 0 mục mới, 3.321 mục cập nhật.',
      budget('merge of 3,321 reports vs reading them alone', mergeMs / readMs, 4, '×'),
      budget('peak memory of the merge', rss('merge'), 400, 'MB'),
    ];
    if (!ok[0]) console.log('\n  !!! the merge did not merge every report as an update: the figures are void !!!\n');
    process.exitCode = ok.every(Boolean) ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child') {
  const [, , , mode, db = '', folder = '', id = ''] = process.argv;
  child(mode as Mode, db, folder, Number(id));
} else {
  main();
}
