import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/**
 * Shared pieces of the use-cases' option schemas, so every edge validates them
 * the same way. No database code here: the browser bundle imports the limits.
 */

export const defaultExpansionCap = 50;
export const maxExpansionCap = 500;
export const defaultHubThreshold = 200;
/** The longest path searched, in account–attribute–account steps. */
export const maxPathSteps = 6;

export const nodeIdSchema = z
  .string()
  .min(3)
  .max(512)
  .regex(/^[^:]+:.+$/s, "expected a node id: account:<id> or <kind>:<value>");

/** How many neighbours one node may add in one expansion. */
export const capSchema = z.coerce.number().int().min(1).max(maxExpansionCap).default(defaultExpansionCap);

/** Attributes used by more accounts than this are hubs. */
export const hubThresholdSchema = z.coerce.number().int().min(1).max(1_000_000).default(defaultHubThreshold);

/** A list of node ids, of bounded length so one request cannot ask for the whole graph. */
export function nodeIdListSchema(max: number) {
  return z.array(nodeIdSchema).max(max);
}

/**
 * Validates a use-case's options. Bad input becomes a 400 AppError whose
 * message names each bad field, so a route answers it as it is.
 */
export function parseOptions<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("BAD_REQUEST", z.prettifyError(result.error), { cause: result.error });
  return result.data;
}
