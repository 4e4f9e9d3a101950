import type { SessionRecord } from "@/lib/ingest/records";
import { readQuery, withWriteTransaction, type Plain, type TransactionRunner } from "@/lib/neo4j";
import { sessionAttributeColumnNames } from "./attribute-kinds";
import { batchTransactionTimeoutMs } from "./batch-timeout";
import { planSessionBatch, type SessionBatchPlan, type StoredSession } from "./plan-sessions";
import { mergeAttributesAndLinks } from "./write-links";

const findAccountsCypher = `
UNWIND $ids AS id
MATCH (a:Account {account_id: id})
RETURN id`;

/** What the planner needs of the sessions a batch mentions; new sessions simply do not match. */
const findSessionsCypher = `
UNWIND $ids AS id
MATCH (owner:Account)-[:HAS_SESSION]->(s:Session {session_id: id})
RETURN id, owner.account_id AS accountId,
  [property IN keys(s) WHERE property IN $attributeColumns OR property STARTS WITH 'attr_' | [property, s[property]]]
    AS attributeProperties,
  coalesce(s.past_attribute_keys, []) AS pastKeys`;

/**
 * New sessions (the batch's read found none with their id) are created with
 * their HAS_SESSION link: CREATE, not MERGE, because MERGE adds a locking
 * index seek per row and forces an Eager over the batch. Constraint `session_id`
 * still guarantees uniqueness: a concurrent writer would fail the batch, not
 * duplicate a session. Absent fields are simply not set (null sets nothing).
 */
const createSessionsCypher = `
UNWIND $rows AS row
MATCH (a:Account {account_id: row.account_id})
CREATE (a)-[:HAS_SESSION]->(s:Session {session_id: row.session_id})
SET s += row.fields,
  s.started_at = datetime(row.started_at),
  s.ended_at = datetime(row.ended_at),
  s.request_count = toInteger(row.request_count),
  s.asn = toInteger(row.asn),
  s.past_attribute_keys = row.past_keys`;

/**
 * Sessions loaded before: a row sets the fields it gives and keeps the rest;
 * the owner never changes (see planSessionBatch). past_attribute_keys null
 * removes the property.
 */
const updateSessionsCypher = `
UNWIND $rows AS row
MATCH (s:Session {session_id: row.session_id})
SET s += row.fields,
  s.started_at = datetime(row.started_at),
  s.ended_at = coalesce(datetime(row.ended_at), s.ended_at),
  s.request_count = coalesce(toInteger(row.request_count), s.request_count),
  s.asn = coalesce(toInteger(row.asn), s.asn),
  s.past_attribute_keys = row.past_keys`;

type Query = <Row extends Record<string, Plain>>(cypher: string, params: Record<string, unknown>) => Promise<Row[]>;

export interface SessionBatchOutcome<Row> {
  rejected: Array<{ row: Row; reason: string }>;
}

/**
 * Writes one batch of session rows in one transaction that first reads what
 * exists (accounts, sessions), then plans against it and writes; so a batch
 * is all-or-nothing and a rerun after a crash counts nothing twice. Rows whose
 * account is unknown come back as rejects.
 */
export async function writeSessionBatch<Row extends { record: SessionRecord }>(
  rows: readonly Row[],
): Promise<SessionBatchOutcome<Row>> {
  if (rows.length === 0) return { rejected: [] };
  return withWriteTransaction(
    async (tx) => {
      const plan = await planAgainstDatabase(rows, tx.run.bind(tx), () => false);
      await writePlan(tx, plan);
      return { rejected: plan.rejected };
    },
    { timeoutMs: batchTransactionTimeoutMs },
  );
}

/**
 * A dry run's check of one batch: the same plan, nothing written. Accounts
 * count as known when the database has them or `isSeenAccount` says the load
 * met them earlier. With `isDatabaseReachable` false only the latter is asked.
 */
export async function checkSessionBatch<Row extends { record: SessionRecord }>(
  rows: readonly Row[],
  options: { isSeenAccount: (accountId: string) => boolean; isDatabaseReachable: boolean },
): Promise<SessionBatchOutcome<Row>> {
  if (rows.length === 0) return { rejected: [] };
  const query: Query = options.isDatabaseReachable
    ? (cypher, params) => readQuery(cypher, params, { timeoutMs: batchTransactionTimeoutMs })
    : () => Promise.resolve([]);
  const plan = await planAgainstDatabase(rows, query, options.isSeenAccount);
  return { rejected: plan.rejected };
}

async function planAgainstDatabase<Row extends { record: SessionRecord }>(
  rows: readonly Row[],
  query: Query,
  isSeenAccount: (accountId: string) => boolean,
): Promise<SessionBatchPlan<Row>> {
  const accountIds = unique(rows.map((row) => row.record.accountId));
  const sessionIds = unique(rows.map((row) => row.record.sessionId));
  const found = await query<{ id: string }>(findAccountsCypher, { ids: accountIds });
  const knownAccounts = new Set(found.map((row) => row.id));
  const storedSessions = await readStoredSessions(query, sessionIds);
  return planSessionBatch(rows, {
    isKnownAccount: (accountId) => knownAccounts.has(accountId) || isSeenAccount(accountId),
    storedSessions,
  });
}

async function readStoredSessions(query: Query, ids: string[]): Promise<Map<string, StoredSession>> {
  const rows = await query<{ id: string; accountId: string; attributeProperties: string[][]; pastKeys: string[] }>(
    findSessionsCypher,
    { ids, attributeColumns: sessionAttributeColumnNames },
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        accountId: row.accountId,
        attributeProperties: Object.fromEntries(row.attributeProperties.map(([property = "", value = ""]) => [property, value])),
        pastKeys: row.pastKeys,
      },
    ]),
  );
}

async function writePlan<Row>(tx: TransactionRunner, plan: SessionBatchPlan<Row>): Promise<void> {
  const created = plan.sessions.filter((session) => session.is_new);
  const updated = plan.sessions.filter((session) => !session.is_new);
  if (created.length > 0) await tx.run(createSessionsCypher, { rows: created });
  if (updated.length > 0) await tx.run(updateSessionsCypher, { rows: updated });
  await mergeAttributesAndLinks(tx, plan);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
