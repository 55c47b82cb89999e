// The store's key kept between runs in the operating system's protected storage (Electron's safeStorage:
// DPAPI on Windows, the Keychain on macOS, GNOME Keyring or KWallet on Linux), sealed into a small file
// beside the database. Where the storage is only obfuscation (Linux without a keyring: 'basic_text') or
// unavailable, nothing is kept and the passphrase is asked at every start; unavailable() says why.
import { safeStorage } from 'electron';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { VAULT_NOTES, type KeyVault } from '../api/session.ts';
import { writePrivateFile } from '../services/files.ts';
import { HEADER_BYTES, type StoreKey } from '../store/keys.ts';

export const vaultPath = (databaseFile: string) => `${databaseFile}.khoa-may`;

export function keyVault(databaseFile: string): KeyVault {
  const path = vaultPath(databaseFile);
  const unavailable = (): string | null => {
    if (!safeStorage.isEncryptionAvailable()) {
      return VAULT_NOTES.unavailable;
    }
    if (process.platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') {
        return VAULT_NOTES.obfuscated;
      }
    }
    return null;
  };
  return {
    unavailable,
    load() {
      if (unavailable() !== null || !existsSync(path)) return null;
      try {
        const text = safeStorage.decryptString(readFileSync(path));
        const bytes = Buffer.from(text, 'hex');
        if (bytes.length !== 32 + HEADER_BYTES) return null;
        return { key: bytes.subarray(0, 32), header: bytes.subarray(32) } satisfies StoreKey;
      } catch {
        // Sealed by another user or machine, or damaged: as if nothing were kept.
        return null;
      }
    },
    save(key) {
      if (unavailable() !== null) return;
      writePrivateFile(path, safeStorage.encryptString(Buffer.concat([key.key, key.header]).toString('hex')));
    },
    clear() {
      rmSync(path, { force: true });
    },
  };
}
