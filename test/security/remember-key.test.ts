// "Ghi nhớ khóa trên máy này" (the rememberKey channel) through the desktop app's own vault (electron/app/key-vault.ts)
// over a mocked safeStorage: a kept key opens the store at the next start without typing, sealed (never the raw
// key in the file); unticked, the next start asks again and unlocking does not keep it behind the user's back;
// a new passphrase is kept as the old one was; decrypting forgets it; where the system only obfuscates
// (Linux without a keyring) or has no storage, nothing is kept and the reason is given.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Session, VAULT_NOTES } from '../../electron/api/session.ts';
import { keyVault, vaultPath } from '../../electron/app/key-vault.ts';
import { createMeeting } from '../../electron/services/meetings.ts';
import { createStore, openDatabase } from '../../electron/store/index.ts';
import { AppError } from '../../shared/errors.ts';
import { tempDir } from '../support/store.ts';
import { testSession } from '../support/session.ts';

const system = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret' }));
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => system.available,
    getSelectedStorageBackend: () => system.backend,
    // Sealed as the system would, and opened only by it: a marked, reversed copy.
    encryptString: (text: string) => Buffer.concat([Buffer.from('OS-SEALED:'), Buffer.from(text).reverse()]),
    decryptString: (bytes: Buffer) => {
      if (!bytes.subarray(0, 10).equals(Buffer.from('OS-SEALED:')))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(bytes.subarray(10)).reverse().toString();
    },
  },
}));

const TITLE = 'Hội nghị Ban Thường vụ Tỉnh ủy Quảng Trị về công tác cán bộ';
const PASSPHRASE = 'Sông Thạch Hãn chảy qua thành cổ';
const NEXT = 'Cầu Hiền Lương bắc qua sông Bến Hải';

async function encryptedSession(): Promise<{ session: Session; file: string; recoveryKey: string }> {
  const dir = tempDir();
  const file = join(dir, 'bien-ban.sqlite');
  const plain = createStore(openDatabase(file));
  createMeeting(plain, { title: TITLE, date: '2024-05-20', confidentiality: 'mat' });
  plain.db.close();
  const session = testSession(dir, { file, vault: keyVault(file) });
  await session.start();
  const { recoveryKey } = await session.encrypt(PASSPHRASE);
  return { session, file, recoveryKey };
}

/** Closes the session and starts it again, as the app does at its next start. */
async function restart(session: Session) {
  session.close();
  return session.start();
}

const titles = (session: Session) =>
  session
    .current()
    ?.meetings.list()
    .map((m) => m.title) ?? null;

