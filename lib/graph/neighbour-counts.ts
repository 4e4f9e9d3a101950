import { z } from "zod";
import { readQuery } from "@/lib/neo4j";
import { accountNodeId, splitNodeIds } from "./node-id";
import { nodeIdListSchema, parseOptions } from "./option-schemas";

/**
 * Per-kind neighbour counts of one or several nodes, shown before expanding
 * so the investigator knows what an expansion would bring. An account's
 * neighbours are the attributes it uses, counted by kind; an attribute's are
 * the accounts using it (its stored account_count, no traversal).
 */

export const neighbourCountsOptionsSchema = z.object({ ids: nodeIdListSchema(200).min(1) });
export type NeighbourCountsOptions = z.input<typeof neighbourCountsOptionsSchema>;

export interface NeighbourCounts {
  id: string;
  /** Neighbour kind ("account", "ip", "device", …) → how many. Empty for a node that does not exist. */
  counts: Record<string, number>;
}

const countsCypher = `
CALL () {
  UNWIND $accountIds AS accountId
  MATCH (a:Account {account_id: accountId})-[:USES]->(t:Attribute)
  RETURN accountId AS accountId, null AS key, t.kind AS kind, count(*) AS total
  UNION ALL
  UNWIND $attributeKeys AS key
  MATCH (t:Attribute {key: key})
  RETURN null AS accountId, key, 'account' AS kind, t.account_count AS total
}
RETURN accountId, key, kind, total`;

type CountRow = { accountId: string | null; key: string | null; kind: string; total: number };

export async function countNeighbours(options: NeighbourCountsOptions): Promise<NeighbourCounts[]> {
  const { ids } = parseOptions(neighbourCountsOptionsSchema, options);
  const rows = await readQuery<CountRow>(countsCypher, splitNodeIds(ids));
  const byId = new Map<string, Record<string, number>>(ids.map((id) => [id, {}]));
  for (const row of rows) {
    const id = row.accountId === null ? row.key : accountNodeId(row.accountId);
    const counts = id === null ? undefined : byId.get(id);
    if (counts) counts[row.kind] = row.total;
  }
  return [...byId].map(([id, counts]) => ({ id, counts }));
}
