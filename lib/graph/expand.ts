import { z } from "zod";
import type { GraphEdge, GraphNode } from "@/components/graph/graph-model";
import { readQuery } from "@/lib/neo4j";
import { findConnectingEdges } from "./connecting-edges";
import { nodeProjection, toGraphNode, type NodeRow } from "./graph-node";
import { splitNodeIds } from "./node-id";
import { capSchema, hubThresholdSchema, nodeIdListSchema, parseOptions } from "./option-schemas";

/**
 * Bounded, batched expansion of a selection. Each seed adds at most `cap`
 * neighbours that are not on screen yet, so asking again with the new nodes
 * in `onScreen` pages on ("show more"). Hub guard: an attribute used by more
 * accounts than `hubThreshold` is not expanded unless `includeHubs` is set,
 * and then only up to the cap; reached from an account, a hub arrives as one
 * node marked `isHub` (the badge), never with its accounts.
 */

export const expandOptionsSchema = z.object({
  ids: nodeIdListSchema(200).min(1, "select at least one node to expand"),
  /** Everything already drawn: never returned again, and new nodes are linked to it. */
  onScreen: nodeIdListSchema(5_000).default([]),
  cap: capSchema,
  hubThreshold: hubThresholdSchema,
  includeHubs: z.boolean().default(false),
});
export type ExpandOptions = z.input<typeof expandOptionsSchema>;

export interface SeedExpansion {
  id: string;
  /** Neighbours this request added for the seed. */
  added: number;
  /** Neighbours not on screen that a "show more" would still bring. */
  remaining: number;
  /** The seed is a hub and was left closed; ask with includeHubs to open it. */
  isHubGuarded: boolean;
}

export interface Expansion {
  nodes: GraphNode[];
  edges: GraphEdge[];
  seeds: SeedExpansion[];
}

type SeedRow = { seed: string; available: number; isGuarded: boolean; nodes: NodeRow[] };

// Shared attributes first (they are what links accounts), hubs last, so the
// cap keeps the most telling links.
const fromAccountsCypher = `
UNWIND $accountIds AS accountId
MATCH (:Account {account_id: accountId})-[:USES]->(n:Attribute)
WHERE NOT n.key IN $onScreenKeys
WITH accountId, n ORDER BY n.account_count > $hubThreshold, n.account_count DESC, n.key
WITH accountId, collect(n) AS found
RETURN 'account:' + accountId AS seed, size(found) AS available, false AS isGuarded,
       [n IN found[..$cap] | ${nodeProjection}] AS nodes`;

const fromAttributesCypher = `
UNWIND $attributeKeys AS key
MATCH (t:Attribute {key: key})
WITH t, t.account_count > $hubThreshold AND NOT $includeHubs AS isGuarded
CALL (t, isGuarded) {
  OPTIONAL MATCH (n:Account)-[:USES]->(t)
  WHERE NOT isGuarded AND NOT n.account_id IN $onScreenAccountIds
  WITH n ORDER BY n.account_id
  WITH collect(n) AS found
  RETURN size(found) AS available, [n IN found[..$cap] | ${nodeProjection}] AS nodes
}
RETURN t.key AS seed, available, isGuarded, nodes`;

export async function expandNodes(options: ExpandOptions): Promise<Expansion> {
  const { ids, onScreen, cap, hubThreshold, includeHubs } = parseOptions(expandOptionsSchema, options);
  const seeds = splitNodeIds(ids);
  const visible = splitNodeIds(onScreen);
  const params = {
    ...seeds,
    onScreenKeys: [...visible.attributeKeys, ...seeds.attributeKeys],
    onScreenAccountIds: [...visible.accountIds, ...seeds.accountIds],
    cap,
    hubThreshold,
    includeHubs,
  };
  const rows = [
    ...(seeds.accountIds.length > 0 ? await readQuery<SeedRow>(fromAccountsCypher, params) : []),
    ...(seeds.attributeKeys.length > 0 ? await readQuery<SeedRow>(fromAttributesCypher, params) : []),
  ];
  const nodes = uniqueNodes(rows.flatMap((row) => row.nodes.map((node) => toGraphNode(node, hubThreshold))));
  const edges = await findConnectingEdges({ added: nodes.map((node) => node.id), onScreen: [...onScreen, ...ids] });
  return { nodes, edges, seeds: rows.map(toSeedExpansion) };
}

function toSeedExpansion(row: SeedRow): SeedExpansion {
  return {
    id: row.seed,
    added: row.nodes.length,
    remaining: row.available - row.nodes.length,
    isHubGuarded: row.isGuarded,
  };
}

/** Two seeds may reach the same neighbour; it is drawn once. */
function uniqueNodes(nodes: GraphNode[]): GraphNode[] {
  return [...new Map(nodes.map((node) => [node.id, node])).values()];
}

