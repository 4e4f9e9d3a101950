import { AppError, isAppError } from "@/lib/errors/app-error";

/**
 * The one translator from a thrown error to an HTTP answer: `AppError.toJSON()`
 * with its status (pages that show an error use `toAppError`). Anything else is a bug; it is logged here, on the server,
 * and the caller gets a generic 500 that leaks nothing.
 */
export function toErrorResponse(error: unknown): Response {
  const appError = toAppError(error);
  return Response.json(appError.toJSON(), { status: appError.status, headers: { "cache-control": "no-store" } });
}

/** The error as the user may see it; anything but an AppError is logged and becomes a generic one. */
export function toAppError(error: unknown): AppError {
  const appError = isAppError(error) ? error : unexpectedError(error);
  if (appError.code === "INTERNAL") console.error("[api] internal error:", appError.cause ?? appError);
  return appError;
}

/** Wraps a route handler so that whatever it throws becomes toErrorResponse(error). */
export function withErrorResponse<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}

function unexpectedError(error: unknown): AppError {
  return new AppError("INTERNAL", "Something went wrong on our side. The server log has the details.", { cause: error });
}
