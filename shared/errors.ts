/** An error the user can meet: a stable code and a Vietnamese message. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'DB_TOO_NEW'
  | 'DB_OPEN_FAILED'
  | 'FILE_UNREADABLE'
  | 'FILE_TOO_LARGE'
  | 'FILE_MALFORMED'
  | 'FILE_WRONG_KIND'
  | 'FILE_TOO_NEW'
  | 'FILE_WRITE_FAILED'
  | 'FILE_PROTECTED'
  | 'FILE_NOT_REGULAR'
  | 'DB_READ_ONLY'
  | 'DB_DAMAGED'
  | 'BACKUP_FAILED'
  | 'PRINT_FAILED'
  /** The store is encrypted and not unlocked yet. */
  | 'DB_LOCKED'
  /** A passphrase, or recovery key, that is not the one of the store or file. */
  | 'KEY_WRONG'
  /** The file is encrypted: ask for its passphrase and try again. */
  | 'PASSPHRASE_NEEDED'
  /** A new passphrase too easy to guess. */
  | 'PASSPHRASE_WEAK'
  /** A step the user must confirm first (a plain export of a confidential meeting). */
  | 'CONFIRM_NEEDED'
  /** A move between plain and encrypted is under way or not possible now. */
  | 'BUSY';

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
