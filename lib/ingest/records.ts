/**
 * The validated, normalised rows that flow from the readers (parse + validate)
 * to the writers (batch + UNWIND). Both sides agree on these types only.
 * Times are ISO-8601 strings with their zone as given in the input
 * (validated); writers turn them into Neo4j datetimes.
 */

/** The built-in attribute kinds; any other kind comes from an `attr_<kind>` column. */
export const builtInKinds = ["email", "email_domain", "phone", "card", "ip", "device", "prompt"] as const;
export type BuiltInKind = (typeof builtInKinds)[number];

/** One shared attribute value, already normalised per the input contract. */
export interface AttributeValue {
  /** A built-in kind or an `attr_` kind: lower-case letters, digits and `_`. */
  kind: string;
  value: string;
}

export interface AccountRecord {
  accountId: string;
  createdAt: string;
  /** Only the fields the row gave; absent means "unknown, keep what is loaded". */
  email?: string;
  phone?: string;
  cardFp?: string;
  country?: string;
  status?: "active" | "suspended" | "banned";
  /** Every shared attribute the row carries (email, email_domain, phone, card, attr_*). */
  attributes: AttributeValue[];
}

export interface SessionRecord {
  sessionId: string;
  accountId: string;
  startedAt: string;
  endedAt?: string;
  ip?: string;
  deviceId?: string;
  userAgent?: string;
  requestCount?: number;
  promptFp?: string;
  asn?: number;
  ipClass?: "residential" | "mobile" | "business" | "datacenter" | "vpn" | "proxy" | "tor";
  /** Every shared attribute the row carries: the ip, device_id and prompt_fp columns' values first, then attr_* ones, without repeats. */
  attributes: AttributeValue[];
}

/** How many of a record's attributes are its ip, device_id and prompt_fp columns' own (they come first); the rest are attr_* values. */
export function columnValueCount(record: Pick<SessionRecord, "ip" | "deviceId" | "promptFp">): number {
  return Number(record.ip !== undefined) + Number(record.deviceId !== undefined) + Number(record.promptFp !== undefined);
}

export type EntityKind = "accounts" | "sessions";

/** Where a row came from, for progress, the summary and rejects. */
export interface RowOrigin {
  file: string;
  line: number;
}

/** A row that broke the contract: not loaded, written to the rejects file. */
export interface RejectedRow extends RowOrigin {
  reason: string;
  /** The row as read (raw text for CSV, the raw line for JSONL). */
  raw: string;
}

export type ParsedRow<T> = ({ ok: true; record: T } | { ok: false; reason: string }) & RowOrigin & { raw: string };
