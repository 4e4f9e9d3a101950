import { isAccountStatus, type GraphEdge, type GraphNode } from "@/components/graph/graph-model";
import { accountNodeId } from "./node-id";

/**
 * Cypher that projects an :Account or :Attribute node bound to `n` into the
 * row shape `toGraphNode` reads. One projection for every use-case, so a node
 * looks the same whichever query drew it. Constant text: no values inside.
 */
export const nodeProjection = `CASE WHEN n:Account
  THEN {type: 'account', accountId: n.account_id, status: n.status, createdAt: toString(n.created_at)}
  ELSE {type: 'attribute', key: n.key, kind: n.kind, value: n.value, accountCount: n.account_count, firstSeen: toString(n.first_seen)}
END`;

export type NodeRow =
  | { type: "account"; accountId: string; status: string | null; createdAt: string | null }
  | { type: "attribute"; key: string; kind: string; value: string; accountCount: number | null; firstSeen: string | null };

/** The canvas node for a projected row; attributes used by more accounts than `hubThreshold` are marked hubs. */
export function toGraphNode(row: NodeRow, hubThreshold: number): GraphNode {
  if (row.type === "account") {
    return {
      id: accountNodeId(row.accountId),
      kind: "account",
      label: row.accountId,
      ...(isAccountStatus(row.status) ? { status: row.status } : {}),
      ...(row.createdAt ? { time: row.createdAt } : {}),
    };
  }
  const accountCount = row.accountCount ?? 0;
  return {
    id: row.key,
    kind: row.kind,
    label: row.value,
    accountCount,
    ...(accountCount > hubThreshold ? { isHub: true } : {}),
    ...(row.firstSeen ? { time: row.firstSeen } : {}),
  };
}

export function usesEdge(accountId: string, attributeKey: string): GraphEdge {
  return { source: accountNodeId(accountId), target: attributeKey, kind: "USES" };
}
