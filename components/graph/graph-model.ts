/**
 * The plain data the canvas draws. lib/graph use-cases map their query rows to
 * a GraphModel; toElements() turns it into canvas elements. Nothing here knows
 * about Neo4j or Cytoscape.
 */

/**
 * Kinds the canvas draws distinctly. Any other attribute kind (an `attr_*` column) is drawn as "other";
 * "group" is a set of accounts drawn as one node (or, opened, as the compound box around them).
 */
export const nodeKinds = ["account", "ip", "device", "card", "phone", "email", "email_domain", "prompt", "other", "group"] as const;
export type NodeKind = (typeof nodeKinds)[number];

/** Enforcement already taken on an account (see the input format). */
export const accountStatuses = ["active", "suspended", "banned"] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export interface GraphNode {
  /** A business key, unique in the model: "account:<account_id>" or the attribute key "<kind>:<value>". */
  id: string;
  /** "account", a built-in attribute kind, or any other attribute kind. */
  kind: string;
  label: string;
  /** Accounts only. */
  status?: AccountStatus;
  /** Attributes only: how many accounts share this value. */
  accountCount?: number;
  /** Attributes only: used by more accounts than the hub threshold, so drawn as a badge and never expanded unasked. */
  isHub?: boolean;
  /** ISO instant the time bar places the node at: an account's sign-up, an attribute's first use. */
  time?: string;
  /** Groups only: how many accounts the group stands for. */
  memberCount?: number;
  /** The open group (compound node) this node is drawn inside. */
  parent?: string;
  /** Part of the highlighted path. */
  isOnPath?: boolean;
}

export interface GraphEdge {
  source: string;
  target: string;
  /** The relationship, for example "HAS_ATTRIBUTE". */
  kind: string;
  /** Defaults to "<source>|<kind>|<target>", which is unique for a simple graph. */
  id?: string;
  /** Part of the highlighted path. */
  isOnPath?: boolean;
}

export interface GraphModel {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
}

// Element shapes the canvas accepts. Type aliases (not interfaces) so they are
// assignable to Cytoscape's index-signature element definitions.
export type NodeElementData = {
  id: string;
  label: string;
  kind: NodeKind;
  /** The domain kind when it differs from `kind` (an attribute drawn as "other"). */
  attributeKind?: string;
  status?: AccountStatus;
  accountCount?: number;
  isHub?: boolean;
  memberCount?: number;
  parent?: string;
  isOnPath?: boolean;
};

export type EdgeElementData = {
  id: string;
  source: string;
  target: string;
  kind: string;
  isOnPath?: boolean;
};

export type NodeElement = { group: "nodes"; data: NodeElementData };
export type EdgeElement = { group: "edges"; data: EdgeElementData };
export type GraphElement = NodeElement | EdgeElement;

export function isAccountStatus(status: unknown): status is AccountStatus {
  return (accountStatuses as readonly unknown[]).includes(status);
}

export function isNodeKind(kind: string): kind is NodeKind {
  return (nodeKinds as readonly string[]).includes(kind);
}
