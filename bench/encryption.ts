// Benchmark: the same work on an encrypted store beside a plain one, in one run: start-up (opening the store that
// holds the national meeting and 200 others, and listing its meetings), the autosave of a 30,000-character speech,
// importing the national meeting file, a search, and the warm export of the national minutes. Each pair is taken in
// turns (plain, encrypted, plain, …) so that a change in the machine's load falls on both. Apart: the key
// derivation (scrypt with the app's parameters) that an encrypted store costs once per start.
// Budgets: autosave, import, export and search (issue 14), and start-up besides, within 15 % of the plain store.
// Run: npm run bench -- encrypted
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeMinutesDocx } from '../electron/minutes/documents.ts';
import { importMeeting, importMeetingFile, parseMeetingFile, serializeMeetingFile } from '../electron/services/meeting-file.ts';
import { createStore, openDatabase, type Store } from '../electron/store/index.ts';
import { createKey, deriveKey, DEFAULT_KDF, type StoreKey } from '../electron/store/keys.ts';
import { SENTENCES, writeArchive } from './archive.ts';
import { nationalMeetingFile } from './national-meeting.ts';
import { budget, median, report } from './report.ts';

const KDF_RUNS = 5;
const OPEN_RUNS = 9;
const IMPORT_RUNS = 7;
const SAVES = 150;
const SEARCH_ROUNDS = 5;
const EXPORT_RUNS = 9;
const MAX_RATIO = 1.15;
const PASSPHRASE = 'Sông Thạch Hãn chảy qua thành cổ Quảng Trị';
const PROFILE = { issuingBody: 'BAN TỔ CHỨC TRUNG ƯƠNG', abbreviation: 'BTCTW', placeName: 'Hà Nội' };
/** As secretaries type them: accents or not, names, common and rare words, a prefix, no match. */
const QUERIES = [
  'dang',
  'Đảng',
  'cán bộ',
  'hoi nghi tong ket',
  'thủy lợi',
  'phong chong tham nhung',
  'nguyen van thong',
  'Đặng Thị Hòa',
  'Lý',
  'khung nang luc',
  'hoi ngh',
  'Quảng N',
  'xyzzy',
  'Tỉnh ủy Thanh H',
];

interface Form {
  name: 'plain' | 'encrypted';
  key: StoreKey | null;
  file: string;
  store: Store | null;
  meetingId: number;
  speechId: number;
}

const dir = mkdtempSync(join(tmpdir(), 'bien-ban-bench-encrypted-'));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
/** Milliseconds of wall-clock and of this process's CPU time (which the machine's other processes do not inflate). */
interface Spent {
  wall: number;
  cpu: number;
}
const time = async (work: () => unknown): Promise<Spent> => {
  const used = process.cpuUsage();
  const start = performance.now();
  await work();
  const wall = performance.now() - start;
  const { user, system } = process.cpuUsage(used);
  return { wall, cpu: (user + system) / 1000 };
};
const open = (form: Form) => createStore(openDatabase(form.file, { key: form.key }));
const storeOf = (form: Form) => form.store ?? (form.store = open(form));

/** `work` on each form in turns, `runs` times, the order swapped every run (plain first, then encrypted first). */
async function inTurns(forms: Form[], runs: number, work: (form: Form, run: number) => Promise<Spent>): Promise<Map<Form, Spent[]>> {
  const times = new Map(forms.map((form) => [form, [] as Spent[]]));
  for (let run = 0; run < runs; run++) {
    for (const form of run % 2 === 0 ? forms : [...forms].reverse()) times.get(form)?.push(await work(form, run));
  }
  return times;
}

/**
 * Prints the pair (encrypted beside plain, medians of wall-clock and of CPU time) and, when `budgeted`, checks the
 * ratio of CPU time: on a shared machine the wall-clock of one form can be inflated by another process while the
 * other's is not; the CPU time is the store's own work, the cipher's included.
 */
function compare(what: string, times: Map<Form, Spent[]>, detail: string, budgeted: boolean): boolean {
  const [plain = [], encrypted = []] = [...times.values()];
  const of = (spent: Spent[], kind: keyof Spent) => median(spent.map((s) => s[kind]));
  report(`${what}, encrypted store`, of(encrypted, 'wall'), 'the same on a plain store', of(plain, 'wall'), detail);
  report(`${what}, encrypted store, CPU time`, of(encrypted, 'cpu'), 'the same on a plain store', of(plain, 'cpu'));
  const ratio = of(encrypted, 'cpu') / of(plain, 'cpu');
  return budgeted ? budget(`${what}: encrypted / plain, CPU time (within 15 %)`, ratio, MAX_RATIO, '×') : true;
}

