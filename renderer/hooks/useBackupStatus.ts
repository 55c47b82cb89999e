// The automatic backups' health, asked of the main process every 30 seconds and whenever `moment`
// changes (the screen shown), since the backups run there, on a timer.
import { useEffect, useState } from 'react';
import type { BackupStatus } from '../../shared/backups.ts';
import { useClient } from '../context.tsx';

export const BACKUP_STATUS_POLL_MS = 30_000;

export function useBackupStatus(moment?: unknown): BackupStatus | null {
  const client = useClient();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    let live = true;
    const ask = () => {
      client.backupStatus({}).then(
        (next) => {
          if (live) setStatus(next);
        },
        () => {
          // Asking failed: the last answer stays; the next poll asks again.
        },
      );
    };
    ask();
    const timer = setInterval(ask, BACKUP_STATUS_POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client, moment]);
  return status;
}
