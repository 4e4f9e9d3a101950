/**
 * The one error type that crosses layers. `code` is stable and machine-readable,
 * `message` is safe to show a user, `status` is the HTTP status a route returns.
 */
export const errorCodes = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_AUTH: 503,
  QUERY_TIMEOUT: 504,
  FEATURE_UNAVAILABLE: 501,
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.status = errorCodes[code];
  }

  toJSON(): { error: { code: AppErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** The text of anything thrown: an Error's message (an AppError's is safe to show), else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
