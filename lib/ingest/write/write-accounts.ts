import type { AccountRecord } from "@/lib/ingest/records";
import { withWriteTransaction } from "@/lib/neo4j";
import { batchTransactionTimeoutMs } from "./batch-timeout";
import { planAccountBatch } from "./plan-accounts";
import { mergeAttributesAndLinks } from "./write-links";

/**
 * Upserts accounts (MERGE relies on constraint `account_id`). A row sets only
 * the fields it gives. updated_at is the time of the last load that changed
 * something, so loading identical rows again leaves the node exactly as it was.
 */
const mergeAccountsCypher = `
UNWIND $rows AS row
MERGE (a:Account {account_id: row.account_id})
ON CREATE SET a.updated_at = datetime()
ON MATCH SET a.updated_at = CASE
  WHEN a.created_at <> datetime(row.created_at)
    OR any(field IN keys(row.fields) WHERE a[field] IS NULL OR a[field] <> row.fields[field])
  THEN datetime() ELSE a.updated_at END
SET a += row.fields, a.created_at = datetime(row.created_at)`;

/** Writes one batch of account rows in one transaction: all of it or none. */
export async function writeAccountBatch(records: readonly AccountRecord[]): Promise<void> {
  if (records.length === 0) return;
  const plan = planAccountBatch(records);
  await withWriteTransaction(
    async (tx) => {
      await tx.run(mergeAccountsCypher, { rows: plan.accounts });
      await mergeAttributesAndLinks(tx, plan);
    },
    { timeoutMs: batchTransactionTimeoutMs },
  );
}
