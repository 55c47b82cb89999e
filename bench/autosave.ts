// Benchmark: autosave of a long speech (over 30,000 characters, 50 paragraphs) in the national meeting, on a
// store also holding 200 other meetings, as the speech field saves while the secretary types: the save through
// the editing layer (its trigger queues the speech for the index), then the index catching up, which re-indexes
// only the passage typed into; side by side with a bare UPDATE of the same text in the same run. Also the same saves
// as the window sends them (the channel's validation, the handler's answer with the speeches, IPC's copy of it).
// The log is synced as in the app (electron/store/durability.ts): off the main thread, the answer waiting for it.
// Budget: autosave p99 ≤ 5 ms (the save in the store, which holds the main process).
// Run: npm run bench -- autosave
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { dispatch } from '../electron/api/dispatch.ts';
import { createHandlers } from '../electron/api/handlers.ts';
import { documents } from '../electron/minutes/documents.ts';
import { importMeeting } from '../electron/services/meeting-file.ts';
import { keepDurable } from '../electron/store/durability.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';
import { SENTENCES, writeArchive } from './archive.ts';
import { budget, ms, percentile } from './report.ts';
import { nationalMeetingFile } from './national-meeting.ts';

const SAVES = 300;
const BUDGET_P99 = 5;
const LONG = 30_000;

