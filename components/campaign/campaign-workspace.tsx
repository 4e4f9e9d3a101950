"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useApiData } from "@/components/api/use-api-data";
import { GraphCanvas } from "@/components/graph/graph-canvas";
import { layoutForSize, type LayoutRequest } from "@/components/graph/layouts";
import { toElements } from "@/components/graph/to-elements";
import { explorerHrefFor } from "@/components/workspace/view-url";
import type { MapOutline, OpenedGroup } from "@/lib/campaign/campaign-map";
import type { MemberRow } from "@/lib/campaign/campaign-view";
import { plural } from "@/lib/plural";
import { describeGroup, FOLDED_GROUPS_ID, groupModel, groupNodeId, overviewModel, pickedMembers } from "./campaign-graph-model";
import { MembersTable } from "./members-table";

/** Groups listed beside the map; the rest are in the table (and folded on the map). */
const LISTED_GROUPS = 200;

/**
 * The campaign's map and its member table, kept in step: the map shows the
 * sub-groups and the attributes that bind them; opening a group draws its
 * strongest members and their ties, and narrows the table to that group.
 * The outline comes with the page; the table's rows (`rowsHref`) once it is
 * up, and a group's members (`groupsHref` + `&group=<index>`) when it is opened.
 */
export function CampaignWorkspace({
  outline,
  rowsHref,
  groupsHref,
  members,
  campaignId,
}: {
  outline: MapOutline;
  rowsHref: string;
  groupsHref: string;
  members: number;
  campaignId?: string;
}) {
  // A campaign of one sub-group (a card ring) opens on its members: its overview would be one shape to click.
  const [openGroup, setOpenGroup] = useState<number | null>(outline.groups.length === 1 ? 0 : null);
  const rows = useApiData<MemberRow[]>(rowsHref);
  const opened = useApiData<OpenedGroup>(openGroup === null ? null : `${groupsHref}&group=${openGroup}`);
  // The overview stays drawn until the opened group's members have come.
  const shownGroup = opened.status === "loaded" ? opened.data : undefined;
  const shownIndex = shownGroup ? openGroup : null;
  const model = useMemo(() => (shownGroup ? groupModel(shownGroup) : overviewModel(outline)), [outline, shownGroup]);
  const elements = useMemo(() => toElements(model), [model]);
  const layoutRequest = useMemo<LayoutRequest>(
    () => ({ key: shownIndex ?? "overview", name: layoutForSize(model.nodes.length, model.edges.length) }),
    [shownIndex, model],
  );
  const groupByNode = useMemo(() => new Map(outline.groups.map((group, index) => [groupNodeId(group), index])), [outline]);
  // What is selected on the map, and in which drawing: nodes taken off the canvas with their drawing report no unselect.
  const [mapSelection, setMapSelection] = useState<{ drawing: number | null; ids: string[] }>({ drawing: null, ids: [] });
  const picked = useMemo(
    () => pickedMembers(model, mapSelection.drawing === shownIndex ? mapSelection.ids : []),
    [model, mapSelection, shownIndex],
  );
  const shownRows = useMemo(() => {
    if (rows.status !== "loaded") return [];
    // Members picked on the map narrow the table to them; otherwise the opened group does.
    if (picked.size > 0) return rows.data.filter((row) => picked.has(row.id));
    if (!shownGroup) return rows.data;
    const inGroup = new Set(shownGroup.members);
    return rows.data.filter((row) => inGroup.has(row.id));
  }, [rows, shownGroup, picked]);
  const group = openGroup === null ? undefined : outline.groups[openGroup];
  const router = useRouter();
  // Drill-down: a group opens here; an account or attribute opens in the explorer, with what it links to.
  const openNode = (id: string) => {
    const index = groupByNode.get(id);
    if (index !== undefined) setOpenGroup(index);
    else if (id !== FOLDED_GROUPS_ID) router.push(explorerHrefFor(id));
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2 lg:flex-row">
        <div className="relative h-[420px] flex-1 rounded border border-slate-200 bg-white">
          <GraphCanvas
            elements={elements}
            layoutRequest={layoutRequest}
            onOpenNode={openNode}
            onSelectionChange={(ids) => setMapSelection({ drawing: shownIndex, ids })}
            label="Campaign map"
            className="absolute inset-0"
          />
        </div>
        <nav aria-label="Sub-groups" className="flex max-h-[420px] w-full flex-col gap-1 overflow-auto text-sm lg:w-80">
          {group ? (
            <>
              <p className="font-semibold">
                Group {group.id}: {describeGroup(group, outline)}
              </p>
              <p role="status" className={`text-xs ${opened.status === "error" ? "text-red-600" : "text-slate-500"}`}>
                {opened.status === "loaded"
                  ? `Drawn: its ${Math.min(group.size, opened.data.sample.length).toLocaleString("en")} strongest members and their ties; the table lists all ${group.size.toLocaleString("en")}.`
                  : opened.status === "error"
                    ? `The group could not be opened: ${opened.message}`
                    : `Opening the group's ${group.size.toLocaleString("en")} members…`}
              </p>
              <p className="text-xs text-slate-500">Double-click a member or a tie to open it in the explorer.</p>
              <button type="button" className="self-start rounded border border-slate-300 px-2 py-1" onClick={() => setOpenGroup(null)}>
                Back to all groups
              </button>
            </>
          ) : (
            <>
              <p className="font-semibold">
                {plural(outline.groups.length, "sub-group")}, bound by {plural(outline.bindings.length, "shared attribute")}
              </p>
              <p className="text-xs text-slate-500">
                Open a group (here or by double-clicking it) to see its members; double-click an attribute to open it in the explorer.
              </p>
              <ul className="flex flex-col gap-1">
                {outline.groups.slice(0, LISTED_GROUPS).map((entry, index) => (
                  <li key={entry.id}>
                    <button type="button" className="w-full truncate rounded px-1 text-left hover:bg-slate-100" onClick={() => setOpenGroup(index)}>
                      Open {entry.id} · {describeGroup(entry, outline)}
                    </button>
                  </li>
                ))}
              </ul>
              {outline.groups.length > LISTED_GROUPS ? (
                <p className="text-xs text-slate-500">and {(outline.groups.length - LISTED_GROUPS).toLocaleString("en")} smaller groups (see the table)</p>
              ) : null}
            </>
          )}
        </nav>
      </div>
      {picked.size > 0 ? (
        <p role="status" className="text-sm text-slate-700">
          The table shows the {plural(picked.size, "member")} picked on the map; click the map&apos;s background to show all.
        </p>
      ) : null}
      {rows.status === "loaded" ? (
        <MembersTable key={shownIndex ?? "all"} rows={shownRows} campaignId={campaignId} />
      ) : (
        <p role="status" className={`text-sm ${rows.status === "error" ? "text-red-600" : "text-slate-500"}`}>
          {rows.status === "error" ? `The member list could not be loaded: ${rows.message}` : `Loading the ${members.toLocaleString("en")} members…`}
        </p>
      )}
    </div>
  );
}