describe('remembering the key on this machine', () => {
  beforeEach(() => {
    system.available = true;
    system.backend = 'gnome_libsecret';
  });

  it('keeps the key sealed by the system after encrypting, and the next start opens without a passphrase', async () => {
    const { session, file, recoveryKey } = await encryptedSession();
    expect(session.status()).toMatchObject({ encrypted: true, remembered: true, storageNote: null });
    const kept = readFileSync(vaultPath(file));
    expect(kept.subarray(0, 10).toString()).toBe('OS-SEALED:');
    const raw = session.current()?.key?.key.toString('hex') ?? '';
    expect(raw).toHaveLength(64);
    expect(kept.toString('latin1').includes(raw)).toBe(false);
    expect(kept.toString('latin1').includes(recoveryKey)).toBe(false);

    expect((await restart(session)).kind).not.toBe('locked');
    expect(titles(session)).toEqual([TITLE]);
  });

  it('unticked, forgets the key: the next start asks again, and unlocking does not keep it again', async () => {
    const { session, file } = await encryptedSession();
    expect(session.handlers().rememberKey({ remember: false })).toMatchObject({ remembered: false });
    expect(existsSync(vaultPath(file))).toBe(false);

    expect(await restart(session)).toEqual({ kind: 'locked' });
    await session.unlock(PASSPHRASE);
    expect(titles(session)).toEqual([TITLE]);
    expect(session.status().remembered).toBe(false);
    expect(existsSync(vaultPath(file))).toBe(false);
    expect(await restart(session)).toEqual({ kind: 'locked' });

    // Ticked again: kept, and the start after opens by itself.
    await session.unlock(PASSPHRASE);
    expect(session.handlers().rememberKey({ remember: true })).toMatchObject({ remembered: true });
    expect((await restart(session)).kind).not.toBe('locked');
  });

  it('a new passphrase is kept as the old one was; decrypting forgets the key', async () => {
    const { session, file } = await encryptedSession();
    const old = readFileSync(vaultPath(file));
    await session.changePassphrase(PASSPHRASE, NEXT);
    expect(readFileSync(vaultPath(file)).equals(old)).toBe(false);
    expect(session.status().remembered).toBe(true);
    expect((await restart(session)).kind).not.toBe('locked');
    expect(titles(session)).toEqual([TITLE]);

    session.handlers().rememberKey({ remember: false });
    await session.changePassphrase(NEXT, PASSPHRASE);
    expect(existsSync(vaultPath(file))).toBe(false);
    expect(await restart(session)).toEqual({ kind: 'locked' });
    await session.unlock(PASSPHRASE);

    session.handlers().rememberKey({ remember: true });
    await session.decrypt(PASSPHRASE);
    expect(existsSync(vaultPath(file))).toBe(false);
    expect(session.status()).toMatchObject({ encrypted: false, remembered: false });
  });

  it('a kept key the system cannot open (another user, another machine) is as if none were kept: the passphrase is asked', async () => {
    const { session, file } = await encryptedSession();
    writeFileSync(vaultPath(file), Buffer.from('sealed by someone else'));
    expect(await restart(session)).toEqual({ kind: 'locked' });
    expect(session.status()).toMatchObject({ locked: true, remembered: false });
    await session.unlock(PASSPHRASE);
    expect(titles(session)).toEqual([TITLE]);
  });

  it('a kept key of an older copy of the store is replaced when the passphrase is typed', async () => {
    const { session, file } = await encryptedSession();
    const other = await encryptedSession();
    writeFileSync(vaultPath(file), readFileSync(vaultPath(other.file)));
    expect(await restart(session)).toEqual({ kind: 'locked' });
    await session.unlock(PASSPHRASE);
    expect(session.status().remembered).toBe(true);
    expect((await restart(session)).kind).not.toBe('locked');
  });

  it.each([
    { what: 'Linux without a keyring (basic_text)', available: true, backend: 'basic_text', note: VAULT_NOTES.obfuscated },
    { what: 'no protected storage at all', available: false, backend: 'unknown', note: VAULT_NOTES.unavailable },
  ])('keeps nothing where the system cannot protect it: $what, and says why', async ({ available, backend, note }) => {
    system.available = available;
    system.backend = backend;
    const { session, file } = await encryptedSession();
    expect(existsSync(vaultPath(file))).toBe(false);
    expect(session.status()).toMatchObject({ remembered: false, storageNote: note });
    const refused = (() => {
      try {
        session.handlers().rememberKey({ remember: true });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe(note);
    expect(existsSync(vaultPath(file))).toBe(false);
    expect(await restart(session)).toEqual({ kind: 'locked' });
    await session.unlock(PASSPHRASE);
    expect(existsSync(vaultPath(file))).toBe(false);
  });

  it('on a plain store, ticking keeps nothing (there is no key)', async () => {
    const dir = tempDir();
    const file = join(dir, 'bien-ban.sqlite');
    const session = testSession(dir, { file, vault: keyVault(file) });
    await session.start();
    expect(session.handlers().rememberKey({ remember: true })).toMatchObject({ encrypted: false, remembered: false });
    expect(existsSync(vaultPath(file))).toBe(false);
  });
});
