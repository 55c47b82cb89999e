// Automatic backups: at start, then periodically while something was written since the last one. A
// failure is kept (the screens show it, with the time of the last good backup) and retried soon, until
// a backup succeeds again.
import type { BackupStatus } from '../../shared/backups.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../store/index.ts';
import { createBackup, listBackups, pruneBackups, type BackupFill, type BackupReason } from './backups.ts';

export class AutoBackups {
  private last = -1;
  private timer: ReturnType<typeof setInterval> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<string | null> | null = null;
  private status: BackupStatus;
  private readonly db: Db;
  private readonly dir: string;
  private readonly retryMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly fill: BackupFill | undefined;

  /** fill: what each backup carries besides the database (the recordings, when chosen). */
  constructor(db: Db, dir: string, options: { retryMs?: number; onError?: (error: unknown) => void; fill?: BackupFill } = {}) {
    this.db = db;
    this.dir = dir;
    this.retryMs = options.retryMs ?? 60_000;
    this.onError = options.onError ?? ((error) => console.error('[backup]', error));
    this.fill = options.fill;
    this.status = { lastGood: listBackups(dir)[0]?.createdAt ?? null, failure: null };
  }

  /** The last good backup and the current failure, for the screens. */
  current(): BackupStatus {
    return structuredClone(this.status);
  }

  private changes(): number {
    return this.db.prepare('SELECT total_changes()').pluck().get() as number;
  }

  /** Backs up if anything changed since the last backup (always the first time); then prunes. */
  tick(reason: BackupReason = 'periodic', now = new Date()): Promise<string | null> {
    if (this.running) return this.running;
    const changes = this.changes();
    if (changes === this.last) return Promise.resolve(null);
    this.running = (async () => {
      try {
        const path = await createBackup(this.db, this.dir, reason, now, this.fill);
        this.last = changes;
        this.status = { lastGood: now.toISOString(), failure: null };
        pruneBackups(this.dir, now.getTime());
        return path;
      } catch (error) {
        const message = error instanceof AppError ? error.message : 'Không sao lưu tự động được.';
        const failure = this.status.failure;
        this.status = { ...this.status, failure: { message, since: failure?.since ?? now.toISOString(), attempts: (failure?.attempts ?? 0) + 1 } };
        this.onError(error);
        this.scheduleRetry();
        return null;
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private scheduleRetry(): void {
    if (this.retry || !this.timer) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.tick('periodic');
    }, this.retryMs);
    this.retry.unref?.();
  }

  start(intervalMs = 10 * 60_000): Promise<string | null> {
    this.timer = setInterval(() => void this.tick('periodic'), intervalMs);
    this.timer.unref?.();
    return this.tick('start');
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.retry) clearTimeout(this.retry);
    this.timer = null;
    this.retry = null;
  }
}
