// Child process of the kill test: applies a stream of edits through the real store and prints one
// acknowledgement line after each committed edit. Killed at random by the parent.
// Usage: node writer.ts <database> <first sequence number>
import { writeSync } from 'node:fs';
import { createStore } from '../../electron/store/index.ts';
import { openTestDatabase } from '../support/test-key.ts';

const [file, first] = process.argv.slice(2);
if (!file || !first) throw new Error('usage: writer.ts <database> <first>');
const store = createStore(openTestDatabase(file));
const meetingId = store.meetings.list()[0]?.id ?? store.meetings.create({ title: 'Hội nghị thử' }).id;
const ack = (line: string) => writeSync(1, `${line}\n`);
ack('ready');
const latestSpeech = store.db.prepare('SELECT id, content FROM speeches ORDER BY id DESC LIMIT 1');

for (let n = Number(first); ; n++) {
  switch (n % 4) {
    case 0:
      ack(`ack ${n} speech ${store.speeches.add(meetingId, { speakerName: 'Đại biểu', content: `e${n}` }).id}`);
      break;
    case 1:
      // A pasted block: all three rows or none.
      store.transaction(() => {
        for (let k = 0; k < 3; k++) store.conclusions.add(meetingId, { content: `e${n}-${k}` });
      });
      ack(`ack ${n} batch`);
      break;
    case 2:
      store.meetings.update(meetingId, { title: `e${n}` });
      ack(`ack ${n} title`);
      break;
    default: {
      const latest = latestSpeech.get() as { id: number; content: string } | undefined;
      if (latest) {
        store.speeches.update(latest.id, { content: `${latest.content.split(' ')[0] ?? ''} sửa ${n}` });
        ack(`ack ${n} update ${latest.id}`);
      } else {
        ack(`ack ${n} none`);
      }
    }
  }
}
