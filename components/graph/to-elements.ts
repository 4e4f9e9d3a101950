import { nodeKindStyles } from "./stylesheet";
import { isNodeKind, type EdgeElement, type GraphElement, type GraphModel, type GraphNode, type NodeElement, type NodeKind } from "./graph-model";

/**
 * Turns a domain graph into canvas elements: nodes first, then edges.
 * Invariants the canvas relies on (Cytoscape throws otherwise): ids are unique
 * (the first node or edge with an id wins) and every edge joins two nodes of
 * the model (edges to unknown nodes are dropped). Optional fields are omitted,
 * never undefined, so element data compares cleanly in diffElements().
 */
export function toElements(graph: GraphModel): GraphElement[] {
  const ids = new Set(graph.nodes.map((node) => node.id));
  const nodes = new Map<string, NodeElement>();
  for (const node of graph.nodes) {
    if (!nodes.has(node.id)) nodes.set(node.id, toNodeElement(node, (id) => ids.has(id)));
  }
  const edges = new Map<string, EdgeElement>();
  for (const edge of graph.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    const id = edge.id ?? `${edge.source}|${edge.kind}|${edge.target}`;
    if (edges.has(id) || nodes.has(id)) continue;
    edges.set(id, {
      group: "edges",
      data: { id, source: edge.source, target: edge.target, kind: edge.kind, ...(edge.isOnPath ? { isOnPath: true } : {}) },
    });
  }
  return [...nodes.values(), ...edges.values()];
}

function toNodeElement(node: GraphNode, hasNode: (id: string) => boolean): NodeElement {
  const kind = isNodeKind(node.kind) ? node.kind : "other";
  return {
    group: "nodes",
    data: {
      id: node.id,
      label: node.isHub ? hubLabel(node, kind) : node.label,
      kind,
      ...(kind === node.kind ? {} : { attributeKind: node.kind }),
      ...(node.status === undefined ? {} : { status: node.status }),
      ...(node.accountCount === undefined ? {} : { accountCount: node.accountCount }),
      ...(node.isHub ? { isHub: true } : {}),
      ...(node.memberCount === undefined ? {} : { memberCount: node.memberCount }),
      // A parent that is not drawn would make Cytoscape throw.
      ...(node.parent !== undefined && hasNode(node.parent) ? { parent: node.parent } : {}),
      ...(node.isOnPath ? { isOnPath: true } : {}),
    },
  };
}

/** A hub is drawn as a badge that says what it is and how many accounts hide behind it: "IP 100.64.3.7 — 4,812 accounts". */
export function hubLabel(node: GraphNode, kind: NodeKind): string {
  const name = kind === "other" ? node.kind : nodeKindStyles[kind].shortName;
  return `${name} ${node.label} — ${(node.accountCount ?? 0).toLocaleString("en")} accounts`;
}
