// Child process of the kill test: applies a stream of edits through the real store and prints one
// acknowledgement line after each committed edit. Killed at random by the parent. With `app`, the store's
// writes are synced as the app syncs them (electron/store/durability.ts): acknowledged once flushed.
// Usage: node writer.ts <database> <first sequence number> [app]
import { writeSync } from 'node:fs';
import { keepDurable } from '../../electron/store/durability.ts';
import { createStore } from '../../electron/store/index.ts';
import { openTestDatabase } from '../support/test-key.ts';

const [file, first, mode] = process.argv.slice(2);
if (!file || !first) throw new Error('usage: writer.ts <database> <first> [app]');
const store = createStore(openTestDatabase(file));
const durability = mode === 'app' ? keepDurable(store.db) : null;
const meetingId = store.meetings.list()[0]?.id ?? store.meetings.create({ title: 'Hội nghị thử' }).id;
await durability?.flush();
const ack = async (line: string) => {
  // The app answers a write once it is flushed.
  await durability?.flush();
  writeSync(1, `${line}\n`);
};
writeSync(1, 'ready\n');
const latestSpeech = store.db.prepare('SELECT id, content FROM speeches ORDER BY id DESC LIMIT 1');

for (let n = Number(first); ; n++) {
  switch (n % 4) {
    case 0:
      await ack(`ack ${n} speech ${store.speeches.add(meetingId, { speakerName: 'Đại biểu', content: `e${n}` }).id}`);
      break;
    case 1:
      // A pasted block: all three rows or none.
      store.transaction(() => {
        for (let k = 0; k < 3; k++) store.conclusions.add(meetingId, { content: `e${n}-${k}` });
      });
      await ack(`ack ${n} batch`);
      break;
    case 2:
      store.meetings.update(meetingId, { title: `e${n}` });
      await ack(`ack ${n} title`);
      break;
    default: {
      const latest = latestSpeech.get() as { id: number; content: string } | undefined;
      if (latest) {
        store.speeches.update(latest.id, { content: `${latest.content.split(' ')[0] ?? ''} sửa ${n}` });
        await ack(`ack ${n} update ${latest.id}`);
      } else {
        await ack(`ack ${n} none`);
      }
    }
  }
}
