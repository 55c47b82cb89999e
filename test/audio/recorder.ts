// Child process of the recording kill test: records one part through the real audio store, a chunk every few
// milliseconds, and prints an acknowledgement after each append returns. Killed by the parent.
// Usage: node recorder.ts <audio folder> <database path>
import { writeSync } from 'node:fs';
import { createAudioStore } from '../../electron/audio/store.ts';
import { AppFiles } from '../../electron/store/files.ts';
import { recordedChunk, CHUNK_MS } from './kill-chunks.ts';

const [root, database] = process.argv.slice(2);
if (!root || !database) throw new Error('usage: recorder.ts <audio folder> <database>');
const audio = createAudioStore(root, new AppFiles(database));
const { part } = audio.start(1);
writeSync(1, `ready ${part}\n`);
const pause = new Int32Array(new SharedArrayBuffer(4));
for (let n = 1; ; n++) {
  audio.append(1, part, recordedChunk(n), n * CHUNK_MS);
  writeSync(1, `ack ${n}\n`);
  Atomics.wait(pause, 0, 0, 2);
}
