// Keeps the app's writes durable without the main process waiting for the disk. While it runs, SQLite commits
// to the write-ahead log without syncing it (synchronous = NORMAL: nothing is lost if the process dies, and the
// database stays whole after a power cut); this syncs the log in libuv's thread pool instead, right after each
// call that wrote (the caller's answer waits for it) and at least every `everyMs` for other writes. Checkpoints
// (copying the log into the database, which syncs both) run when writes pause, not inside a commit.
import { close, closeSync, fdatasync, fdatasyncSync, open, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AppError } from '../../shared/errors.ts';
import { describeFsError, fsErrorCode } from '../fs-errors.ts';
import type { Db } from './db.ts';

export interface DurabilityOptions {
  /** How often writes not yet on disk are looked for (those no caller waits for, such as the search index's). */
  everyMs?: number;
  /** Quiet time after the last write before the log is checkpointed. */
  idleMs?: number;
  /** The longest writes may go on without a checkpoint. */
  longestMs?: number;
  /** Syncs a file descriptor (tests); Node's fdatasync, in the thread pool, by default. */
  sync?: (fd: number, done: (error: Error | null) => void) => void;
  /** Told of each checkpoint: how long it held the process, and the log's frames it found (benchmarks). */
  onCheckpoint?: (ms: number, frames: number) => void;
}

export interface Durability {
  /** Resolves once everything committed so far is on disk; rejects with the disk's error. */
  flush(): Promise<void>;
  /** Syncs what is left at once and gives durability back to SQLite (synchronous = FULL, automatic checkpoints). */
  stop(): void;
}

const SQLITE_AUTOCHECKPOINT = 1000;

export function keepDurable(db: Db, options: DurabilityOptions = {}): Durability {
  if (db.memory) return { flush: () => Promise.resolve(), stop: () => {} };
  const { everyMs = 200, idleMs = 1000, longestMs = 30_000, sync = fdatasync, onCheckpoint } = options;
  const wal = `${db.name}-wal`;
  const changes = db.prepare('SELECT total_changes()').pluck();
  // What has been written, as a count that grows with every state of the log seen: rows changed, or the log
  // itself changed (a commit that changes no row, such as a schema change, still writes to it).
  let signature = '';
  let mark = 0;
  let synced = 0;
  let checkpointed = 0;
  let lastWrite = Date.now();
  let lastCheckpoint = Date.now();
  let running: { covers: number; done: Promise<void> } | null = null;
  let queued: Promise<void> | null = null;
  let file: { fd: number; ino: number; folderSynced: boolean } | null = null;
  let stopped = false;
  let relaxed = false;

  const observe = (): number => {
    let log = '';
    try {
      const stat = statSync(wal);
      log = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch (error) {
      if (fsErrorCode(error) !== 'ENOENT') throw error;
    }
    const now = `${String(changes.get())}|${log}`;
    if (now !== signature) {
      signature = now;
      mark++;
      lastWrite = Date.now();
    }
    return mark;
  };
  observe();
  // What was committed before this point was synced by SQLite itself (FULL).
  synced = checkpointed = mark;

  /** The log's descriptor, opened again when the log is a new file; null when there is no log. */
  const logFile = () => {
    let ino: number;
    try {
      ino = statSync(wal).ino;
    } catch (error) {
      if (fsErrorCode(error) === 'ENOENT') return null;
      throw error;
    }
    if (file?.ino === ino) return file;
    // A descriptor a sync is using is closed when that sync ends.
    if (file && !running) closeSync(file.fd);
    file = { fd: openSync(wal, 'r+'), ino, folderSynced: false };
    return file;
  };

  /** A new log file is durable only once its folder's entry is: synced once (not possible on Windows; ignored). */
  const syncFolder = (log: NonNullable<typeof file>, done: () => void) => {
    if (log.folderSynced) return done();
    log.folderSynced = true;
    open(dirname(wal), 'r', (error, fd) => {
      if (error) return done();
      sync(fd, () => close(fd, () => done()));
    });
  };

  const fail = (error: Error) => {
    console.error('[durability]', error);
    relax();
  };

  const start = (covers: number): Promise<void> => {
    let resolve = () => {};
    let reject: (error: Error) => void = () => {};
    const done = new Promise<void>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    running = { covers, done };
    const finish = (used: number | null, error: Error | null) => {
      running = null;
      if (used !== null && (stopped || file?.fd !== used)) {
        closeSync(used);
        if (file?.fd === used) file = null;
      }
      if (error) {
        fail(error);
        reject(
          new AppError('FILE_WRITE_FAILED', `Không lưu được xuống ổ đĩa: ${describeFsError(error)}. Những gì đã lưu trước đó không bị ảnh hưởng.`, {
            cause: error,
          }),
        );
        return;
      }
      synced = Math.max(synced, covers);
      resolve();
    };
    let log: ReturnType<typeof logFile>;
    try {
      log = logFile();
    } catch (error) {
      finish(null, error as Error);
      return done;
    }
    if (!log) {
      finish(null, null);
      return done;
    }
    const opened = log;
    sync(opened.fd, (error) => (error ? finish(opened.fd, error) : syncFolder(opened, () => finish(opened.fd, null))));
    return done;
  };

  const flush = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    const seen = observe();
    if (seen <= synced) return Promise.resolve();
    if (running && running.covers >= seen) return running.done;
    if (!running) return start(seen);
    // The sync under way may have started before this write: one more after it.
    const after = running.done.then(
      () => undefined,
      () => undefined,
    );
    queued ??= after.then(() => {
      queued = null;
      return flush();
    });
    return queued;
  };

  const checkpoint = () => {
    try {
      const began = performance.now();
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      onCheckpoint?.(performance.now() - began, result?.log ?? 0);
      lastCheckpoint = Date.now();
      // Whole: every frame of the log is in the database, which SQLite synced.
      if (result && result.busy === 0 && result.log === result.checkpointed) checkpointed = synced = mark;
    } catch (error) {
      console.error('[durability] checkpoint', error);
    }
  };

  const tick = () => {
    if (stopped || relaxed || !db.open) return;
    try {
      const seen = observe();
      if (seen > synced && !running) flush().catch(() => {});
      const now = Date.now();
      const due = (now - lastWrite >= idleMs || now - lastCheckpoint >= longestMs) && now - lastCheckpoint >= idleMs;
      if (seen > checkpointed && due && !running) checkpoint();
    } catch (error) {
      fail(error as Error);
    }
  };

  /** SQLite syncs every commit itself again. */
  function relax(): void {
    if (relaxed) return;
    relaxed = true;
    clearInterval(timer);
    if (!db.open) return;
    db.pragma('synchronous = FULL');
    db.pragma(`wal_autocheckpoint = ${SQLITE_AUTOCHECKPOINT}`);
  }

  db.pragma('synchronous = NORMAL');
  db.pragma('wal_autocheckpoint = 0');
  const timer = setInterval(tick, everyMs);
  timer.unref();

  return {
    flush,
    stop() {
      if (stopped) return;
      try {
        if (db.open && observe() > synced) {
          const log = logFile();
          if (log) fdatasyncSync(log.fd);
        }
      } catch (error) {
        // Closing the database next checkpoints it, syncing again (FULL); that is where a bad disk is told.
        console.error('[durability] last sync', error);
      } finally {
        stopped = true;
        if (file && !running) {
          closeSync(file.fd);
          file = null;
        }
        relax();
      }
    },
  };
}
