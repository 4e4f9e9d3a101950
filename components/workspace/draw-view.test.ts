import { describe, expect, it } from "vitest";
import { drawView } from "./draw-view";
import { initialState } from "./explorer-state";
import { emptyView, type ExplorerView } from "./explorer-view";

const filters = initialState.filters;
const view: ExplorerView = {
  ...emptyView,
  nodes: [
    { id: "account:a", kind: "account", label: "a", status: "banned", time: "2026-01-01T00:00:00Z" },
    { id: "account:b", kind: "account", label: "b", status: "active", time: "2026-03-01T00:00:00Z" },
    { id: "ip:1", kind: "ip", label: "1", accountCount: 2 },
  ],
  edges: [
    { source: "account:a", target: "ip:1", kind: "USES" },
    { source: "account:b", target: "ip:1", kind: "USES" },
  ],
};
const ids = (model: { nodes: readonly { id: string }[] }) => model.nodes.map((node) => node.id);

describe("drawView", () => {
  it("leaves out hidden nodes, filtered kinds and statuses, and nodes outside the time window", () => {
    expect(ids(drawView({ ...view, hidden: ["ip:1"] }, filters))).toEqual(["account:a", "account:b"]);
    expect(ids(drawView(view, { ...filters, hiddenKinds: ["ip"] }))).toEqual(["account:a", "account:b"]);
    expect(ids(drawView(view, { ...filters, hiddenStatuses: ["banned"] }))).toEqual(["account:b", "ip:1"]);
    expect(ids(drawView(view, { ...filters, window: { from: "2026-02-01T00:00:00Z", to: "2026-04-01T00:00:00Z" } }))).toEqual(["account:b", "ip:1"]);
  });

  it("folds a closed group into one node and re-points its members' links to it", () => {
    const grouped = { ...view, groups: [{ id: "group:ip:1", label: "1 — 2 accounts", members: ["account:a", "account:b"], isOpen: false }] };
    const model = drawView(grouped, filters);
    expect(ids(model)).toEqual(["group:ip:1", "ip:1"]);
    expect(model.nodes[0]).toMatchObject({ kind: "group", memberCount: 2 });
    expect(model.edges).toEqual([{ source: "group:ip:1", target: "ip:1", kind: "USES" }]);
  });

  it("draws an open group as the parent of its members", () => {
    const grouped = { ...view, groups: [{ id: "group:ip:1", label: "g", members: ["account:a", "account:b"], isOpen: true }] };
    const model = drawView(grouped, filters);
    expect(model.nodes.filter((node) => node.parent === "group:ip:1").map((node) => node.id)).toEqual(["account:a", "account:b"]);
  });

  it("highlights the path's nodes and the links between them", () => {
    const model = drawView({ ...view, path: ["account:a", "ip:1", "account:b"] }, filters);
    expect(model.nodes.every((node) => node.isOnPath)).toBe(true);
    expect(model.edges.every((edge) => edge.isOnPath)).toBe(true);
  });
});
