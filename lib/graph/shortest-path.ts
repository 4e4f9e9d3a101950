import { z } from "zod";
import type { GraphEdge, GraphNode } from "@/components/graph/graph-model";
import { AppError } from "@/lib/errors/app-error";
import { readQuery } from "@/lib/neo4j";
import { nodeProjection, toGraphNode, usesEdge, type NodeRow } from "./graph-node";
import { parseNodeId, type NodeRef } from "./node-id";
import { hubThresholdSchema, maxPathSteps, nodeIdSchema, parseOptions } from "./option-schemas";

/**
 * "How are these two linked?": the shortest chain of USES links between two
 * nodes, at most `maxSteps` account–attribute–account steps long, through no
 * hub (an attribute above `hubThreshold`) unless `allowHubs`: a carrier NAT
 * links everyone and explains nothing. The ends themselves may be hubs.
 */

export const shortestPathOptionsSchema = z
  .object({
    from: nodeIdSchema,
    to: nodeIdSchema,
    maxSteps: z.coerce.number().int().min(1).max(maxPathSteps).default(4),
    hubThreshold: hubThresholdSchema,
    allowHubs: z.stringbool().or(z.boolean()).default(false),
  })
  .refine((options) => options.from !== options.to, "pick two different nodes");
export type ShortestPathOptions = z.input<typeof shortestPathOptionsSchema>;

export type PathResult =
  | { status: "found"; steps: number; nodes: GraphNode[]; edges: GraphEdge[] }
  | { status: "none"; maxSteps: number; allowHubs: boolean };

// Variable-length bounds cannot be parameters in Cypher: the pattern comes
// from this fixed table, keyed by the validated step count. One step is two
// hops, account→attribute→account.
const boundedPatterns: ReadonlyMap<number, string> = new Map(
  Array.from({ length: maxPathSteps }, (_, index) => [index + 1, `[:USES*..${2 * (index + 1)}]`]),
);

/** Each end's match, by the kind of node it is: label and key property from this fixed pair. */
function endpointPattern(variable: "source" | "target", ref: NodeRef): string {
  return ref.type === "account" ? `(${variable}:Account {account_id: $${variable}})` : `(${variable}:Attribute {key: $${variable}})`;
}

function pathCypher(source: NodeRef, target: NodeRef, maxSteps: number): string {
  const pattern = boundedPatterns.get(maxSteps);
  if (!pattern) throw new AppError("BAD_REQUEST", `maxSteps must be between 1 and ${maxPathSteps}`);
  return `
MATCH ${endpointPattern("source", source)}, ${endpointPattern("target", target)}
MATCH p = shortestPath((source)-${pattern}-(target))
WHERE all(n IN nodes(p)[1..-1] WHERE n:Account OR n.account_count <= $hubThreshold)
RETURN [n IN nodes(p) | ${nodeProjection}] AS nodes,
       [r IN relationships(p) | {accountId: startNode(r).account_id, key: endNode(r).key}] AS links`;
}

type PathRow = { nodes: NodeRow[]; links: { accountId: string; key: string }[] };

export async function findShortestPath(options: ShortestPathOptions): Promise<PathResult> {
  const { from, to, maxSteps, hubThreshold, allowHubs } = parseOptions(shortestPathOptionsSchema, options);
  const source = parseNodeId(from);
  const target = parseNodeId(to);
  const [row] = await readQuery<PathRow>(pathCypher(source, target, maxSteps), {
    source: keyOf(source),
    target: keyOf(target),
    // Allowing hubs is a threshold no attribute exceeds.
    hubThreshold: allowHubs ? Number.MAX_SAFE_INTEGER : hubThreshold,
  });
  if (!row) return { status: "none", maxSteps, allowHubs };
  return {
    status: "found",
    steps: Math.ceil(row.links.length / 2),
    nodes: row.nodes.map((node) => toGraphNode(node, hubThreshold)),
    edges: row.links.map((link) => usesEdge(link.accountId, link.key)),
  };
}

function keyOf(ref: NodeRef): string {
  return ref.type === "account" ? ref.accountId : ref.key;
}
