import { writeQuery } from "@/lib/neo4j";

/** Empties the test server's graph (data only; the schema stays). Tests call it in beforeEach to own their data. */
export async function resetDatabase(): Promise<void> {
  await writeQuery("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", {}, { timeoutMs: 300_000 });
}
