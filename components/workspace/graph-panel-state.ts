import type { GraphModel } from "@/components/graph/graph-model";

/**
 * Every state the graph panel can be in, each rendered on purpose.
 * `layoutKey` belongs to whoever produces a graph: a new key lays the graph
 * out again, the same key keeps what the investigator arranged.
 */
export type GraphPanelState =
  | { status: "empty" }
  | { status: "loading"; query: string }
  | { status: "ready"; graph: GraphModel; layoutKey: number }
  /** The query hit its limit: what is drawn is part of the network, and the user is told so. */
  | { status: "truncated"; graph: GraphModel; layoutKey: number; limit: number }
  | { status: "error"; message: string };
