import { z } from "zod";
import type { GraphEdge, GraphNode } from "@/components/graph/graph-model";
import { readQuery } from "@/lib/neo4j";
import { findConnectingEdges } from "./connecting-edges";
import { nodeProjection, toGraphNode, type NodeRow } from "./graph-node";
import { splitNodeIds } from "./node-id";
import { hubThresholdSchema, nodeIdListSchema, parseOptions } from "./option-schemas";

/**
 * Puts known nodes on the canvas: a search result the investigator chose, or
 * the nodes of a view reopened from its link. Returns them with their links
 * to what is already on screen; ids that match nothing are listed, not thrown.
 */

export const openNodesOptionsSchema = z.object({
  ids: nodeIdListSchema(5_000).min(1),
  onScreen: nodeIdListSchema(5_000).default([]),
  hubThreshold: hubThresholdSchema,
});
export type OpenNodesOptions = z.input<typeof openNodesOptionsSchema>;

export interface OpenedNodes {
  nodes: GraphNode[];
  edges: GraphEdge[];
  missing: string[];
}

const nodesCypher = `
CALL () {
  MATCH (n:Account) WHERE n.account_id IN $accountIds RETURN n
  UNION
  MATCH (n:Attribute) WHERE n.key IN $attributeKeys RETURN n
}
RETURN ${nodeProjection} AS node`;

export async function openNodes(options: OpenNodesOptions): Promise<OpenedNodes> {
  const { ids, onScreen, hubThreshold } = parseOptions(openNodesOptionsSchema, options);
  const rows = await readQuery<{ node: NodeRow }>(nodesCypher, splitNodeIds(ids));
  const nodes = rows.map((row) => toGraphNode(row.node, hubThreshold));
  const found = new Set(nodes.map((node) => node.id));
  const edges = await findConnectingEdges({ added: [...found], onScreen });
  return { nodes, edges, missing: ids.filter((id) => !found.has(id)) };
}
