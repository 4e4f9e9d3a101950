import { writeQuery } from "@/lib/neo4j";

const deleteChunkCypher = "MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted";

/**
 * Empties the test server's graph (data only; the schema stays). Tests call it in beforeEach to own their data.
 * Deletes in chunks of bounded size, each its own transaction: `CALL { } IN TRANSACTIONS` would be simpler but
 * needs an auto-commit transaction, and writeQuery (executeQuery) always runs a managed one.
 */
export async function resetDatabase(): Promise<void> {
  for (;;) {
    const { rows } = await writeQuery<{ deleted: number }>(deleteChunkCypher, {}, { timeoutMs: 300_000 });
    if ((rows[0]?.deleted ?? 0) === 0) return;
  }
}
