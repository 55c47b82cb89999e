// How a meeting's recording is sealed: a confidential meeting (MẬT and above) in an encrypted store is sealed
// with AES-256-GCM under a random key kept inside the store, so the key is as safe as the store and outlives a
// change of passphrase (which re-keys the database, not what it holds). Parts sealed earlier stay readable
// after the store is decrypted; every other part is plain.
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/index.ts';
import { AES_GCM_SEALER_ID, aesGcmSealer, plainSealer, type ChunkSealer } from './sealer.ts';
import type { AudioStoreOptions } from './store.ts';

export function audioSealing(store: Store): Required<Pick<AudioStoreOptions, 'sealerFor' | 'sealers'>> {
  const read = store.db.prepare<[], Buffer>('SELECT key FROM audio_key WHERE id = 1').pluck();
  const make = store.db.prepare('INSERT INTO audio_key (id, key) VALUES (1, ?) ON CONFLICT DO NOTHING');
  let known: ChunkSealer | null = null;
  const current = () => {
    if (!known) {
      const key = read.get();
      if (key) known = aesGcmSealer(key);
    }
    return known;
  };
  const sealed: ChunkSealer = {
    id: AES_GCM_SEALER_ID,
    seal(chunk, context) {
      if (!current()) make.run(randomBytes(32));
      return (current() as ChunkSealer).seal(chunk, context);
    },
    open(frame, context) {
      const sealer = current();
      if (!sealer) throw new Error('no key for the recordings in this store');
      return sealer.open(frame, context);
    },
  };
  return {
    sealerFor: (meetingId) => (store.key && store.meetings.get(meetingId).confidentiality !== 'none' ? sealed : plainSealer),
    sealers: [sealed],
  };
}
