import { describe, expect, it } from "vitest";
import type { GraphModel } from "./graph-model";
import { toElements } from "./to-elements";

const ring: GraphModel = {
  nodes: [
    { id: "account:a1", kind: "account", label: "a1", status: "banned" },
    { id: "account:a2", kind: "account", label: "a2" },
    { id: "device:d-9", kind: "device", label: "d-9", accountCount: 2 },
  ],
  edges: [
    { source: "account:a1", target: "device:d-9", kind: "HAS_ATTRIBUTE" },
    { source: "account:a2", target: "device:d-9", kind: "HAS_ATTRIBUTE" },
  ],
};

describe("toElements", () => {
  it("turns nodes and edges into canvas elements, nodes first", () => {
    expect(toElements(ring)).toEqual([
      { group: "nodes", data: { id: "account:a1", label: "a1", kind: "account", status: "banned" } },
      { group: "nodes", data: { id: "account:a2", label: "a2", kind: "account" } },
      { group: "nodes", data: { id: "device:d-9", label: "d-9", kind: "device", accountCount: 2 } },
      {
        group: "edges",
        data: { id: "account:a1|HAS_ATTRIBUTE|device:d-9", source: "account:a1", target: "device:d-9", kind: "HAS_ATTRIBUTE" },
      },
      {
        group: "edges",
        data: { id: "account:a2|HAS_ATTRIBUTE|device:d-9", source: "account:a2", target: "device:d-9", kind: "HAS_ATTRIBUTE" },
      },
    ]);
  });

  it("omits optional fields instead of setting them to undefined", () => {
    const [node] = toElements({ nodes: [{ id: "ip:10.0.0.1", kind: "ip", label: "10.0.0.1" }], edges: [] });
    expect(Object.keys(node?.data ?? {})).toEqual(["id", "label", "kind"]);
  });

  it("draws an attribute kind it does not know as 'other' and keeps the real kind", () => {
    const [node] = toElements({ nodes: [{ id: "payout_wallet:w1", kind: "payout_wallet", label: "w1" }], edges: [] });
    expect(node?.data).toEqual({ id: "payout_wallet:w1", label: "w1", kind: "other", attributeKind: "payout_wallet" });
  });

  it("keeps every built-in kind as it is", () => {
    const kinds = ["account", "ip", "device", "card", "phone", "email", "email_domain", "prompt"];
    const elements = toElements({ nodes: kinds.map((kind) => ({ id: `${kind}:x`, kind, label: "x" })), edges: [] });
    expect(elements.map((element) => element.data)).toEqual(kinds.map((kind) => ({ id: `${kind}:x`, label: "x", kind })));
  });

  it("keeps the first of duplicate nodes and edges, so Cytoscape never sees an id twice", () => {
    const elements = toElements({
      nodes: [...ring.nodes, { id: "account:a1", kind: "account", label: "again" }],
      edges: [...ring.edges, { source: "account:a1", target: "device:d-9", kind: "HAS_ATTRIBUTE" }],
    });
    const ids = elements.map((element) => element.data.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(elements.find((element) => element.data.id === "account:a1")?.data).toMatchObject({ label: "a1" });
  });

  it("drops edges whose ends are not in the model", () => {
    const elements = toElements({
      nodes: ring.nodes,
      edges: [{ source: "account:a1", target: "card:missing", kind: "HAS_ATTRIBUTE" }, ...ring.edges],
    });
    expect(elements.filter((element) => element.group === "edges")).toHaveLength(2);
  });

  it("uses an edge's own id when it has one", () => {
    const elements = toElements({ nodes: ring.nodes, edges: [{ ...ring.edges[0]!, id: "e1" }] });
    expect(elements.at(-1)?.data.id).toBe("e1");
  });

  it("returns nothing for an empty graph", () => {
    expect(toElements({ nodes: [], edges: [] })).toEqual([]);
  });

  it("labels a hub as a badge that says what it is and how many accounts it stands for", () => {
    const [node] = toElements({ nodes: [{ id: "ip:100.64.3.7", kind: "ip", label: "100.64.3.7", accountCount: 4812, isHub: true }], edges: [] });
    expect(node?.data).toMatchObject({ label: "IP 100.64.3.7 — 4,812 accounts", isHub: true });
  });

  it("keeps a node's parent only when the parent is drawn too", () => {
    const elements = toElements({
      nodes: [
        { id: "group:ip:1", kind: "group", label: "g", memberCount: 2 },
        { id: "account:a", kind: "account", label: "a", parent: "group:ip:1" },
        { id: "account:b", kind: "account", label: "b", parent: "group:ip:gone" },
      ],
      edges: [],
    });
    expect(elements.map((element) => ("parent" in element.data ? element.data.parent : undefined))).toEqual([undefined, "group:ip:1", undefined]);
  });
});
