"use client";

import { useMemo, useState, type ReactNode } from "react";
import { ActionStatus } from "@/components/api/use-api-action";
import { useLabelRequest } from "@/components/labels/use-label-request";
import { explorerHrefFor } from "@/components/workspace/view-url";
import { accountNodeId } from "@/lib/graph/node-id";
import type { MemberRow } from "@/lib/campaign/campaign-view";
import { visibleMembers, windowOf, type MemberSort } from "./member-rows";

const ROW_HEIGHT = 32;
const VIEWPORT_HEIGHT = 480;
const labels = ["fraud", "benign", "unknown"] as const;

/**
 * Every member of a campaign: filter, sort, select and label in bulk, or
 * take them out of the stored campaign (`campaignId`). Only the rows in view
 * are rendered, so 24k members scroll without lag.
 */
export function MembersTable({ rows, campaignId }: { rows: MemberRow[]; campaignId?: string }) {
  const [filter, setFilter] = useState("");
  const [sort, setSort] = useState<MemberSort>("score");
  const [scrollTop, setScrollTop] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const label = useLabelRequest();
  const shown = useMemo(() => visibleMembers(rows, filter, sort), [rows, filter, sort]);
  const { first, last } = windowOf(scrollTop, VIEWPORT_HEIGHT, ROW_HEIGHT, shown.length);

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const ids = () => [...selected];
  const applyLabel = (review: (typeof labels)[number]) =>
    label.send({ target: "accounts", ids: ids(), label: review }, (changed) => `Labelled ${changed} accounts as ${review}.`);
  const removeFromCampaign = (id: string) =>
    label.send({ target: "members", campaignId: id, remove: ids() }, (changed) => `Took ${changed} accounts out of ${id}; re-run to see the campaign without them.`);

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
        <button type="button" className="rounded border border-slate-300 px-2 py-1" onClick={() => setSelected(new Set(shown.map((row) => row.id)))}>
          Select all {shown.length.toLocaleString("en")} shown
        </button>
        <span aria-live="polite">{selected.size.toLocaleString("en")} selected</span>
        {labels.map((review) => (
          <button
            key={review}
            type="button"
            disabled={selected.size === 0 || label.state.status === "running"}
            onClick={() => void applyLabel(review)}
            className="rounded bg-slate-800 px-2 py-1 text-white disabled:opacity-40"
          >
            Label {review}
          </button>
        ))}
        {campaignId ? (
          <button
            type="button"
            disabled={selected.size === 0 || label.state.status === "running"}
            onClick={() => void removeFromCampaign(campaignId)}
            className="rounded border border-red-300 px-2 py-1 text-red-700 disabled:opacity-40"
          >
            Remove from campaign
          </button>
        ) : null}
        <ActionStatus state={label.state} />
      </div>
      <p className="text-xs text-slate-500">
        {shown.length.toLocaleString("en")} of {rows.length.toLocaleString("en")} members
      </p>
      <div role="table" aria-label="Campaign members" aria-rowcount={shown.length + 1} className="rounded border border-slate-200 bg-white text-sm">
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className="flex items-center gap-3 border-b border-slate-200 bg-slate-50 px-2 text-xs text-slate-500" style={{ height: ROW_HEIGHT }}>
            <span className="w-[13px] shrink-0" />
            <SortHeader column="account" sort={sort} onSort={setSort} className="w-40">
              Account
            </SortHeader>
            <SortHeader column="score" sort={sort} onSort={setSort} className="w-20">
              Confidence
            </SortHeader>
            <SortHeader column="ties" sort={sort} onSort={setSort} className="w-10">
              Ties
            </SortHeader>
            <span role="columnheader" className="truncate">
              Strongest ties (members / accounts using it)
            </span>
          </div>
        </div>
        <div role="rowgroup" className="overflow-auto" style={{ height: VIEWPORT_HEIGHT }} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
          <div style={{ height: shown.length * ROW_HEIGHT, position: "relative" }}>
            {shown.slice(first, last).map((row, offset) => (
              <div
                key={row.id}
                role="row"
                aria-rowindex={first + offset + 2}
                className="absolute flex w-full items-center gap-3 border-b border-slate-100 px-2"
                style={{ top: (first + offset) * ROW_HEIGHT, height: ROW_HEIGHT }}
              >
                <input type="checkbox" aria-label={`Select ${row.id}`} checked={selected.has(row.id)} onChange={() => toggle(row.id)} />
                <span role="cell" className="w-40 shrink-0 font-mono">
                  <a href={explorerHrefFor(accountNodeId(row.id))} title="Open in the explorer" className="text-sky-700 hover:underline">
                    {row.id}
                  </a>
                  {row.manual ? " (added)" : ""}
                </span>
                <span role="cell" className="w-20 shrink-0 tabular-nums">
                  {row.score.toFixed(2)}
                </span>
                <span role="cell" className="w-10 shrink-0 tabular-nums">
                  {row.ties}
                </span>
                <span role="cell" className="truncate text-slate-600" title={row.summary}>
                  {row.summary}
                </span>
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

/** Account sorts A to Z; confidence and ties, highest first. */
const sortDirection: Record<MemberSort, "ascending" | "descending"> = { account: "ascending", score: "descending", ties: "descending" };

/** A column header that sorts the table by its column when pressed, and says so (aria-sort) when it does. */
function SortHeader({
  column,
  sort,
  onSort,
  className,
  children,
}: {
  column: MemberSort;
  sort: MemberSort;
  onSort: (sort: MemberSort) => void;
  className: string;
  children: ReactNode;
}) {
  const isActive = column === sort;
  return (
    <span role="columnheader" aria-sort={isActive ? sortDirection[column] : "none"} className={`shrink-0 ${className}`}>
      <button type="button" onClick={() => onSort(column)} className={`hover:text-slate-900 ${isActive ? "font-semibold text-slate-900" : ""}`}>
        {children}
        {isActive ? (sortDirection[column] === "ascending" ? " ↑" : " ↓") : ""}
      </button>
    </span>
  );
}
