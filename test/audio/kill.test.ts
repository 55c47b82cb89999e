// A recording killed mid-meeting (SIGKILL of the process writing it) loses nothing that was acknowledged:
// reopened, its part holds every acknowledged chunk in order, at most the one in flight besides, and its
// duration is theirs. (Chunks reach the disk with each write; the fsync every 2 s bounds a power cut.)
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAudioStore } from '../../electron/audio/store.ts';
import { AppFiles } from '../../electron/store/files.ts';
import { tempDir } from '../support/store.ts';
import { CHUNK_MS, recordedChunk } from './kill-chunks.ts';

const RECORDER = fileURLToPath(new URL('./recorder.ts', import.meta.url));

/** Starts the recorder and kills it after `after` acknowledged chunks; answers how many were acknowledged. */
function recordAndKill(root: string, database: string, after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RECORDER, root, database], { stdio: ['ignore', 'pipe', 'pipe'] });
    let acked = 0;
    let buffer = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (stderr += text));
    child.stdout.on('data', (text: string) => {
      buffer += text;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked = Number(line.slice(4));
      if (acked >= after) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`recorder ended by itself (${String(code)}): ${stderr}`))));
  });
}

describe('a recording killed mid-meeting', () => {
  it.each([1, 9, 64, 250])('keeps every acknowledged chunk when killed after %i', async (after) => {
    const dir = tempDir();
    const database = join(dir, 'bien-ban.sqlite');
    writeFileSync(database, '');
    const root = join(dir, 'audio');
    const acked = await recordAndKill(root, database, after);
    expect(acked).toBeGreaterThanOrEqual(after);

    const audio = createAudioStore(root, new AppFiles(database));
    const [part] = audio.list(1);
    const kept = Math.round((part?.durationMs ?? 0) / CHUNK_MS);
    // Everything acknowledged, and at most the chunk the kill interrupted, whole.
    expect(kept === acked || kept === acked + 1).toBe(true);
    const expected = Buffer.concat(Array.from({ length: kept }, (_, i) => recordedChunk(i + 1)));
    expect(Buffer.from(audio.read(1, part?.part ?? 1))).toEqual(expected);
    // The part is closed at reopening's end of the torn tail: a new recording is a new part.
    expect(audio.start(1).part).toBe((part?.part ?? 0) + 1);
    audio.close();
  });
});
