import type { RawFields } from "@/lib/ingest/validate/row-types";
import { errorMessage } from "@/lib/errors/app-error";

export type JsonLineResult = { ok: true; fields: RawFields } | { ok: false; reason: string } | { ok: "blank" };

/** One JSON Lines line → its object. Blank lines carry no row and are skipped, not rejected. */
export function parseJsonLine(text: string): JsonLineResult {
  if (text.trim() === "") return { ok: "blank" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `invalid JSON (${errorMessage(error)})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, reason: `line is not a JSON object but ${describeJson(value)}` };
  }
  return { ok: true, fields: value as RawFields };
}

function describeJson(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}
