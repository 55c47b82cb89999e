// The vitest project 'encrypted' (vitest.config.ts) sets BIEN_BAN_TEST_ENCRYPTED=1: the store, backup,
// recovery, kill and hostile suites then run on stores encrypted with this key. It is made the same in
// every process (a fixed salt), so that the kill test's writer and its parent open the same file; its
// scrypt cost is low so that deriving it costs nothing (the app's default is bench/encryption.ts's).
// No vitest import: the kill test's child process loads it too.
import { connect, type Db } from '../../electron/store/db.ts';
import { openDatabase, type OpenOptions } from '../../electron/store/db.ts';
import { createKey, type StoreKey } from '../../electron/store/keys.ts';

export const ENCRYPTED = process.env.BIEN_BAN_TEST_ENCRYPTED === '1';
export const TEST_PASSPHRASE = 'cụm mật khẩu của bộ kiểm thử';
const KEY = ENCRYPTED ? await createKey(TEST_PASSPHRASE, { log2N: 14, r: 8, p: 1 }, Buffer.from('bienban!')) : null;

/** The key the suites' file stores are encrypted with in the 'encrypted' project; null otherwise. */
export function testKey(): StoreKey | null {
  return KEY;
}

/** openDatabase, with the project's key for a file store. */
export function openTestDatabase(file: string, options: OpenOptions = {}): Db {
  return openDatabase(file, { key: file === ':memory:' ? null : KEY, ...options });
}

/** A raw connection to a test database file (keyed in the 'encrypted' project). */
export function rawTestDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  return connect(file, KEY, options);
}
