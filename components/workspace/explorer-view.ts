import type { GraphEdge, GraphNode } from "@/components/graph/graph-model";

/**
 * What the investigator has built on the canvas, as plain data: the nodes
 * and links fetched so far, and the steps that fetched them (the recipe a
 * link in the URL replays). Undo and redo swap whole views.
 */

/** One thing the investigator did that changed what is fetched, in order. */
export type ViewStep =
  | { type: "open"; ids: string[] }
  | { type: "expand"; ids: string[]; cap: number; includeHubs: boolean }
  | { type: "remove"; ids: string[] };

/** A set of accounts drawn as one node, or opened as a box around them. */
export interface ViewGroup {
  /** "group:<attribute key>". */
  id: string;
  /** The attribute the members share, drawn as "IP 100.64.3.7 — 37 accounts". */
  label: string;
  members: string[];
  isOpen: boolean;
}

/** What the last expansion of a node left behind: whether "show more" or "open hub" has anything to do. */
export interface SeedState {
  remaining: number;
  isHubGuarded: boolean;
}

export interface ExplorerView {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  steps: readonly ViewStep[];
  hidden: readonly string[];
  pinned: readonly string[];
  groups: readonly ViewGroup[];
  /** Node ids of the highlighted path, in order; empty when none. */
  path: readonly string[];
  seeds: Readonly<Record<string, SeedState>>;
}

export const emptyView: ExplorerView = { nodes: [], edges: [], steps: [], hidden: [], pinned: [], groups: [], path: [], seeds: {} };

export function edgeId(edge: GraphEdge): string {
  return edge.id ?? `${edge.source}|${edge.kind}|${edge.target}`;
}

/** Adds nodes and links; a node fetched again replaces the old copy (its counts may be fresher). */
export function addToView(view: ExplorerView, nodes: readonly GraphNode[], edges: readonly GraphEdge[]): ExplorerView {
  const byId = new Map(view.nodes.map((node) => [node.id, node]));
  for (const node of nodes) byId.set(node.id, node);
  const edgesById = new Map(view.edges.map((edge) => [edgeId(edge), edge]));
  for (const edge of edges) edgesById.set(edgeId(edge), edge);
  return { ...view, nodes: [...byId.values()], edges: [...edgesById.values()] };
}

/** Takes nodes off the canvas with their links; they stay removed on a replay of the view's link. */
export function removeFromView(view: ExplorerView, ids: readonly string[]): ExplorerView {
  const gone = new Set(ids);
  return {
    ...view,
    nodes: view.nodes.filter((node) => !gone.has(node.id)),
    edges: view.edges.filter((edge) => !gone.has(edge.source) && !gone.has(edge.target)),
    hidden: view.hidden.filter((id) => !gone.has(id)),
    pinned: view.pinned.filter((id) => !gone.has(id)),
    path: view.path.some((id) => gone.has(id)) ? [] : view.path,
    groups: view.groups
      .map((group) => ({ ...group, members: group.members.filter((id) => !gone.has(id)) }))
      .filter((group) => group.members.length > 0),
  };
}

export function toggleIds(list: readonly string[], ids: readonly string[]): string[] {
  const allIn = ids.every((id) => list.includes(id));
  return allIn ? list.filter((id) => !ids.includes(id)) : [...new Set([...list, ...ids])];
}
