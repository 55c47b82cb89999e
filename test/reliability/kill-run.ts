// The kill run, shared by the test (an explicit, small count) and bench/kill.ts (1,000 kills and more):
// a writer process (writer.ts) applies a stream of edits and prints an acknowledgement after each commit;
// it is killed with SIGKILL after a chosen number of acknowledgements (or while still opening the store),
// then the database is reopened and every acknowledged edit looked for. What is asserted is what was
// killed and checked, never a rate: a slow machine only makes the run longer.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openTestDatabase } from '../support/test-key.ts';

const WRITER = fileURLToPath(new URL('./writer.ts', import.meta.url));
/** A writer that prints nothing for this long is stuck: the run fails instead of waiting for ever. */
const STALL_MS = 60_000;

/** A small seeded generator (mulberry32), so that a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Ack {
  n: number;
  kind: string;
  id: number | null;
}

export interface KillFigures {
  kills: number;
  /** Kills that came after the writer had acknowledged the edits it was asked for (the rest: while opening). */
  killedWhileWriting: number;
  /** Databases reopened and checked after a kill: one per kill. */
  checked: number;
  /** Acknowledgements the kills waited for: a floor of `acknowledged`, fixed by the seed. */
  awaited: number;
  acknowledged: number;
  lost: number;
  torn: number;
  integrity: string[];
  foreignKeyProblems: number;
}

/**
 * Runs the writer from sequence first and kills it after `after` acknowledgements (null: while opening, after
 * delayMs); `app`: its writes synced as the app's are (durability.ts), otherwise by SQLite at each commit.
 */
function runAndKill(file: string, first: number, after: number | null, delayMs: number, app: boolean): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, file, String(first), ...(app ? ['app'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let buffer = '';
    let stderr = '';
    let killed = false;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    let stall = setTimeout(() => reject(new Error(`writer made no progress for ${STALL_MS / 1000} s`)), STALL_MS);
    const opening = after === null ? setTimeout(kill, delayMs) : null;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.stdout.on('data', (chunk: string) => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        kill();
        reject(new Error(`writer made no progress for ${STALL_MS / 1000} s`));
      }, STALL_MS);
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          if (after === 0 && !killed) kill();
          continue;
        }
        const [, n, kind, id] = line.split(' ');
        acks.push({ n: Number(n), kind: kind ?? '', id: id === undefined ? null : Number(id) });
        if (after !== null && acks.length >= after && !killed) kill();
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(stall);
      if (opening) clearTimeout(opening);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (${String(code)}): ${stderr}`));
      else resolve(acks);
    });
  });
}

/** Reopens the database after a kill and counts what is missing of the acknowledged edits. */
function check(file: string, acked: Ack[], inFlight: Set<number>, figures: KillFigures): void {
  const db = openTestDatabase(file);
  try {
    figures.checked++;
    figures.integrity.push(db.pragma('integrity_check', { simple: true }) as string);
    figures.foreignKeyProblems += (db.pragma('foreign_key_check') as unknown[]).length;
    const speeches = new Map((db.prepare('SELECT id, content FROM speeches').all() as { id: number; content: string }[]).map((r) => [r.id, r.content]));
    const contents = new Set([...speeches.values()].map((c) => c.split(' ')[0]));
    const conclusions = new Map<string, number>();
    for (const content of db.prepare('SELECT content FROM conclusions').pluck().all() as string[]) {
      const key = content.split('-')[0] ?? '';
      conclusions.set(key, (conclusions.get(key) ?? 0) + 1);
    }
    const title = db.prepare('SELECT title FROM meetings').pluck().get() as string | undefined;
    const titleN = title === undefined ? -1 : Number(title.slice(1));
    // Pasted blocks are all or nothing, acknowledged or in flight.
    for (const count of conclusions.values()) if (count !== 3) figures.torn++;
    let lastTitle = -1;
    const lastUpdate = new Map<number, number>();
    for (const ack of acked) {
      if (ack.kind === 'speech' && !contents.has(`e${ack.n}`)) figures.lost++;
      if (ack.kind === 'batch' && conclusions.get(`e${ack.n}`) !== 3) figures.lost++;
      if (ack.kind === 'title') lastTitle = ack.n;
      if (ack.kind === 'update' && ack.id !== null) lastUpdate.set(ack.id, ack.n);
    }
    // A later value may only come from an edit in flight.
    const atLeast = (found: number, expected: number) => found === expected || (found > expected && inFlight.has(found));
    if (lastTitle >= 0 && !atLeast(titleN, lastTitle)) figures.lost++;
    for (const [id, n] of lastUpdate) {
      const found = Number(/ sửa (\d+)$/.exec(speeches.get(id) ?? '')?.[1] ?? -1);
      if (!atLeast(found, n)) figures.lost++;
    }
  } finally {
    db.close();
  }
}

/** One database killed `kills` times in a row. */
export async function lane(dir: string, seed: number, kills: number): Promise<KillFigures> {
  const next = random(seed);
  const file = join(dir, `lane-${seed}.sqlite`);
  const acked: Ack[] = [];
  const figures: KillFigures = {
    kills: 0,
    killedWhileWriting: 0,
    checked: 0,
    awaited: 0,
    acknowledged: 0,
    lost: 0,
    torn: 0,
    integrity: [],
    foreignKeyProblems: 0,
  };
  let first = 0;
  // Edits in flight at a kill: each may or may not have committed.
  const inFlight = new Set<number>();
  for (let kill = 0; kill < kills; kill++) {
    // Mostly during the stream of edits; one time in ten while the process is still opening the store.
    const whileOpening = next() < 0.1;
    const after = whileOpening ? null : Math.floor(next() * 40);
    // Every other process syncs as the app does, the others as the command line does.
    const acks = await runAndKill(file, first, after, Math.floor(next() * 150), kill % 2 === 1);
    figures.kills++;
    if (after !== null) {
      figures.killedWhileWriting++;
      figures.awaited += after;
    }
    acked.push(...acks);
    const last = acks.at(-1)?.n ?? first - 1;
    inFlight.add(last + 1);
    // The edit in flight may or may not have committed: the next process starts after it.
    first = last + 2;
    check(file, acked, inFlight, figures);
  }
  figures.acknowledged = acked.length;
  return figures;
}

/** Lanes (databases) in parallel; their figures added up. */
export async function killRun(dir: string, options: { lanes: number; killsPerLane: number; seed: number }): Promise<KillFigures> {
  const lanes = await Promise.all(Array.from({ length: options.lanes }, (_, i) => lane(dir, options.seed + i, options.killsPerLane)));
  return lanes.reduce((sum, f) => ({
    kills: sum.kills + f.kills,
    killedWhileWriting: sum.killedWhileWriting + f.killedWhileWriting,
    checked: sum.checked + f.checked,
    awaited: sum.awaited + f.awaited,
    acknowledged: sum.acknowledged + f.acknowledged,
    lost: sum.lost + f.lost,
    torn: sum.torn + f.torn,
    integrity: [...sum.integrity, ...f.integrity],
    foreignKeyProblems: sum.foreignKeyProblems + f.foreignKeyProblems,
  }));
}
