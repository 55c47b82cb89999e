// The app's one open store and its key, through a run: opened at start (a plain store, or an encrypted one
// whose key this machine keeps protected), or locked until the passphrase or recovery key is typed;
// encrypted, re-keyed or decrypted while it runs. The store's channels answer only while a store is open
// and no move is under way; the security channels always. No Electron here: the key vault comes in.
import { join } from 'node:path';
import type { BackupInfo } from '../../shared/backups.ts';
import { CHANNELS, SECURITY_CHANNELS, type Channel, type SecurityChannel } from '../../shared/channels.ts';
import { AppError } from '../../shared/errors.ts';
import { passphraseStrength, type SecurityStatus } from '../../shared/security.ts';
import { AutoBackups } from '../services/auto-backups.ts';
import { listBackups } from '../services/backups.ts';
import { deletePlainCopies, moveBackups, moveStore, plainCopies } from '../services/encryption.ts';
import { openWithRecovery, type OpenOutcome, type RecoveryPrompt } from '../services/recovery.ts';
import { startSearchIndexer } from '../services/search-indexer.ts';
import { backupAudio } from '../audio/backup.ts';
import { audioSealing } from '../audio/keys.ts';
import { createAudioStore, type AudioStore } from '../audio/store.ts';
import { tidyTrashAudio } from '../services/trash.ts';
import { keepDurable, type Durability, type DurabilityOptions } from '../store/durability.ts';
import { createStore, type Store } from '../store/index.ts';
import { createKey, deriveKey, keyFits, keyFromRecovery, readHeader, recoveryKeyOf, type StoreKey } from '../store/keys.ts';
import type { Handlers, StoreHandlers } from './dispatch.ts';
import { createHandlers, type Dialogs, type Documents } from './handlers.ts';

/** Where the desktop app keeps the key between runs (Electron's safeStorage), or why it cannot. */
export interface KeyVault {
  /** Null when a key can be kept protected here; otherwise why not, in Vietnamese. */
  unavailable(): string | null;
  load(): StoreKey | null;
  save(key: StoreKey): void;
  clear(): void;
}

/** Why the desktop app's vault keeps no key: no protected storage at all, or only obfuscation (Linux without a keyring). */
export const VAULT_NOTES = {
  unavailable: 'Kho khóa của hệ điều hành không dùng được trên máy này, nên Biên Bản không cất khóa mà hỏi cụm mật khẩu mỗi lần mở.',
  obfuscated:
    'Máy này không có kho khóa của hệ điều hành (GNOME Keyring hoặc KWallet): khóa chỉ cất được ở dạng che giấu sơ sài, ai chép được tệp cũng mở được. Vì vậy Biên Bản hỏi cụm mật khẩu mỗi lần mở.',
} as const;

/** For the command-line tool and tests: nothing is kept. */
export const NO_VAULT: KeyVault = { unavailable: () => 'Công cụ dòng lệnh không giữ khóa.', load: () => null, save: () => {}, clear: () => {} };

export interface SessionOptions {
  file: string;
  backupsDir: string;
  dialogs: Dialogs;
  documents: Documents;
  vault: KeyVault;
  /** Asked when the database turns out damaged at opening. */
  prompt: RecoveryPrompt;
  /** Automatic backups while a store is open (the app); tests and the CLI leave them off. */
  autoBackups?: boolean;
  /** The search index kept caught up in the background while a store is open (the app). */
  indexInBackground?: boolean;
  /** Where the meetings' recordings are kept, beside the database (the app). */
  audioDir?: string;
  /** How the open store's writes are synced to disk (tests). */
  durability?: DurabilityOptions;
}

export type StartOutcome = { kind: 'locked' } | OpenOutcome;

const busy = () => new AppError('BUSY', 'Đang chuyển cơ sở dữ liệu (mã hóa hoặc giải mã); hãy đợi xong rồi thử lại.');

