import { columnValueCount, type SessionRecord } from "@/lib/ingest/records";
import { attributeKey, extraAttributeProperty, keysOfSessionProperties } from "./attribute-kinds";
import { parseInstant } from "./instants";
import { LinkDeltaTable, type AttributeDelta, type LinkDelta } from "./link-deltas";

/** What the database already holds for a session the batch mentions (read inside the batch's transaction). */
export interface StoredSession {
  accountId: string;
  /** Its attribute properties as stored: ip, device_id, prompt_fp, attr_*. */
  attributeProperties: Readonly<Record<string, string>>;
  /** Attribute keys it carried once and no longer shows (`past_attribute_keys`). */
  pastKeys: readonly string[];
}

export interface SessionBatchContext {
  /** True when the account is in the database (or, in a dry run, was seen earlier in the load). */
  isKnownAccount: (accountId: string) => boolean;
  storedSessions: ReadonlyMap<string, StoredSession>;
}

/** One session as the batch writes it: the fields its rows gave, later rows winning. */
export interface SessionWrite {
  session_id: string;
  account_id: string;
  /** Not in the database before this batch: gets its HAS_SESSION link. */
  is_new: boolean;
  started_at: string;
  /** null: no row gave it, keep the stored value. */
  ended_at: string | null;
  /** Text properties the rows gave, including attribute properties (ip, device_id, prompt_fp, attr_*). */
  fields: Record<string, string>;
  request_count: number | null;
  asn: number | null;
  /** Keys the session carried but no longer shows; null when none (the property is removed). */
  past_keys: string[] | null;
}

export interface SessionBatchPlan<Row> {
  sessions: SessionWrite[];
  attributes: AttributeDelta[];
  links: LinkDelta[];
  rejected: Array<{ row: Row; reason: string }>;
}

/** A session while the batch's rows are folded into it. */
interface SessionState {
  write: SessionWrite;
  /** Attribute properties after the rows so far (stored ones overlaid). */
  attributeProperties: Record<string, string>;
  /** Every attribute key the session has carried: stored, past, and from this batch's rows. */
  carried: Set<string>;
}

/**
 * Folds a batch of session rows, in order, into one write per session and one
 * delta per (account, attribute) link, against what the database holds:
 * - a row whose account is unknown, or that names another account than the
 *   session already belongs to, is rejected;
 * - a link's session_count grows only for a (session, value) pair the session
 *   never carried before, so loading the same rows again adds nothing;
 * - a later row's fields win; absent fields keep what is stored.
 * Pure: the caller reads `context` and writes the plan in one transaction.
 * `deltas` lets a caller sum links over several calls (the bulk path, per account).
 */
export function planSessionBatch<Row extends { record: SessionRecord }>(
  rows: readonly Row[],
  context: SessionBatchContext,
  deltas: LinkDeltaTable = new LinkDeltaTable(),
): SessionBatchPlan<Row> {
  const states = new Map<string, SessionState>();
  const rejected: Array<{ row: Row; reason: string }> = [];
  for (const row of rows) {
    const { record } = row;
    const stored = context.storedSessions.get(record.sessionId);
    const reason = rejectionOf(record, context, states.get(record.sessionId)?.write.account_id ?? stored?.accountId);
    if (reason !== undefined) {
      rejected.push({ row, reason });
      continue;
    }
    let state = states.get(record.sessionId);
    if (state === undefined) {
      state = startState(record, stored);
      states.set(record.sessionId, state);
    }
    applySessionRow(state, record, deltas);
  }
  return { sessions: [...states.values()].map(finishWrite), attributes: deltas.attributes, links: deltas.links, rejected };
}

function rejectionOf(record: SessionRecord, context: SessionBatchContext, owner: string | undefined): string | undefined {
  if (!context.isKnownAccount(record.accountId)) return unknownAccountReason(record.accountId);
  // A session belongs to one account for good; moving it would orphan the counts already linked to the first.
  if (owner !== undefined && owner !== record.accountId) return ownerConflictReason(record.sessionId, owner, record.accountId);
  return undefined;
}

export function unknownAccountReason(accountId: string): string {
  return `unknown account ${accountId}`;
}

export function ownerConflictReason(sessionId: string, owner: string, accountId: string): string {
  return `session ${sessionId} belongs to account ${owner}, not ${accountId}`;
}

function startState(record: SessionRecord, stored: StoredSession | undefined): SessionState {
  const attributeProperties = { ...stored?.attributeProperties };
  return {
    write: {
      session_id: record.sessionId,
      account_id: stored?.accountId ?? record.accountId,
      is_new: stored === undefined,
      started_at: record.startedAt,
      ended_at: null,
      fields: {},
      request_count: null,
      asn: null,
      past_keys: null,
    },
    attributeProperties,
    carried: new Set([...keysOfSessionProperties(attributeProperties), ...(stored?.pastKeys ?? [])]),
  };
}

function applySessionRow(state: SessionState, record: SessionRecord, deltas: LinkDeltaTable): void {
  const { write } = state;
  write.started_at = record.startedAt;
  if (record.endedAt !== undefined) write.ended_at = record.endedAt;
  if (record.requestCount !== undefined) write.request_count = record.requestCount;
  if (record.asn !== undefined) write.asn = record.asn;
  const attributeProperties = sessionAttributeProperties(record);
  Object.assign(write.fields, sessionTextFields(record), attributeProperties);
  Object.assign(state.attributeProperties, attributeProperties);
  const startedAt = parseInstant(record.startedAt);
  for (const attribute of record.attributes) {
    const key = attributeKey(attribute.kind, attribute.value);
    const isNewForSession = !state.carried.has(key);
    state.carried.add(key);
    deltas.record(write.account_id, attribute, startedAt, isNewForSession);
  }
}

/**
 * Keys the session carried and no longer shows. Kept so that a reload of rows
 * that changed a session's value (ip A, later ip B) does not count A again.
 * Sorted, so the stored list does not depend on the order rows arrived in.
 */
function finishWrite(state: SessionState): SessionWrite {
  const current = new Set(keysOfSessionProperties(state.attributeProperties));
  const past = [...state.carried].filter((key) => !current.has(key)).sort();
  state.write.past_keys = past.length > 0 ? past : null;
  return state.write;
}

/** The non-attribute text properties a row gives. */
function sessionTextFields(record: SessionRecord): Record<string, string> {
  const fields: Record<string, string> = {};
  if (record.userAgent !== undefined) fields.user_agent = record.userAgent;
  if (record.ipClass !== undefined) fields.ip_class = record.ipClass;
  return fields;
}

/**
 * The properties that hold a row's attribute values: ip, device_id and
 * prompt_fp for their columns, `attr_<kind>` for every other value (an
 * `attr_ip` that differs from `ip` is stored as `attr_ip`).
 */
export function sessionAttributeProperties(record: SessionRecord): Record<string, string> {
  const properties: Record<string, string> = {};
  if (record.ip !== undefined) properties.ip = record.ip;
  if (record.deviceId !== undefined) properties.device_id = record.deviceId;
  if (record.promptFp !== undefined) properties.prompt_fp = record.promptFp;
  // Most rows carry only column values: no attr_ property to find.
  if (record.attributes.length === columnValueCount(record)) return properties;
  const covered = new Set(keysOfSessionProperties(properties));
  for (const attribute of record.attributes) {
    if (!covered.has(attributeKey(attribute.kind, attribute.value))) {
      properties[extraAttributeProperty(attribute.kind)] = attribute.value;
    }
  }
  return properties;
}
