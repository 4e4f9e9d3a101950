"use client";

import Link from "next/link";
import { useMemo } from "react";
import { GraphCanvas, type GraphCanvasProps } from "@/components/graph/graph-canvas";
import type { GraphElement } from "@/components/graph/graph-model";
import { layoutForSize, type LayoutRequest } from "@/components/graph/layouts";
import { toElements } from "@/components/graph/to-elements";
import { plural } from "@/lib/plural";
import type { GraphPanelState } from "./graph-panel-state";

const noElements: GraphElement[] = [];

type CanvasPassThrough = Pick<GraphCanvasProps, "selectedIds" | "onSelectionChange" | "pinnedIds" | "fitKey" | "onOpenNode" | "isWebgl">;

export function GraphPanel({ state, ...canvas }: { state: GraphPanelState } & CanvasPassThrough) {
  const graph = state.status === "ready" || state.status === "truncated" ? state.graph : null;
  const elements = useMemo(() => (graph ? toElements(graph) : noElements), [graph]);
  const layoutKey = state.status === "ready" || state.status === "truncated" ? state.layoutKey : undefined;
  const layoutName = layoutForSize(graph?.nodes.length ?? 0, graph?.edges.length ?? 0);
  const layoutRequest = useMemo<LayoutRequest | undefined>(
    () => (layoutKey === undefined ? undefined : { key: layoutKey, name: layoutName }),
    [layoutKey, layoutName],
  );

  return (
    <section
      aria-label="Graph"
      className="relative min-h-0 flex-1 overflow-hidden rounded-md border border-slate-200 bg-white bg-[radial-gradient(#e2e8f0_1px,transparent_1px)] bg-size-[16px_16px]"
    >
      <GraphCanvas elements={elements} layoutRequest={layoutRequest} className="absolute inset-0" {...canvas} />
      <PanelOverlay state={state} />
    </section>
  );
}

/** What the panel says over the canvas in each state. Never blocks the canvas's pointer events. */
function PanelOverlay({ state }: { state: GraphPanelState }) {
  switch (state.status) {
    case "empty":
      return (
        <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center gap-1 p-6 text-center">
          <p className="text-sm font-medium text-slate-700">Search for an account to start</p>
          <p className="max-w-sm text-xs text-slate-500">
            The account, the attributes it uses and the other accounts that share them will appear here.
          </p>
          <p className="text-xs text-slate-500">
            No account in mind?{" "}
            <Link href="/campaigns" prefetch={false} className="pointer-events-auto text-sky-700 underline">
              Start from the campaign worklist
            </Link>
            , the campaigns in the graph ranked by risk.
          </p>
        </div>
      );
    case "loading":
      return (
        <p role="status" className="pointer-events-none absolute top-3 left-3 rounded bg-slate-900/80 px-2 py-1 text-xs text-white">
          Loading the network for “{state.query}”…
        </p>
      );
    case "ready":
      return <GraphCounts graph={state.graph} />;
    case "truncated":
      return (
        <>
          <p
            role="status"
            className="pointer-events-none absolute inset-x-3 top-3 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-xs text-amber-900"
          >
            Showing part of the network: expansions stop at {state.limit.toLocaleString("en")} neighbours per node. Select a node
            and use “Show more” to page on.
          </p>
          <GraphCounts graph={state.graph} />
        </>
      );
    case "error":
      return (
        <div className="absolute inset-0 flex items-center justify-center p-6">
          <p role="alert" className="max-w-md rounded border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900">
            {state.message}
          </p>
        </div>
      );
  }
}

function GraphCounts({ graph }: { graph: { nodes: readonly unknown[]; edges: readonly unknown[] } }) {
  return (
    <p className="pointer-events-none absolute bottom-3 left-3 rounded bg-white/90 px-2 py-1 text-xs text-slate-600 tabular-nums shadow-sm">
      {plural(graph.nodes.length, "node")} · {plural(graph.edges.length, "link")}
    </p>
  );
}
