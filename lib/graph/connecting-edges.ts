import type { GraphEdge } from "@/components/graph/graph-model";
import { readQuery } from "@/lib/neo4j";
import { usesEdge } from "./graph-node";
import { splitNodeIds } from "./node-id";

// Seeks the accounts by id (constraint account_id), walks their few USES
// links, and keeps those whose attribute is in the set: never walks out of a
// hub, however many accounts it has.
const edgesCypher = `
MATCH (a:Account)-[:USES]->(t:Attribute)
WHERE a.account_id IN $accountIds AND t.key IN $attributeKeys
  AND (a.account_id IN $newAccountIds OR t.key IN $newAttributeKeys)
RETURN a.account_id AS accountId, t.key AS key`;

type EdgeRow = { accountId: string; key: string };

/**
 * The USES links between nodes just added and everything else on the
 * canvas, so a new node arrives joined to all it touches on screen, not only
 * to the node it was reached from. Links among old nodes are not repeated.
 */
export async function findConnectingEdges(options: { added: readonly string[]; onScreen: readonly string[] }): Promise<GraphEdge[]> {
  if (options.added.length === 0) return [];
  const added = splitNodeIds(options.added);
  const all = splitNodeIds([...new Set([...options.added, ...options.onScreen])]);
  const rows = await readQuery<EdgeRow>(edgesCypher, {
    accountIds: all.accountIds,
    attributeKeys: all.attributeKeys,
    newAccountIds: added.accountIds,
    newAttributeKeys: added.attributeKeys,
  });
  return rows.map((row) => usesEdge(row.accountId, row.key));
}
