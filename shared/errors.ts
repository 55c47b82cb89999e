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
  | 'PRINT_FAILED';

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
