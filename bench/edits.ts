// Benchmark: one edit at national scale as the page makes it (through the contract's dispatch, which now
// answers with the whole list the edit touched, in store order) against the same edit on the repository
// alone, in the same run, on a database file like the app's. Run: npm run bench -- edits
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../electron/api/dispatch.ts';
import { createHandlers } from '../electron/api/handlers.ts';
import { importMeeting } from '../electron/services/meeting-file.ts';
import { createStore, openDatabase } from '../electron/store/index.ts';
import { nationalMeetingFile } from './national-meeting.ts';
import { median } from './report.ts';

const RUNS = 200;
const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-'));
try {
  const store = createStore(openDatabase(join(dir, 'bench.sqlite')));
  const meetingId = importMeeting(store, nationalMeetingFile());
  const handlers = createHandlers(
    store,
    { saveFile: async () => null, openFile: async () => null, chooseFolder: async () => null },
    {
      preview: () => ({ html: '', css: '', missing: [], advice: [] }),
      write: async () => ({ missing: [] }),
      print: async () => null,
    },
  );
  const speech = store.speeches.list(meetingId)[75]?.id ?? 0;
  const site = store.sites.list(meetingId)[1700]?.id ?? 0;
  const attendee = store.attendees.list(meetingId)[300]?.id ?? 0;
  const cases = [
    { name: 'speech text (150 speeches)', list: 'speeches', id: speech, patch: (i: number) => ({ content: `Ý kiến số ${i}. `.repeat(40) }) },
    { name: 'site name (3,356 sites)', list: 'sites', id: site, patch: (i: number) => ({ name: `Xã số ${i}` }) },
    { name: 'attendee position (600 attendees)', list: 'attendees', id: attendee, patch: (i: number) => ({ positions: `Chức vụ ${i}` }) },
  ] as const;
  console.log(`National-scale meeting; median of ${RUNS} edits each, the repository alone as the baseline of the same run:`);
  for (const c of cases) {
    const alone: number[] = [];
    const answered: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      let start = performance.now();
      store[c.list].update(c.id, c.patch(i));
      alone.push(performance.now() - start);
      start = performance.now();
      const result = await dispatch(handlers, 'updateItem', { list: c.list, id: c.id, patch: c.patch(i + RUNS) });
      // What IPC does with the answer: structured clone (JSON is the closest plain-Node measure).
      bytes = JSON.stringify(result).length;
      answered.push(performance.now() - start);
    }
    console.log(
      `${c.name}: repository ${median(alone).toFixed(2)} ms; with the answer ${median(answered).toFixed(2)} ms (${(bytes / 1024).toFixed(0)} KB as JSON)`,
    );
  }
  store.db.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
