// The cipher of an encrypted store follows its key's format (the header's third byte): new keys seal pages with
// AEGIS-256; a store made before, in SQLCipher 4's format, still opens with its passphrase, and moves to
// AEGIS-256 when its passphrase is changed, its data whole and the old passphrase refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMeeting } from '../../electron/services/meetings.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { createKey, deriveKey, KEY_FORMAT, parseHeader, readHeader } from '../../electron/store/keys.ts';
import { snapshot, tempDir } from '../support/store.ts';
import { testSession } from '../support/session.ts';

const OLD = 'Sông Thạch Hãn chảy qua thành cổ';
const NEW = 'Cầu Hiền Lương bắc qua sông Bến Hải';
const TITLE = 'Hội nghị Ban Thường vụ Tỉnh ủy Quảng Trị về công tác cán bộ';
const FAST = { log2N: 14, r: 8, p: 1 };

const cipherOf = (store: { db: { pragma(sql: string, options: { simple: true }): unknown } }) => store.db.pragma('cipher', { simple: true });

describe('key formats', () => {
  it('a new key seals the store with AEGIS-256; the header names the format and no word is readable', async () => {
    const file = join(tempDir(), 'bien-ban.sqlite');
    const key = await createKey(OLD, FAST);
    expect(key.header[2]).toBe(KEY_FORMAT);
    const store = createStore(openDatabase(file, { key }));
    createMeeting(store, { title: TITLE, date: '2024-05-20' });
    expect(cipherOf(store)).toBe('aegis');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.close();
    expect(readHeader(file)).toMatchObject({ kind: 'encrypted' });
    expect(readFileSync(file).includes(Buffer.from(TITLE))).toBe(false);
    expect(parseHeader(readHeader(file).header)).toEqual(FAST);
  });

  it('an unknown format is not taken for a key header', async () => {
    const { header } = await createKey(OLD, FAST);
    expect(parseHeader(Buffer.concat([header.subarray(0, 2), Buffer.from([9]), header.subarray(3)]))).toBeNull();
    await expect(createKey(OLD, FAST, undefined, 9)).rejects.toThrow(/format/);
  });

  it('a SQLCipher 4 store made before opens with its passphrase, and a new passphrase moves it to AEGIS-256 with its data whole', async () => {
    const dir = tempDir();
    const file = join(dir, 'bien-ban.sqlite');
    const old = await createKey(OLD, FAST, undefined, 1);
    const made = createStore(openDatabase(file, { key: old }));
    const meeting = createMeeting(made, { title: TITLE, date: '2024-05-20', confidentiality: 'mat' });
    made.speeches.add(meeting, { speakerName: 'Hoàng Thị Xuân Quỳnh', content: 'Ý kiến về công tác cán bộ.' });
    expect(cipherOf(made)).toBe('sqlcipher');
    made.db.close();

    const session = testSession(dir, { file });
    expect(await session.start()).toEqual({ kind: 'locked' });
    await session.unlock(OLD);
    const store = session.current();
    if (!store) throw new Error('not unlocked');
    const before = snapshot(store);
    expect(cipherOf(store)).toBe('sqlcipher');

    await session.changePassphrase(OLD, NEW);
    const moved = readHeader(file).header;
    expect(moved[2]).toBe(KEY_FORMAT);
    expect(await deriveKey(OLD, moved)).toBeNull();
    const after = session.current();
    if (!after) throw new Error('closed by the change');
    expect(cipherOf(after)).toBe('aegis');
    expect(snapshot(after)).toEqual(before);
  });
});
