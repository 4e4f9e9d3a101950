import { isNodeKind, type GraphEdge, type GraphModel, type GraphNode, type NodeKind } from "@/components/graph/graph-model";
import type { ExplorerState, Filters } from "./explorer-state";
import { edgeId, type ExplorerView, type ViewGroup } from "./explorer-view";
import type { GraphPanelState } from "./graph-panel-state";

/**
 * What the canvas draws for a view: the nodes the filters let through,
 * closed groups folded into one node each (their members' links re-pointed
 * to it), open groups as boxes around their members, the path highlighted.
 * Pure, so the rules are unit-tested without a browser.
 */
export function drawView(view: ExplorerView, filters: Filters): GraphModel {
  const hidden = new Set(view.hidden);
  const visible = view.nodes.filter((node) => isShown(node, hidden, filters));
  const visibleIds = new Set(visible.map((node) => node.id));
  const folded = new Map<string, string>();
  for (const group of view.groups) {
    if (!group.isOpen) for (const member of group.members) folded.set(member, group.id);
  }
  // A group whose members are all filtered out is not drawn either.
  const groupNodes = view.groups.filter((group) => group.members.some((id) => visibleIds.has(id))).map(toGroupNode);
  const parentOf = new Map(view.groups.filter((group) => group.isOpen).flatMap((group) => group.members.map((id) => [id, group.id] as const)));
  const onPath = new Set(view.path);
  const nodes = [
    ...groupNodes,
    ...visible
      .filter((node) => !folded.has(node.id))
      .map((node) => withFlags(node, { parent: parentOf.get(node.id), isOnPath: onPath.has(node.id) })),
  ];
  return { nodes, edges: foldEdges(view.edges, folded, pathEdgeIds(view.path)) };
}

export function kindOf(node: GraphNode): NodeKind {
  return isNodeKind(node.kind) ? node.kind : "other";
}

function isShown(node: GraphNode, hidden: ReadonlySet<string>, filters: Filters): boolean {
  if (hidden.has(node.id)) return false;
  if (filters.hiddenKinds.includes(kindOf(node))) return false;
  if (node.status && filters.hiddenStatuses.includes(node.status)) return false;
  if (filters.window && node.time && (node.time < filters.window.from || node.time > filters.window.to)) return false;
  return true;
}

function toGroupNode(group: ViewGroup): GraphNode {
  return { id: group.id, kind: "group", label: group.label, memberCount: group.members.length };
}

function withFlags(node: GraphNode, flags: { parent: string | undefined; isOnPath: boolean }): GraphNode {
  return { ...node, ...(flags.parent ? { parent: flags.parent } : {}), ...(flags.isOnPath ? { isOnPath: true } : {}) };
}

/** Links of folded members end at their group instead; the copies this makes collapse into one link. */
function foldEdges(edges: readonly GraphEdge[], folded: ReadonlyMap<string, string>, onPath: ReadonlySet<string>): GraphEdge[] {
  const result = new Map<string, GraphEdge>();
  for (const edge of edges) {
    const source = folded.get(edge.source) ?? edge.source;
    const target = folded.get(edge.target) ?? edge.target;
    if (source === target) continue;
    const drawn: GraphEdge = { source, target, kind: edge.kind, ...(onPath.has(edgeId(edge)) ? { isOnPath: true } : {}) };
    result.set(edgeId(drawn), drawn);
  }
  return [...result.values()];
}

/** USES links run account → attribute; a path visits them in either direction. */
function pathEdgeIds(path: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (let index = 1; index < path.length; index++) {
    const [a, b] = [path[index - 1] ?? "", path[index] ?? ""];
    const [account, attribute] = a.startsWith("account:") ? [a, b] : [b, a];
    ids.add(edgeId({ source: account, target: attribute, kind: "USES" }));
  }
  return ids;
}

/** The panel's named state: what the canvas area says over the drawing. */
export function toPanelState(state: ExplorerState, graph: GraphModel): GraphPanelState {
  const { activity, view, settings, layoutKey } = state;
  if (activity.status === "error") return { status: "error", message: activity.message };
  if (view.nodes.length === 0) return activity.status === "loading" ? { status: "loading", query: activity.what } : { status: "empty" };
  const isCut = Object.values(view.seeds).some((seed) => seed.remaining > 0);
  return isCut ? { status: "truncated", graph, layoutKey, limit: settings.cap } : { status: "ready", graph, layoutKey };
}
