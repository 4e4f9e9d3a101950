"use client";

import { useMemo, useState } from "react";
import { GraphCanvas } from "@/components/graph/graph-canvas";
import { layoutForSize, type LayoutRequest } from "@/components/graph/layouts";
import { toElements } from "@/components/graph/to-elements";
import type { CampaignMap } from "@/lib/campaign/campaign-map";
import { describeGroup, groupModel, groupNodeId, overviewModel } from "./campaign-graph-model";
import { MembersTable } from "./members-table";
import { useMemberRows } from "./use-member-rows";

/** Groups listed beside the map; the rest are in the table (and folded on the map). */
const LISTED_GROUPS = 200;

/**
 * The campaign's map and its member table, kept in step: the map shows the
 * sub-groups and the attributes that bind them; opening a group draws its
 * strongest members and their ties, and narrows the table to that group.
 * The map comes with the page; the table's rows from `rowsHref` once it is up.
 */
export function CampaignWorkspace({ map, rowsHref, members, campaignId }: { map: CampaignMap; rowsHref: string; members: number; campaignId?: string }) {
  const [openGroup, setOpenGroup] = useState<number | null>(null);
  const model = useMemo(() => (openGroup === null ? overviewModel(map) : groupModel(map, openGroup)), [map, openGroup]);
  const elements = useMemo(() => toElements(model), [model]);
  const layoutRequest = useMemo<LayoutRequest>(
    () => ({ key: openGroup ?? "overview", name: layoutForSize(model.nodes.length, model.edges.length) }),
    [openGroup, model],
  );
  const groupByNode = useMemo(() => new Map(map.groups.map((group, index) => [groupNodeId(group), index])), [map]);
  const rows = useMemberRows(rowsHref);
  const shownRows = useMemo(() => {
    if (rows.status !== "loaded") return [];
    if (openGroup === null) return rows.rows;
    const inGroup = new Set(map.groups[openGroup]?.members);
    return rows.rows.filter((row) => inGroup.has(row.id));
  }, [rows, map, openGroup]);
  const group = openGroup === null ? undefined : map.groups[openGroup];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2 lg:flex-row">
        <div className="relative h-[420px] flex-1 rounded border border-slate-200 bg-white">
          <GraphCanvas
            elements={elements}
            layoutRequest={layoutRequest}
            onOpenNode={(id) => {
              const index = groupByNode.get(id);
              if (index !== undefined) setOpenGroup(index);
            }}
            label="Campaign map"
            className="absolute inset-0"
          />
        </div>
        <nav aria-label="Sub-groups" className="flex max-h-[420px] w-full flex-col gap-1 overflow-auto text-sm lg:w-80">
          {group ? (
            <>
              <p className="font-semibold">
                Group {group.id}: {describeGroup(group, map)}
              </p>
              <p className="text-xs text-slate-500">
                Drawn: its {Math.min(group.members.length, map.samples[openGroup!]?.length ?? 0).toLocaleString("en")} strongest members and their ties; the
                table lists all {group.members.length.toLocaleString("en")}.
              </p>
              <button type="button" className="self-start rounded border border-slate-300 px-2 py-1" onClick={() => setOpenGroup(null)}>
                Back to all groups
              </button>
            </>
          ) : (
            <>
              <p className="font-semibold">
                {plural(map.groups.length, "sub-group")}, bound by {plural(map.bindings.length, "shared attribute")}
              </p>
              <p className="text-xs text-slate-500">Open a group (here or by double-clicking it) to see its members.</p>
              <ul className="flex flex-col gap-1">
                {map.groups.slice(0, LISTED_GROUPS).map((entry, index) => (
                  <li key={entry.id}>
                    <button type="button" className="w-full truncate rounded px-1 text-left hover:bg-slate-100" onClick={() => setOpenGroup(index)}>
                      Open {entry.id} · {describeGroup(entry, map)}
                    </button>
                  </li>
                ))}
              </ul>
              {map.groups.length > LISTED_GROUPS ? (
                <p className="text-xs text-slate-500">and {(map.groups.length - LISTED_GROUPS).toLocaleString("en")} smaller groups (see the table)</p>
              ) : null}
            </>
          )}
        </nav>
      </div>
      {rows.status === "loaded" ? (
        <MembersTable key={openGroup ?? "all"} rows={shownRows} campaignId={campaignId} />
      ) : (
        <p role="status" className={`text-sm ${rows.status === "error" ? "text-red-600" : "text-slate-500"}`}>
          {rows.status === "error" ? `The member list could not be loaded: ${rows.message}` : `Loading the ${members.toLocaleString("en")} members…`}
        </p>
      )}
    </div>
  );
}

function plural(count: number, noun: string): string {
  return `${count.toLocaleString("en")} ${noun}${count === 1 ? "" : "s"}`;
}
