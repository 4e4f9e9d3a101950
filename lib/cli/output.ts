import path from "node:path";
import { isAppError } from "@/lib/errors/app-error";

/** One human line for any error: AppErrors carry their own message; others their text. */
export function describeError(error: unknown): string {
  if (isAppError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Resolves a path the user typed relative to where they ran the command (the CLI runs from the project folder). */
export function userPath(input: string): string {
  return path.resolve(process.env.RINGSCOPE_INVOKED_FROM ?? process.cwd(), input);
}
