import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/** "path: message; path: message" — how every edge reports what it rejected. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}

/** Parses caller input; a rejection is the caller's mistake, so it becomes a BAD_REQUEST AppError. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", describeIssues(parsed.error));
  return parsed.data;
}
