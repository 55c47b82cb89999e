// The API the screens see in component tests: the real handlers over a real in-memory store, through
// the real dispatch (validation, envelopes, Vietnamese messages). Results are cloned, as IPC does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api, AppCommand, Channel, Envelope, Input, Output } from '../../shared/api.ts';
import { CHANNELS } from '../../shared/api.ts';
import { createHandlers, type Dialogs, type Documents } from '../../electron/api/handlers.ts';
import { dispatch } from '../../electron/api/dispatch.ts';
import { AutoBackups } from '../../electron/services/auto-backups.ts';
import { createStore, openDatabase, type Store } from '../../electron/store/index.ts';

export interface FakeApi {
  api: Api;
  store: Store;
  /** Every call made, in order: channel and input. */
  calls: { channel: Channel; input: unknown }[];
  /** The folder the save dialog answers with (it keeps the proposed file name). */
  dir: string;
  /** How the dialogs answer: cancelSave makes the save dialog return null; open is the file picked (null: cancelled). */
  dialog: { cancelSave: boolean; open: string | null };
  /** Resolves when every call made so far has been answered. */
  idle(): Promise<void>;
  /** The automatic backups of the store (not started: tests call tick), whose status the screens show. */
  autoBackups: AutoBackups;
  /** Sends a menu command, as the Electron menu does. */
  command(command: AppCommand): void;
  close(): void;
}

export function createFakeApi(): FakeApi {
  const store = createStore(openDatabase(':memory:'));
  const dir = mkdtempSync(join(tmpdir(), 'bien-ban-renderer-'));
  const dialog: FakeApi['dialog'] = { cancelSave: false, open: null };
  const dialogs: Dialogs = {
    saveFile: async ({ defaultName }) => (dialog.cancelSave ? null : join(dir, defaultName)),
    openFile: async () => dialog.open,
    chooseFolder: async () => (dialog.cancelSave ? null : dir),
  };
  const documents: Documents = {
    preview: (s, { meetingId, kind }) => {
      const meeting = s.meetings.get(meetingId);
      const title = kind === 'minutes' ? 'BIÊN BẢN' : 'THÔNG BÁO';
      return {
        html: `<article class="bien-ban"><p data-role="title">${title}</p><p>${meeting.title.replace(/[<>&]/g, '')}</p><script>window.hacked = true</script></article>`,
        css: '.bien-ban{width:210mm}',
        missing: meeting.date ? [] : ['Ngày họp'],
        advice: [],
      };
    },
    write: async (s, { meetingId }) => ({ missing: s.meetings.get(meetingId).date ? [] : ['Ngày họp'] }),
    print: async (s, { meetingId }) => ({ missing: s.meetings.get(meetingId).date ? [] : ['Ngày họp'] }),
  };
  const autoBackups = new AutoBackups(store.db, join(dir, 'backups'), { onError: () => {} });
  const handlers = {
    ...createHandlers(store, dialogs, documents, { backupsDir: join(dir, 'backups'), backupStatus: () => autoBackups.current() }),
    // A plain in-memory store, as a Session reports one (test/security/ and the browser journeys run the real Session).
    securityStatus: () => ({ encrypted: false, locked: false, remembered: false, storageNote: null, move: null, plainCopies: [], backupsLeft: [] }),
  };
  const calls: FakeApi['calls'] = [];
  const listeners = new Set<(command: AppCommand) => void>();
  const waiting: AppCommand[] = [];
  const pending = new Set<Promise<unknown>>();

  const channels = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async (input: unknown) => {
        calls.push({ channel, input });
        const answer = dispatch(handlers, channel, structuredClone(input));
        pending.add(answer);
        try {
          return structuredClone(await answer);
        } finally {
          pending.delete(answer);
        }
      },
    ]),
  ) as { [C in Channel]: (input: Input<C>) => Promise<Envelope<Output<C>>> };

  const api = {
    ...channels,
    onCommand(listener: (command: AppCommand) => void) {
      listeners.add(listener);
      // A command sent before the app listened (it was still asking whether the store is locked) is the
      // user's click once the window shows: delivered now, as the menu would be used.
      queueMicrotask(() => {
        for (const command of waiting.splice(0)) for (const each of listeners) each(command);
      });
      return () => {
        listeners.delete(listener);
      };
    },
  } satisfies Api;

  return {
    api,
    store,
    calls,
    dir,
    dialog,
    autoBackups,
    idle: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    command: (command) => {
      if (listeners.size === 0) waiting.push(command);
      for (const listener of listeners) listener(command);
    },
    close: () => {
      autoBackups.stop();
      store.db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
