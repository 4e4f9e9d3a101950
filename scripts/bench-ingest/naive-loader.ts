import { discoverFiles } from "@/lib/ingest/read/discover-files";
import { readRows } from "@/lib/ingest/read/read-rows";
import type { AccountRecord, SessionRecord } from "@/lib/ingest/records";
import { writeQuery } from "@/lib/neo4j";

/*
 * The loader a first attempt looks like, for comparison only: one MERGE
 * statement per row, each its own auto-committed transaction, no batching,
 * no pre-aggregation. (It also counts a session again on every reload: the
 * pipeline's idempotence is not what is being compared here, only speed.)
 * It reuses the same reader and validation, so only the writing differs.
 */

const accountCypher = `
MERGE (a:Account {account_id: $id})
SET a += $fields, a.created_at = datetime($createdAt)
WITH a UNWIND $attributes AS attribute
MERGE (t:Attribute {key: attribute.key}) ON CREATE SET t.kind = attribute.kind, t.value = attribute.value
MERGE (a)-[:USES]->(t)`;

const sessionCypher = `
MATCH (a:Account {account_id: $accountId})
MERGE (s:Session {session_id: $id})
SET s += $fields, s.started_at = datetime($startedAt)
MERGE (a)-[:HAS_SESSION]->(s)
WITH a UNWIND $attributes AS attribute
MERGE (t:Attribute {key: attribute.key}) ON CREATE SET t.kind = attribute.kind, t.value = attribute.value
MERGE (a)-[u:USES]->(t) ON CREATE SET u.session_count = 1 ON MATCH SET u.session_count = u.session_count + 1`;

export async function loadNaively(folder: string): Promise<{ rows: number; wallMs: number }> {
  const began = Date.now();
  const { files } = await discoverFiles(folder);
  let rows = 0;
  for (const file of files) {
    for await (const row of readRows(file)) {
      if (!row.ok) continue;
      if (file.entity === "accounts") await writeAccount(row.record as AccountRecord);
      else await writeSession(row.record as SessionRecord);
      rows += 1;
    }
  }
  return { rows, wallMs: Date.now() - began };
}

function attributeParams(record: AccountRecord | SessionRecord) {
  return record.attributes.map((attribute) => ({ key: `${attribute.kind}:${attribute.value}`, ...attribute }));
}

async function writeAccount(record: AccountRecord): Promise<void> {
  const fields = { email: record.email, phone: record.phone, card_fp: record.cardFp, country: record.country, status: record.status };
  await writeQuery(accountCypher, { id: record.accountId, createdAt: record.createdAt, fields: withoutUndefined(fields), attributes: attributeParams(record) });
}

async function writeSession(record: SessionRecord): Promise<void> {
  const fields = {
    account_id: record.accountId,
    ip: record.ip,
    device_id: record.deviceId,
    user_agent: record.userAgent,
    prompt_fp: record.promptFp,
    request_count: record.requestCount,
    asn: record.asn,
    ip_class: record.ipClass,
  };
  await writeQuery(sessionCypher, {
    id: record.sessionId,
    accountId: record.accountId,
    startedAt: record.startedAt,
    fields: withoutUndefined(fields),
    attributes: attributeParams(record),
  });
}

function withoutUndefined(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
