"use client";

import { useMemo, useRef, useState, type PointerEvent } from "react";
import type { GraphNode } from "@/components/graph/graph-model";
import type { SessionDay } from "@/lib/graph/session-histogram";
import type { Filters } from "./explorer-state";
import { buildHistogram, fractionOf, instantAt, type Histogram } from "./time-histogram";
import { explorerApi } from "./explorer-api";
import { useIdsQuery } from "./use-ids-query";

const bucketCount = 48;
const noDays: SessionDay[] = [];

/**
 * Under the canvas: sign-ups and sessions of the accounts on screen over
 * time. Dragging across it (or typing the dates) sets a window; nodes whose
 * time (an account's sign-up, an attribute's first use) falls outside it are
 * not drawn.
 */
export function TimeBar({
  nodes,
  window,
  onWindowChange,
}: {
  nodes: readonly GraphNode[];
  window: Filters["window"];
  onWindowChange: (window: Filters["window"]) => void;
}) {
  const accountIds = useMemo(() => nodes.filter((node) => node.kind === "account").map((node) => node.id), [nodes]);
  const sessionDays = useIdsQuery(accountIds, explorerApi.sessionDays) ?? noDays;
  const histogram = useMemo(
    () =>
      buildHistogram(
        [
          ...nodes.flatMap((node) => (node.kind === "account" && node.time ? [{ time: node.time, series: "signups" as const }] : [])),
          ...sessionDays.map((day) => ({ time: `${day.day}T12:00:00Z`, series: "sessions" as const, count: day.sessions })),
        ],
        bucketCount,
      ),
    [nodes, sessionDays],
  );
  return (
    <section aria-label="Time bar" className="flex flex-col gap-1 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-600">
      {histogram ? <Brushable histogram={histogram} window={window} onWindowChange={onWindowChange} /> : <p>Nothing on screen has a date yet.</p>}
      <WindowInputs window={window} onWindowChange={onWindowChange} />
    </section>
  );
}

function Brushable({ histogram, window, onWindowChange }: { histogram: Histogram; window: Filters["window"]; onWindowChange: (window: Filters["window"]) => void }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const highest = Math.max(1, ...histogram.buckets.map((bucket) => bucket.signups + bucket.sessions));
  const barWidth = 100 / histogram.buckets.length;

  const fractionAt = (event: PointerEvent<SVGSVGElement>) => {
    const box = svgRef.current?.getBoundingClientRect();
    return box && box.width > 0 ? (event.clientX - box.left) / box.width : 0;
  };
  const shown = drag ?? (window ? { from: fractionOf(histogram, window.from), to: fractionOf(histogram, window.to) } : null);

  return (
    <svg
      ref={svgRef}
      role="slider"
      aria-label="Time window: drag across the bars to show only that period"
      aria-valuetext={window ? `${window.from.slice(0, 10)} to ${window.to.slice(0, 10)}` : "all time"}
      aria-valuenow={window ? fractionOf(histogram, window.from) : 0}
      tabIndex={-1}
      viewBox="0 0 100 30"
      preserveAspectRatio="none"
      className="h-12 w-full cursor-crosshair touch-none select-none"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const at = fractionAt(event);
        setDrag({ from: at, to: at });
      }}
      onPointerMove={(event) => {
        if (drag) setDrag({ ...drag, to: fractionAt(event) });
      }}
      onPointerUp={() => {
        if (!drag) return;
        const [from, to] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
        setDrag(null);
        // A click without a drag clears the window.
        onWindowChange(to - from < 0.005 ? null : { from: instantAt(histogram, from), to: instantAt(histogram, to) });
      }}
    >
      {histogram.buckets.map((bucket, index) => {
        const signups = (bucket.signups / highest) * 28;
        const sessions = (bucket.sessions / highest) * 28;
        return (
          <g key={index}>
            <rect x={index * barWidth + 0.1} width={barWidth - 0.2} y={30 - signups} height={signups} fill="#2563eb" />
            <rect x={index * barWidth + 0.1} width={barWidth - 0.2} y={30 - signups - sessions} height={sessions} fill="#0d9488" />
          </g>
        );
      })}
      {shown ? (
        <rect
          x={Math.min(shown.from, shown.to) * 100}
          width={Math.abs(shown.to - shown.from) * 100}
          y="0"
          height="30"
          fill="#f97316"
          fillOpacity="0.15"
          stroke="#f97316"
          strokeWidth="0.3"
        />
      ) : null}
    </svg>
  );
}

function WindowInputs({ window, onWindowChange }: { window: Filters["window"]; onWindowChange: (window: Filters["window"]) => void }) {
  const setEnd = (end: "from" | "to", day: string) => {
    if (!day) return;
    const instant = end === "from" ? `${day}T00:00:00.000Z` : `${day}T23:59:59.999Z`;
    const current = window ?? { from: "0000-01-01T00:00:00.000Z", to: "9999-12-31T23:59:59.999Z" };
    onWindowChange({ ...current, [end]: instant });
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="flex items-center gap-1">
        <span aria-hidden="true" className="inline-block size-2 rounded-sm bg-blue-600" /> sign-ups
      </span>
      <span className="flex items-center gap-1">
        <span aria-hidden="true" className="inline-block size-2 rounded-sm bg-teal-600" /> sessions
      </span>
      <label className="ml-auto flex items-center gap-1">
        From
        <input type="date" value={window?.from.slice(0, 10) ?? ""} onChange={(event) => setEnd("from", event.target.value)} className="rounded border border-slate-300 px-1" />
      </label>
      <label className="flex items-center gap-1">
        To
        <input type="date" value={window?.to.slice(0, 10) ?? ""} onChange={(event) => setEnd("to", event.target.value)} className="rounded border border-slate-300 px-1" />
      </label>
      <button type="button" disabled={!window} onClick={() => onWindowChange(null)} className="rounded border border-slate-300 px-2 disabled:opacity-40">
        All time
      </button>
      <span role="status" className="tabular-nums">
        {window ? `Showing ${window.from.slice(0, 10)} – ${window.to.slice(0, 10)}` : "Showing all time"}
      </span>
    </div>
  );
}