const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-autosave-'));
try {
  const store = createStore(openDatabase(join(dir, 'store.sqlite')));
  const meetingId = importMeeting(store, nationalMeetingFile());
  writeArchive(store.db, { meetings: 200, speeches: 100, sites: 4, attendees: 6, seed: 7 });
  store.search.index.update();
  // 50 paragraphs of about 640 characters, each its own.
  const paragraphs = Array.from(
    { length: 50 },
    (_, p) => `${p + 1}. ${Array.from({ length: 7 }, (_, s) => SENTENCES[(p * 3 + s) % SENTENCES.length]).join(' ')}`,
  );
  const speech = store.speeches.add(meetingId, { speakerName: 'Nguyễn Văn Thông', content: paragraphs.join('\n') });
  store.search.index.update();
  const length = speech.content.length;
  // From here on, as the app's session keeps the store.
  const checkpoints: { ms: number; frames: number }[] = [];
  const durability = keepDurable(store.db, { onCheckpoint: (ms, frames) => checkpoints.push({ ms, frames }) });
  if (length < LONG) throw new Error(`the speech has ${length} characters, fewer than ${LONG}`);

  /** The text after `n` keystrokes typed into the paragraph the secretary is in (they move on every 40). */
  const typed = (n: number) => {
    const next = [...paragraphs];
    const at = Math.floor(n / 40) % next.length;
    next[at] = `${next[at]} ${'Ý kiến bổ sung về công tác cán bộ.'.slice(0, 1 + (n % 40))}`;
    return next.join('\n');
  };
  const line = (name: string, v: number[]) =>
    `${name.padEnd(46)} p50 ${percentile(v, 0.5).toFixed(2)} ms  p95 ${percentile(v, 0.95).toFixed(2)} ms  p99 ${percentile(v, 0.99).toFixed(2)} ms`;

  // What the slowest saves are made of: the garbage collector's pauses are recorded, to be matched with the saves.
  const pauses: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const saves: number[] = [];
  const cpu: number[] = [];
  const spans: [number, number][] = [];
  const indexing: number[] = [];
  const onDisk: number[] = [];
  for (let n = 0; n < SAVES; n++) {
    // The secretary pauses now and then: the log is checkpointed then, as in the app.
    if (n > 0 && n % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 1500));
    const content = typed(n);
    // As the speech field's autosave arrives (the updateItem handler); its trigger queues the speech.
    const start = performance.now();
    const startCpu = process.cpuUsage();
    store.speeches.update(speech.id, { content });
    const saved = performance.now();
    const used = process.cpuUsage(startCpu);
    saves.push(saved - start);
    cpu.push((used.user + used.system) / 1000);
    spans.push([start, saved]);
    // The answer goes back once the log is synced (in the thread pool; the main process is free meanwhile).
    await durability.flush();
    onDisk.push(performance.now() - start);
    const flushed = performance.now();
    // The index catching up, as the background indexer does within a second (or the next search at once).
    store.search.index.update();
    indexing.push(performance.now() - flushed);
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // the observer is told of the pauses once the event loop turns
  observer.disconnect();
  const paused = spans.map(([from, to]) => pauses.filter((g) => g.startTime < to && g.startTime + g.duration > from).reduce((sum, g) => sum + g.duration, 0));
  const slowest = saves
    .map((t, i) => ({ t, gc: paused[i] ?? 0 }))
    .sort((a, b) => b.t - a.t)
    .slice(0, Math.ceil(SAVES / 100));
  const passages = store.db.prepare('SELECT count(*) FROM search_docs WHERE kind = 4 AND record_id = ?').pluck().get(speech.id) as number;

  // The same saves as the window sends them: the channel validates the input, the handler saves and answers with
  // what changed, and the answer is copied as IPC copies it (structured clone).
  const none = async () => null;
  const handlers = createHandlers(store, { saveFile: none, openFile: none, chooseFolder: none }, documents);
  const channel: number[] = [];
  for (let n = 0; n < SAVES; n++) {
    const content = typed(n + 1);
    const start = performance.now();
    const answer = await dispatch(handlers, 'updateItem', { list: 'speeches', id: speech.id, patch: { content } });
    structuredClone(answer);
    channel.push(performance.now() - start);
    if (!answer.ok) throw new Error(answer.error.message);
    await durability.flush();
    store.search.index.update();
  }

  const bare = store.db.prepare('UPDATE speeches SET content = ? WHERE id = ?');
  const bareUpdates = () => {
    const times: number[] = [];
    for (let n = 0; n < SAVES; n++) {
      const content = typed(n);
      const start = performance.now();
      bare.run(content, speech.id);
      times.push(performance.now() - start);
    }
    store.search.index.update();
    return times;
  };
  const updates = bareUpdates();
  await durability.flush();

  // A save that leaves the text alone (the speech's duration) queues nothing to index.
  const others: number[] = [];
  for (let n = 0; n < SAVES; n++) {
    const start = performance.now();
    store.speeches.update(speech.id, { durationMinutes: 1 + (n % 30) });
    others.push(performance.now() - start);
    if (store.search.index.update() !== 0 || store.search.index.pending() !== 0) throw new Error('a save of the duration queued the speech');
  }

  // SQLite syncing the log inside each commit (synchronous = FULL), as the command line and every store without
  // the app's session do.
  durability.stop();
  const syncedUpdates = bareUpdates();

  const counts = store.db
    .prepare('SELECT (SELECT count(*) FROM meetings), (SELECT count(*) FROM speeches), (SELECT count(*) FROM sites)')
    .raw()
    .get() as number[];
  console.log(
    `Store: the national meeting and 200 others (${counts[0]} meetings, ${counts[1]} speeches, ${counts[2]} sites); ` +
      `a speech of ${length.toLocaleString('en')} characters indexed as ${passages} passages; ${SAVES} saves each`,
  );
  console.log(line('autosave (the project)', saves));
  console.log(line('autosave, CPU time of the process', cpu));
  console.log(line('autosave until on disk (when it is answered)', onDisk));
  console.log(line('autosave through the channel, with its answer', channel));
  console.log(line('then re-indexing the passage typed into', indexing));
  console.log(
    line(
      'both together',
      saves.map((v, i) => v + (indexing[i] ?? 0)),
    ),
  );
  console.log(line('bare UPDATE of the same text', updates));
  console.log(line('bare UPDATE, SQLite syncing each commit (FULL)', syncedUpdates));
  console.log(line('save of the duration (no text change)', others));
  console.log(
    `checkpoints when the typing paused (the main process held, apart from any save): ${checkpoints.length}, ` +
      checkpoints.map(({ ms: t, frames }) => `${ms(t)} for ${frames} frames`).join(', '),
  );
  console.log(
    `garbage collection: ${pauses.length} pauses in the ${SAVES} saves and indexing runs, ${paused.filter((d) => d > 0).length} of them inside a save; ` +
      `the ${slowest.length} slowest saves: ${slowest.map(({ t, gc }) => `${ms(t)} (GC ${ms(gc)})`).join(', ')}`,
  );
  const p99 = percentile(saves, 0.99);
  console.log(
    `ratio p99 autosave / bare UPDATE: ${(p99 / percentile(updates, 0.99)).toFixed(1)}×; machine load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  // For npm run bench's summary (bench/report.ts's format; these figures are p99s, not medians).
  const result = (what: string, value: number, baseline: number, baselineName = 'bare UPDATE p99') =>
    console.log(['RESULT', what, ms(value), baselineName, ms(baseline), `${(value / baseline).toFixed(2)}×`].join('\t'));
  result('autosave p99 of a 30,000-character speech', p99, percentile(updates, 0.99));
  result('autosave p99 through the channel, with its answer', percentile(channel, 0.99), percentile(updates, 0.99));
  result('autosave p99 until on disk (answered then; off the main thread)', percentile(onDisk, 0.99), percentile(syncedUpdates, 0.99), 'bare UPDATE p99, FULL');
  result('save of the duration p99 (no text change, nothing to index)', percentile(others, 0.99), percentile(updates, 0.99));
  result('re-indexing the passage typed into, p99 (apart, after the save)', percentile(indexing, 0.99), percentile(updates, 0.99));
  const ok = budget('autosave p99 of a 30,000-character speech', p99, BUDGET_P99);
  store.db.close();
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