let failed = false;
try {
  console.log(`Load average before: ${load()}`);
  // The key derivation: as encrypting does it (createKey), then as every start does it (deriveKey from the header).
  const derivations: Spent[] = [];
  let key = await createKey(PASSPHRASE);
  for (let run = 0; run < KDF_RUNS; run++) {
    derivations.push(
      await time(async () => {
        const derived = await deriveKey(PASSPHRASE, key.header);
        if (!derived) throw new Error('the passphrase did not derive its own key');
        key = derived;
      }),
    );
  }

  const national = nationalMeetingFile();
  const meetingFile = join(dir, 'national.json');
  writeFileSync(meetingFile, serializeMeetingFile(national));
  const paragraphs = Array.from(
    { length: 50 },
    (_, p) => `${p + 1}. ${Array.from({ length: 7 }, (_, s) => SENTENCES[(p * 3 + s) % SENTENCES.length]).join(' ')}`,
  );
  const forms: Form[] = (['plain', 'encrypted'] as const).map((name) => ({
    name,
    key: name === 'plain' ? null : key,
    file: join(dir, `${name}.sqlite`),
    store: null,
    meetingId: 0,
    speechId: 0,
  }));
  for (const form of forms) {
    const store = open(form);
    store.profile.update(PROFILE);
    form.meetingId = importMeeting(store, parseMeetingFile(national));
    writeArchive(store.db, { meetings: 200, speeches: 100, sites: 4, attendees: 6, seed: 7 });
    form.speechId = store.speeches.add(form.meetingId, { speakerName: 'Nguyễn Văn Thông', content: paragraphs.join('\n') }).id;
    store.search.index.update();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.close();
  }
  const [plainFile = '', encryptedFile = ''] = forms.map((form) => form.file);
  console.log(
    `Stores: the national meeting (${national.sites.length.toLocaleString('en')} sites) and 200 others of 100 speeches; ` +
      `plain ${(statSync(plainFile).size / 1e6).toFixed(0)} MB, encrypted ${(statSync(encryptedFile).size / 1e6).toFixed(0)} MB ` +
      `(AEGIS-256, 4,096-byte pages)`,
  );

  // Start-up: the store opened as the app opens it (read-only check of every page, settings, migrations) and listed.
  const opened = await inTurns(forms, OPEN_RUNS, (form) =>
    time(() => {
      const store = open(form);
      store.meetings.list();
      store.db.close();
    }),
  );
  const [, encryptedOpens = []] = [...opened.values()];
  report(
    `key derivation (scrypt N = 2^${DEFAULT_KDF.log2N}, r = ${DEFAULT_KDF.r}, p = ${DEFAULT_KDF.p}), once per start`,
    median(derivations.map((d) => d.wall)),
    'start-up of the encrypted store with the key at hand',
    median(encryptedOpens.map((o) => o.wall)),
    `${KDF_RUNS} derivations`,
  );
  failed = !compare('start-up: open the store and list its meetings', opened, `${OPEN_RUNS} opens each, in turns`, true) || failed;

  // Import of the national meeting file into a fresh store of each form.
  let fresh = 0;
  const imports = await inTurns(forms, IMPORT_RUNS, async (form) => {
    const file = join(dir, `fresh-${++fresh}.sqlite`);
    const store = createStore(openDatabase(file, { key: form.key }));
    const spent = await time(() => importMeetingFile(store, meetingFile));
    store.db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    return spent;
  });
  failed = !compare('import of the national meeting file', imports, `${IMPORT_RUNS} imports each into a fresh store, in turns`, true) || failed;

  // Autosave of the long speech as the secretary types into a paragraph (synchronous = FULL: each save reaches the disk).
  const typed = (n: number) => {
    const next = [...paragraphs];
    const at = Math.floor(n / 40) % next.length;
    next[at] = `${next[at]} ${'Ý kiến bổ sung về công tác cán bộ.'.slice(0, 1 + (n % 40))}`;
    return next.join('\n');
  };
  const indexing = new Map(forms.map((form) => [form, [] as Spent[]]));
  const saves = await inTurns(forms, SAVES, async (form, n) => {
    const store = storeOf(form);
    const spent = await time(() => store.speeches.update(form.speechId, { content: typed(n) }));
    indexing.get(form)?.push(await time(() => store.search.index.update()));
    return spent;
  });
  failed = !compare('autosave of a 30,000-character speech', saves, `${SAVES} saves each, in turns`, true) || failed;
  compare('then the index catching up with it', indexing, `${SAVES} each`, false);

  // Search, the page cache warm (a first round not counted).
  for (const form of forms) for (const query of QUERIES) storeOf(form).search.search(query);
  const searches = await inTurns(forms, SEARCH_ROUNDS * QUERIES.length, (form, n) =>
    time(() => storeOf(form).search.search(QUERIES[n % QUERIES.length] ?? '')),
  );
  failed = !compare('search', searches, `${QUERIES.length} queries × ${SEARCH_ROUNDS} rounds each, in turns`, true) || failed;

  // Warm export of the national minutes to Word (read from the store, model, DOCX, atomic write).
  const exportOf = (form: Form) => writeMinutesDocx(storeOf(form), form.meetingId, join(dir, `${form.name}.docx`), { kind: 'minutes' });
  for (let warm = 0; warm < 3; warm++) for (const form of forms) await exportOf(form);
  const exports = await inTurns(forms, EXPORT_RUNS, (form) => time(() => exportOf(form)));
  failed = !compare('warm export of the national minutes', exports, `${EXPORT_RUNS} exports each, in turns`, true) || failed;

  for (const form of forms) form.store?.db.close();
  console.log(`Load average after: ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
