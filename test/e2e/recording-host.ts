// Child process of the browser kill test: the test bridge (the app's handlers, the store and the recordings'
// writer, as the main process holds them) in a process of its own, which the test SIGKILLs mid-recording.
// Usage: node recording-host.ts <renderer folder> <database> <save folder>
import { writeSync } from 'node:fs';
import { documents } from '../../electron/minutes/documents.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { startBridge } from './bridge.ts';

const [root, database, saveDir] = process.argv.slice(2);
if (!root || !database || !saveDir) throw new Error('usage: recording-host.ts <renderer folder> <database> <save folder>');
const store = createStore(openDatabase(database));
const bridge = await startBridge({ root, store, documents, saveDir });
writeSync(1, `url ${bridge.url}\n`);
