import { columnValueCount, type AccountRecord, type AttributeValue, type SessionRecord } from "@/lib/ingest/records";
import { compareText } from "@/lib/compare-text";

/*
 * The lines the bulk path sorts: tab-separated, sort keys first, payload
 * last. Keys are JSON text with every non-ASCII character escaped, so they
 * hold no tab or line break, JSON.parse gives the id back, and JavaScript's
 * string order equals sort's byte order (LC_ALL=C) for merge-joins.
 */

/** Printable ASCII other than `"` and `\`: JSON text of such an id is the id in quotes (most ids; the fast path below). */
const plainId = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** An id as a sort key. */
export function sortKey(id: string): string {
  if (plainId.test(id)) return `"${id}"`;
  return JSON.stringify(id).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function idOfSortKey(key: string): string {
  return key.includes("\\") ? (JSON.parse(key) as string) : key.slice(1, -1);
}

/** Where a row came from: the index of its file in the run's file list, and its line. */
export interface RowPlace {
  fileIndex: number;
  line: number;
}

/** Second key of an account's rows: before every session ("A" < "S"). */
const accountTag = "A";
const sessionTag = "S";

/**
 * The main sort groups everything of one account: its account rows first, then
 * its sessions, each session's rows together, all in input order (the sort is
 * stable).
 */
export function accountLine(place: RowPlace, record: AccountRecord): string {
  return `${sortKey(record.accountId)}\t${accountTag}\t${JSON.stringify([place.fileIndex, place.line, record])}`;
}

export function sessionLine(place: RowPlace, record: SessionRecord): string {
  return `${sortKey(record.accountId)}\t${sessionGroupKey(record.sessionId)}\t${encodeSession(place, record)}`;
}

export function sessionGroupKey(sessionId: string): string {
  return `${sessionTag}${sortKey(sessionId)}`;
}

export type MainLine =
  | { kind: "account"; accountKey: string; place: RowPlace; record: AccountRecord }
  | { kind: "session"; accountKey: string; groupKey: string; place: RowPlace; record: SessionRecord };

export function parseMainLine(line: string): MainLine {
  const [accountKey = "", groupKey = "", payload = ""] = line.split("\t");
  if (groupKey === accountTag) {
    const [fileIndex, lineNumber, record] = JSON.parse(payload) as [number, number, AccountRecord];
    return { kind: "account", accountKey, place: { fileIndex, line: lineNumber }, record };
  }
  const accountId = idOfSortKey(accountKey);
  const sessionId = idOfSortKey(groupKey.slice(sessionTag.length));
  return { kind: "session", accountKey, groupKey, ...decodeSession(payload, sessionId, accountId) };
}

/**
 * Sessions are most of the data, so their payload is a positional array: the
 * place, the optional fields in `encodedSessionFields` order (null when
 * absent), then the attribute values beyond the ip, device_id and prompt_fp
 * columns as [kind, value, …]. The ids are the keys; the column attributes are
 * rebuilt in the validator's order (it lists them first).
 */
const encodedSessionFields = ["startedAt", "endedAt", "ip", "deviceId", "userAgent", "requestCount", "promptFp", "asn", "ipClass"] as const;

function columnAttributes(record: Pick<SessionRecord, "ip" | "deviceId" | "promptFp">): AttributeValue[] {
  const attributes: AttributeValue[] = [];
  if (record.ip !== undefined) attributes.push({ kind: "ip", value: record.ip });
  if (record.deviceId !== undefined) attributes.push({ kind: "device", value: record.deviceId });
  if (record.promptFp !== undefined) attributes.push({ kind: "prompt", value: record.promptFp });
  return attributes;
}

/** The attribute values a session row carries beyond its ip, device_id and prompt_fp columns (from attr_ columns). */
export function extraSessionAttributes(record: SessionRecord): AttributeValue[] {
  return record.attributes.slice(columnValueCount(record));
}

function encodeSession(place: RowPlace, record: SessionRecord): string {
  const fields = encodedSessionFields.map((field) => record[field] ?? null);
  const extra = extraSessionAttributes(record).flatMap((attribute) => [attribute.kind, attribute.value]);
  return JSON.stringify([place.fileIndex, place.line, ...fields, extra]);
}

function decodeSession(payload: string, sessionId: string, accountId: string): { place: RowPlace; record: SessionRecord } {
  const values = JSON.parse(payload) as unknown[];
  const [fileIndex, line] = values as [number, number];
  const record: SessionRecord = { sessionId, accountId, startedAt: "", attributes: [] };
  // Absent fields stay absent (no `undefined` keys), as the validator leaves them.
  const fields = record as unknown as Record<string, unknown>;
  encodedSessionFields.forEach((field, index) => {
    const value = values[index + 2];
    if (value !== null) fields[field] = value;
  });
  const extra = values[encodedSessionFields.length + 2] as string[];
  record.attributes = columnAttributes(record);
  for (let i = 0; i + 1 < extra.length; i += 2) record.attributes.push({ kind: extra[i] ?? "", value: extra[i + 1] ?? "" });
  return { place: { fileIndex, line }, record };
}

/** The owners sort: every accepted session row by session id, in input order, to find each session's first account. */
export function ownerLine(place: RowPlace, record: SessionRecord): string {
  return `${sortKey(record.sessionId)}\t${sortKey(record.accountId)}\t${place.fileIndex}\t${place.line}`;
}

export function parseOwnerLine(line: string): { sessionKey: string; accountKey: string; place: RowPlace } {
  const [sessionKey = "", accountKey = "", fileIndex = "", lineNumber = ""] = line.split("\t");
  return { sessionKey, accountKey, place: { fileIndex: Number(fileIndex), line: Number(lineNumber) } };
}

/** A session group of the main sort whose rows are all rejected (they name another account than the session's owner). */
export function conflictLine(accountKey: string, sessionKey: string): string {
  return `${accountKey}\t${sessionTag}${sessionKey}`;
}

/** Orders (account key, group key) pairs exactly as the main sort does. */
export function compareGroupKeys(a: readonly [string, string], b: readonly [string, string]): number {
  return compareText(a[0], b[0]) || compareText(a[1], b[1]);
}

/**
 * The attributes sort: one line per USES link, by attribute key, then the
 * link's first and last time (validated instants: no tab in them). The kind
 * and value are the key's own.
 */
export function attributeLinkLine(link: { key: string; first: string; last: string }): string {
  return `${sortKey(link.key)}\t${link.first}\t${link.last}`;
}

export function parseAttributeLinkLine(line: string): { attributeKey: string; first: string; last: string } {
  const [attributeKey = "", first = "", last = ""] = line.split("\t");
  return { attributeKey, first, last };
}
