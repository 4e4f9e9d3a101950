import { callApi } from "@/components/api/call-api";
import type { Expansion, ExpandOptions } from "@/lib/graph/expand";
import type { AccountGrouping } from "@/lib/graph/group-accounts";
import type { NeighbourCounts } from "@/lib/graph/neighbour-counts";
import type { NodeDetails } from "@/lib/graph/node-details";
import type { OpenedNodes, OpenNodesOptions } from "@/lib/graph/open-nodes";
import type { SearchResult } from "@/lib/graph/search";
import type { SessionDay } from "@/lib/graph/session-histogram";
import type { PathResult } from "@/lib/graph/shortest-path";
import type { ViewLink } from "@/lib/graph/view-link";

/**
 * The browser's side of the explorer's route handlers. Types only come from
 * lib/graph (no server code reaches the bundle).
 */

function post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  return callApi<T>(path, { method: "POST", body: JSON.stringify(body), signal });
}

export const explorerApi = {
  search: (q: string, hubThreshold: number, signal?: AbortSignal) =>
    callApi<SearchResult>(`/api/search?${new URLSearchParams({ q, hubThreshold: String(hubThreshold) }).toString()}`, { signal }),
  open: (options: OpenNodesOptions) => post<OpenedNodes>("/api/graph/open", options),
  expand: (options: ExpandOptions) => post<Expansion>("/api/graph/expand", options),
  group: (options: { ids: string[]; hubThreshold: number }) => post<AccountGrouping>("/api/graph/groups", options),
  neighbourCounts: (ids: readonly string[], signal?: AbortSignal) =>
    callApi<NeighbourCounts[]>(`/api/graph/neighbour-counts?${new URLSearchParams(ids.map((id) => ["id", id])).toString()}`, { signal }),
  sessionDays: (ids: readonly string[], signal?: AbortSignal) => post<SessionDay[]>("/api/graph/session-histogram", { ids }, signal),
  saveView: (state: ViewLink, signal?: AbortSignal) => post<{ id: string }>("/api/views", { state }, signal),
  details: (id: string, signal?: AbortSignal) => callApi<NodeDetails>(`/api/nodes/${encodeURIComponent(id)}`, { signal }),
  path: (options: { from: string; to: string; maxSteps: number; allowHubs: boolean; hubThreshold: number }) =>
    callApi<PathResult>(
      `/api/graph/path?${new URLSearchParams({
        from: options.from,
        to: options.to,
        maxSteps: String(options.maxSteps),
        allowHubs: String(options.allowHubs),
        hubThreshold: String(options.hubThreshold),
      }).toString()}`,
    ),
};

export type ExplorerApi = typeof explorerApi;
