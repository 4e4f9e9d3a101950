"use client";

import { useMemo, useState } from "react";
import { visibleMembers, windowOf, type MemberRow, type MemberSort } from "./member-rows";

const ROW_HEIGHT = 32;
const VIEWPORT_HEIGHT = 480;
const labels = ["fraud", "benign", "unknown"] as const;

type LabelState = { status: "idle" } | { status: "saving" } | { status: "done"; text: string } | { status: "error"; text: string };

/**
 * Every member of a campaign: filter, sort, select and label in bulk. Only
 * the rows in view are rendered, so 24k members scroll without lag.
 */
export function MembersTable({ rows }: { rows: MemberRow[] }) {
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<MemberSort>("score");
  const [scrollTop, setScrollTop] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [labelState, setLabelState] = useState<LabelState>({ status: "idle" });
  const shown = useMemo(() => visibleMembers(rows, filter, sort), [rows, filter, sort]);
  const { first, last } = windowOf(scrollTop, VIEWPORT_HEIGHT, ROW_HEIGHT, shown.length);

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  async function applyLabel(label: (typeof labels)[number]) {
    setLabelState({ status: "saving" });
    const response = await fetch("/api/labels", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ target: "accounts", ids: [...selected], label }),
    });
    const body = (await response.json()) as { changed?: number; error?: { message: string } };
    setLabelState(response.ok ? { status: "done", text: `Labelled ${body.changed ?? 0} accounts as ${label}.` } : { status: "error", text: body.error?.message ?? "Labelling failed." });
  }

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <input
          aria-label="Filter members"
          placeholder="Filter by account or tie…"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          className="rounded border border-slate-300 px-2 py-1"
        />
        <label className="flex items-center gap-1">
          Sort
          <select aria-label="Sort members" value={sort} onChange={(event) => setSort(event.target.value as MemberSort)} className="rounded border border-slate-300 px-1 py-1">
            <option value="score">confidence</option>
            <option value="ties">ties</option>
            <option value="account">account</option>
          </select>
        </label>
        <button type="button" className="rounded border border-slate-300 px-2 py-1" onClick={() => setSelected(new Set(shown.map((row) => row.id)))}>
          Select all {shown.length.toLocaleString("en")} shown
        </button>
        <span aria-live="polite">{selected.size.toLocaleString("en")} selected</span>
        {labels.map((label) => (
          <button
            key={label}
            type="button"
            disabled={selected.size === 0 || labelState.status === "saving"}
            onClick={() => void applyLabel(label)}
            className="rounded bg-slate-800 px-2 py-1 text-white disabled:opacity-40"
          >
            Label {label}
          </button>
        ))}
        {labelState.status === "done" || labelState.status === "error" ? (
          <span role="status" className={labelState.status === "error" ? "text-red-600" : "text-emerald-700"}>
            {labelState.text}
          </span>
        ) : null}
      </div>
      <p className="text-xs text-slate-500">
        {shown.length.toLocaleString("en")} of {rows.length.toLocaleString("en")} members
      </p>
      <div
        role="table"
        aria-label="Campaign members"
        aria-rowcount={shown.length}
        className="overflow-auto rounded border border-slate-200 bg-white text-sm"
        style={{ height: VIEWPORT_HEIGHT }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div style={{ height: shown.length * ROW_HEIGHT, position: "relative" }}>
          {shown.slice(first, last).map((row, offset) => (
            <div
              key={row.id}
              role="row"
              aria-rowindex={first + offset + 1}
              className="absolute flex w-full items-center gap-3 border-b border-slate-100 px-2"
              style={{ top: (first + offset) * ROW_HEIGHT, height: ROW_HEIGHT }}
            >
              <input type="checkbox" aria-label={`Select ${row.id}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
              <span role="cell" className="w-40 shrink-0 font-mono">
                {row.id}
                {row.manual ? " (added)" : ""}
              </span>
              <span role="cell" className="w-14 shrink-0 tabular-nums">
                {row.score.toFixed(2)}
              </span>
              <span role="cell" className="truncate text-slate-600">
                {row.summary}
              </span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