export class Session {
  private store: Store | null = null;
  private storeHandlers: StoreHandlers | null = null;
  private backups: AutoBackups | null = null;
  private indexer: { stop(): void } | null = null;
  private durability: Durability | null = null;
  private audio: AudioStore | null = null;
  private move: SecurityStatus['move'] = null;
  private backupsLeft: string[] = [];
  private readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    this.options = options;
  }

  /** Opens the store if it can be opened without asking; otherwise the session stays locked. */
  async start(): Promise<StartOutcome> {
    const { kind, header } = readHeader(this.options.file);
    if (kind !== 'encrypted') return this.open(null);
    const kept = this.options.vault.load();
    if (kept && kept.header.equals(header) && keyFits(kept.key, header)) return this.open(kept);
    return { kind: 'locked' };
  }

  /** The open store, for the app's own uses (menus, tests); null while locked. */
  current(): Store | null {
    return this.store;
  }

  private async open(key: StoreKey | null): Promise<OpenOutcome> {
    const outcome = await openWithRecovery(this.options.file, this.options.prompt, this.options.backupsDir, new Date(), key);
    if (outcome.kind === 'refused') return outcome;
    const store = createStore(outcome.db, { backupsDir: this.options.backupsDir });
    store.trash.purge();
    // Backups left plain by an interrupted encryption are encrypted now.
    if (key) this.backupsLeft = await moveBackups(this.options.backupsDir, null, key);
    this.attach(store);
    return outcome;
  }

  private attach(store: Store): void {
    this.store = store;
    this.durability = keepDurable(store.db, this.options.durability);
    if (this.options.audioDir) {
      this.audio = createAudioStore(this.options.audioDir, store.files, audioSealing(store));
      tidyTrashAudio(store, this.audio);
    }
    if (this.options.autoBackups) {
      this.backups = new AutoBackups(store.db, this.options.backupsDir, { fill: backupAudio(store, this.audio ?? undefined) });
      void this.backups.start();
    }
    if (this.options.indexInBackground) this.indexer = startSearchIndexer(store);
    const backups = this.backups;
    this.storeHandlers = createHandlers(store, this.options.dialogs, this.options.documents, {
      backupsDir: this.options.backupsDir,
      backupStatus: backups ? () => backups.current() : undefined,
      audio: this.audio ?? undefined,
    });
  }

  private detach(): Store {
    const store = this.store;
    if (!store) throw new AppError('DB_LOCKED', 'Cơ sở dữ liệu đang khóa: hãy nhập cụm mật khẩu.');
    this.indexer?.stop();
    this.indexer = null;
    this.backups?.stop();
    this.backups = null;
    this.audio?.close();
    this.audio = null;
    this.durability?.stop();
    this.durability = null;
    this.store = null;
    this.storeHandlers = null;
    return store;
  }

  /** Whether a part of a meeting is being recorded now (the microphone is granted only then). */
  recording(): boolean {
    return this.audio?.isRecording() ?? false;
  }

  close(): void {
    if (!this.store) return;
    this.detach().db.close();
  }

  status(): SecurityStatus {
    const encrypted = this.store ? this.store.key !== null : readHeader(this.options.file).kind === 'encrypted';
    const kept = this.options.vault.load();
    return {
      encrypted,
      locked: encrypted && !this.store && !this.move,
      remembered: encrypted && kept !== null && (this.store?.key ? kept.header.equals(this.store.key.header) : true),
      storageNote: encrypted ? this.options.vault.unavailable() : null,
      move: this.move,
      plainCopies: plainCopies(this.options.file),
      backupsLeft: this.backupsLeft,
    };
  }

  /** The header to derive a key with: the database's, or (when its first page is damaged) the newest encrypted backup's. */
  private header(): Buffer {
    const own = readHeader(this.options.file);
    if (own.kind === 'encrypted') return own.header;
    for (const info of listBackups(this.options.backupsDir) as BackupInfo[]) {
      const backup = readHeader(join(this.options.backupsDir, info.name));
      if (backup.kind === 'encrypted') return backup.header;
    }
    throw new AppError('DB_OPEN_FAILED', 'Cơ sở dữ liệu không được mã hóa.');
  }

  /** The key for a typed secret: a recovery key (52 letters and digits) or the passphrase. */
  private async keyOf(secret: string, header: Buffer): Promise<StoreKey> {
    const key = keyFromRecovery(secret, header) ?? (await deriveKey(secret, header));
    if (!key) throw new AppError('KEY_WRONG', 'Cụm mật khẩu hoặc khóa khôi phục không đúng. Hãy gõ lại (chú ý chữ hoa, dấu tiếng Việt và bộ gõ).');
    return key;
  }

  async unlock(secret: string): Promise<SecurityStatus> {
    if (this.store) return this.status();
    const key = await this.keyOf(secret, this.header());
    const outcome = await this.open(key);
    if (outcome.kind === 'refused') throw outcome.error;
    // Kept anew only where this machine kept a key that no longer fits (the store restored, or re-keyed from
    // another copy): a secretary who unticked "Ghi nhớ khóa" is asked again at the next start, as chosen.
    if (this.options.vault.load()) this.keep(key);
    return this.status();
  }

  private keep(key: StoreKey | null): void {
    if (key && this.options.vault.unavailable() === null) this.options.vault.save(key);
    else this.options.vault.clear();
  }

  /** The open store's key, checked against what the user typed. */
  private async confirm(secret: string): Promise<StoreKey> {
    const key = this.store?.key;
    if (!this.store) throw new AppError('DB_LOCKED', 'Cơ sở dữ liệu đang khóa: hãy nhập cụm mật khẩu.');
    if (!key) throw new AppError('DB_OPEN_FAILED', 'Cơ sở dữ liệu chưa được mã hóa.');
    const typed = await this.keyOf(secret, key.header);
    if (!typed.key.equals(key.key)) throw new AppError('KEY_WRONG', 'Cụm mật khẩu hoặc khóa khôi phục không đúng.');
    return key;
  }

  /** Moves the store to key `to` (null: plain); the new key is kept on this machine only when `remember`. */
  private async moveTo(to: StoreKey | null, remember: boolean): Promise<string | null> {
    if (this.move) throw busy();
    const store = this.detach();
    this.move = { phase: 'store', done: 0, total: 0 };
    try {
      const result = await moveStore(store.db, this.options.file, this.options.backupsDir, to, (progress) => {
        this.move = progress;
      });
      this.backupsLeft = result.backupsLeft;
      this.attach(createStore(result.db, { backupsDir: this.options.backupsDir }));
      this.keep(remember ? to : null);
      return result.plainCopy;
    } catch (error) {
      // Nothing was changed: the store, still open when the move failed before its swap, stays in use.
      if (store.db.open) this.attach(store);
      else await this.open(store.key);
      throw error;
    } finally {
      this.move = null;
    }
  }

  async encrypt(passphrase: string): Promise<{ recoveryKey: string; plainCopy: string | null }> {
    if (this.store?.key) throw new AppError('BUSY', 'Cơ sở dữ liệu đã được mã hóa; hãy dùng "Đổi cụm mật khẩu".');
    const strength = passphraseStrength(passphrase);
    if (!strength.acceptable) throw new AppError('PASSPHRASE_WEAK', `Cụm mật khẩu ${strength.label.toLowerCase()}: ${strength.hint}`);
    const key = await createKey(passphrase);
    // A store encrypted here is remembered where the system can protect the key (untick "Ghi nhớ khóa" to be asked).
    const plainCopy = await this.moveTo(key, true);
    return { recoveryKey: recoveryKeyOf(key.key), plainCopy };
  }

  async changePassphrase(current: string, next: string): Promise<{ recoveryKey: string }> {
    await this.confirm(current);
    const strength = passphraseStrength(next);
    if (!strength.acceptable) throw new AppError('PASSPHRASE_WEAK', `Cụm mật khẩu mới ${strength.label.toLowerCase()}: ${strength.hint}`);
    const key = await createKey(next);
    // The new key is remembered as the old one was, or not.
    await this.moveTo(key, this.options.vault.load() !== null);
    return { recoveryKey: recoveryKeyOf(key.key) };
  }

  async decrypt(current: string): Promise<SecurityStatus> {
    await this.confirm(current);
    await this.moveTo(null, false);
    return this.status();
  }

  async recoveryKey(current: string): Promise<{ recoveryKey: string }> {
    return { recoveryKey: recoveryKeyOf((await this.confirm(current)).key) };
  }

  remember(remember: boolean): SecurityStatus {
    const key = this.store?.key;
    if (!remember) this.options.vault.clear();
    else if (key) {
      const why = this.options.vault.unavailable();
      if (why) throw new AppError('BUSY', why);
      this.options.vault.save(key);
    }
    return this.status();
  }

  /**
   * Rewrites with the store's key the automatic backups a change of passphrase left in an older key (it was cut
   * short, or a backup could not be written then), for the passphrase or recovery key of that older key.
   */
  async rekeyBackups(old: string): Promise<SecurityStatus> {
    if (this.move) throw busy();
    const key = this.store?.key;
    if (!this.store) throw new AppError('DB_LOCKED', 'Cơ sở dữ liệu đang khóa: hãy nhập cụm mật khẩu.');
    const headers = new Map<string, Buffer>();
    for (const name of this.backupsLeft) {
      const { kind, header } = readHeader(join(this.options.backupsDir, name));
      if (kind === 'encrypted') headers.set(header.toString('hex'), header);
    }
    const keys: StoreKey[] = [];
    for (const header of headers.values()) {
      const found = keyFromRecovery(old, header) ?? (await deriveKey(old, header));
      if (found) keys.push(found);
    }
    if (headers.size > 0 && keys.length === 0) {
      throw new AppError('KEY_WRONG', 'Cụm mật khẩu cũ hoặc khóa khôi phục cũ không đúng với các bản sao lưu này; chưa có gì thay đổi.');
    }
    this.backupsLeft = await moveBackups(this.options.backupsDir, keys, key ?? null);
    return this.status();
  }

  /** Every channel: the security ones answered here, the store's by the open store's handlers. */
  handlers(): Handlers {
    const security: Pick<Handlers, SecurityChannel> = {
      securityStatus: () => this.status(),
      unlock: ({ secret }) => this.unlock(secret),
      encryptStore: ({ passphrase }) => this.encrypt(passphrase),
      changePassphrase: ({ current, next }) => this.changePassphrase(current, next),
      decryptStore: ({ current }) => this.decrypt(current),
      showRecoveryKey: ({ current }) => this.recoveryKey(current),
      deletePlainCopies: () => {
        deletePlainCopies(this.options.file);
        return this.status();
      },
      rememberKey: ({ remember }) => this.remember(remember),
      rekeyBackups: ({ old }) => this.rekeyBackups(old),
    };
    const forward = (channel: Channel) => (input: unknown) => {
      if (this.move) throw busy();
      const handlers = this.storeHandlers;
      const durability = this.durability;
      if (!handlers || !durability) throw new AppError('DB_LOCKED', 'Cơ sở dữ liệu đang khóa: hãy nhập cụm mật khẩu hoặc khóa khôi phục.');
      let result: unknown;
      try {
        result = (handlers[channel as keyof StoreHandlers] as (input: unknown) => unknown)(input);
      } catch (error) {
        durability.flush().catch(() => {});
        throw error;
      }
      // A call that wrote is answered once what it wrote is on disk ("Đã lưu" means durable).
      return Promise.resolve(result).finally(() => durability.flush());
    };
    const isSecurity = (channel: Channel): channel is SecurityChannel => (SECURITY_CHANNELS as readonly string[]).includes(channel);
    return Object.fromEntries(CHANNELS.map((channel) => [channel, isSecurity(channel) ? security[channel] : forward(channel)])) as Handlers;
  }
}
