// What the screens see of a backup of the database.

export interface BackupInfo {
  /** File name inside the backups folder; what the restore channels take. */
  name: string;
  /** ISO date and time the backup was taken. */
  createdAt: string;
  /** Bytes. */
  size: number;
  /** Meetings in the backup; null when it could not be read (damaged, foreign, or encrypted with another passphrase). */
  meetings: number | null;
  /** Encrypted (with the store's key or another passphrase's). */
  encrypted: boolean;
  /** Why it was taken: at start, while editing, before a restore, by hand; or brought from a file (a USB stick). */
  reason: 'start' | 'periodic' | 'before-restore' | 'manual' | 'imported';
}

export interface RestoreResult {
  /** Ids of the meetings created from the backup. */
  meetingIds: number[];
  /** The backup of the state before the restore. */
  safetyBackup: string;
}

/** The automatic backups' health, shown as a banner when they fail and in Cài đặt. */
export interface BackupStatus {
  /** When the last automatic backup succeeded (ISO); null when there was none. */
  lastGood: string | null;
  /** Set while automatic backups fail; they are retried until one succeeds. */
  failure: { message: string; since: string; attempts: number } | null;
}
