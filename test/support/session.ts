// A session as the app's main process makes one, over a store in a test's folder: backups beside it, no key
// vault, no dialog answered; closed after the test (call it inside the test). Not started.
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { NO_VAULT, Session, type SessionOptions } from '../../electron/api/session.ts';
import { documents } from '../../electron/minutes/documents.ts';

const NO_DIALOG = async () => null;

export function testSession(dir: string, options: Partial<SessionOptions> = {}): Session {
  const session = new Session({
    file: join(dir, 'bien-ban.sqlite'),
    backupsDir: join(dir, 'backups'),
    documents,
    vault: NO_VAULT,
    prompt: { confirmRestore: async () => false },
    dialogs: { saveFile: NO_DIALOG, openFile: NO_DIALOG, chooseFolder: NO_DIALOG },
    ...options,
  });
  onTestFinished(() => session.close());
  return session;
}
