// Crash safety: a writer process is killed (SIGKILL) at random moments during a stream of edits, over
// and over; after each kill every acknowledged edit must be in the database, the edit in flight
// entirely there or entirely absent, and the database intact.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/index.ts';
import { tempDir } from '../support/store.ts';

const WRITER = fileURLToPath(new URL('./writer.ts', import.meta.url));
const LANES = 2;
const KILLS_PER_LANE = Number(process.env.KILLS_PER_LANE ?? 110);

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

interface Ack { n: number; kind: string; id: number | null }

/** Runs the writer from sequence first, kills it after delay ms (counted from its first edit when afterReady). */
function runAndKill(file: string, first: number, delay: number, afterReady: boolean): Promise<{ acks: Ack[]; killedWriting: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, file, String(first)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: Ack[] = [];
    let buffer = '';
    let ready = false;
    let stderr = '';
    let timer: ReturnType<typeof setTimeout> | null = null;
    const kill = () => child.kill('SIGKILL');
    if (!afterReady) timer = setTimeout(kill, delay);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          ready = true;
          if (afterReady) timer = setTimeout(kill, delay);
          continue;
        }
        const [, n, kind, id] = line.split(' ');
        acks.push({ n: Number(n), kind: kind ?? '', id: id === undefined ? null : Number(id) });
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (${String(code)}): ${stderr}`));
      else resolve({ acks, killedWriting: ready && acks.length > 0 });
    });
  });
}

interface Figures { kills: number; killedWhileWriting: number; acknowledged: number; lost: number; torn: number; integrity: string[] }

async function lane(dir: string, seed: number): Promise<Figures> {
  const next = random(seed);
  const file = join(dir, `lane-${seed}.sqlite`);
  const acked: Ack[] = [];
  const figures: Figures = { kills: 0, killedWhileWriting: 0, acknowledged: 0, lost: 0, torn: 0, integrity: [] };
  let first = 0;
  // Edits in flight at a kill: each may or may not have committed.
  const inFlight = new Set<number>();
  for (let kill = 0; kill < KILLS_PER_LANE; kill++) {
    // Mostly during the stream of edits; one time in ten while the process is still opening the store.
    const afterReady = next() >= 0.1;
    const delay = afterReady ? Math.floor(next() * 120) : 20 + Math.floor(next() * 180);
    const { acks, killedWriting } = await runAndKill(file, first, delay, afterReady);
    figures.kills++;
    if (killedWriting) figures.killedWhileWriting++;
    acked.push(...acks);
    const last = acks.at(-1)?.n ?? first - 1;
    inFlight.add(last + 1);
    // The edit in flight may or may not have committed: the next process starts after it.
    first = last + 2;

    const db = openDatabase(file);
    try {
      figures.integrity.push(db.pragma('integrity_check', { simple: true }) as string);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const speeches = new Map((db.prepare('SELECT id, content FROM speeches').all() as { id: number; content: string }[]).map((r) => [r.id, r.content]));
      const contents = new Set([...speeches.values()].map((c) => c.split(' ')[0]));
      const conclusions = new Map<string, number>();
      for (const content of db.prepare('SELECT content FROM conclusions').pluck().all() as string[]) {
        const key = content.split('-')[0] ?? '';
        conclusions.set(key, (conclusions.get(key) ?? 0) + 1);
      }
      const title = db.prepare('SELECT title FROM meetings').pluck().get() as string | undefined;
      const titleN = title === undefined ? -1 : Number(title.slice(1));
      // Batches are all or nothing, acknowledged or in flight.
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
  figures.acknowledged = acked.length;
  return figures;
}

describe('crash safety', () => {
  it(`keeps every acknowledged edit through ${LANES * KILLS_PER_LANE} SIGKILLs of the writing process`, async () => {
    const dir = tempDir();
    const seed = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(dir, seed + i)));
    const total = lanes.reduce((sum, f) => ({
      kills: sum.kills + f.kills,
      killedWhileWriting: sum.killedWhileWriting + f.killedWhileWriting,
      acknowledged: sum.acknowledged + f.acknowledged,
      lost: sum.lost + f.lost,
      torn: sum.torn + f.torn,
      integrity: [...sum.integrity, ...f.integrity],
    }));
    const summary = { seed, ...total, integrity: total.integrity.every((r) => r === 'ok') ? 'ok' : total.integrity.filter((r) => r !== 'ok') };
    mkdirSync('out/reliability', { recursive: true });
    writeFileSync('out/reliability/kill-test.json', `${JSON.stringify({ ...summary, date: new Date().toISOString() }, null, 2)}\n`);
    console.log('kill test:', JSON.stringify(summary));
    expect(total.kills).toBeGreaterThanOrEqual(200);
    expect(total.killedWhileWriting).toBeGreaterThan(total.kills / 2);
    expect(total.acknowledged).toBeGreaterThan(1000);
    expect(total.lost).toBe(0);
    expect(total.torn).toBe(0);
    expect(summary.integrity).toBe('ok');
  }, 240_000);
});
