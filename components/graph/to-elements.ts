import { isNodeKind, type EdgeElement, type GraphElement, type GraphModel, type GraphNode, type NodeElement } from "./graph-model";

/**
 * Turns a domain graph into canvas elements: nodes first, then edges.
 * Invariants the canvas relies on (Cytoscape throws otherwise): ids are unique
 * (the first node or edge with an id wins) and every edge joins two nodes of
 * the model (edges to unknown nodes are dropped). Optional fields are omitted,
 * never undefined, so element data compares cleanly in diffElements().
 */
export function toElements(graph: GraphModel): GraphElement[] {
  const nodes = new Map<string, NodeElement>();
  for (const node of graph.nodes) {
    if (!nodes.has(node.id)) nodes.set(node.id, toNodeElement(node));
  }
  const edges = new Map<string, EdgeElement>();
  for (const edge of graph.edges) {
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) continue;
    const id = edge.id ?? `${edge.source}|${edge.kind}|${edge.target}`;
    if (edges.has(id) || nodes.has(id)) continue;
    edges.set(id, { group: "edges", data: { id, source: edge.source, target: edge.target, kind: edge.kind } });
  }
  return [...nodes.values(), ...edges.values()];
}

function toNodeElement(node: GraphNode): NodeElement {
  const kind = isNodeKind(node.kind) ? node.kind : "other";
  return {
    group: "nodes",
    data: {
      id: node.id,
      label: node.label,
      kind,
      ...(kind === node.kind ? {} : { attributeKind: node.kind }),
      ...(node.status === undefined ? {} : { status: node.status }),
      ...(node.accountCount === undefined ? {} : { accountCount: node.accountCount }),
    },
  };
}
