import { describe, expect, it } from "vitest";
import { diffElements, isEmptyDiff } from "./diff-elements";
import type { EdgeElement, GraphElement, NodeElement } from "./graph-model";

const account = (id: string, extra: Partial<NodeElement["data"]> = {}): NodeElement => ({
  group: "nodes",
  data: { id, label: id, kind: "account", ...extra },
});
const edge = (id: string, source: string, target: string): EdgeElement => ({
  group: "edges",
  data: { id, source, target, kind: "HAS_ATTRIBUTE" },
});

describe("diffElements", () => {
  it("adds everything to an empty canvas, nodes before edges", () => {
    const next: GraphElement[] = [edge("e1", "a", "b"), account("a"), account("b")];
    const diff = diffElements([], next);
    expect(diff.added.map((element) => element.data.id)).toEqual(["a", "b", "e1"]);
    expect(diff.removed).toEqual([]);
    expect(diff.updated).toEqual([]);
  });

  it("finds nothing to do when the elements are equal but not the same objects", () => {
    const before = [account("a", { status: "active" }), account("b"), edge("e1", "a", "b")];
    const after = [account("a", { status: "active" }), account("b"), edge("e1", "a", "b")];
    expect(isEmptyDiff(diffElements(before, after))).toBe(true);
  });

  it("removes what is gone and adds what is new, by id", () => {
    const diff = diffElements([account("a"), account("b"), edge("e1", "a", "b")], [account("a"), account("c")]);
    expect(diff.removed.sort()).toEqual(["b", "e1"]);
    expect(diff.added.map((element) => element.data.id)).toEqual(["c"]);
    expect(diff.updated).toEqual([]);
  });

  it("updates changed data in place, without structural keys, and lists keys that went away", () => {
    const diff = diffElements([account("a", { status: "active", accountCount: 3 })], [account("a", { status: "banned" })]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.updated).toEqual([
      { id: "a", data: { label: "a", kind: "account", status: "banned" }, removedKeys: ["accountCount"] },
    ]);
  });

  it("replaces an edge whose ends changed, since Cytoscape cannot re-point it through data", () => {
    const diff = diffElements([account("a"), account("b"), account("c"), edge("e1", "a", "b")], [
      account("a"),
      account("b"),
      account("c"),
      edge("e1", "a", "c"),
    ]);
    expect(diff.removed).toEqual(["e1"]);
    expect(diff.added).toEqual([edge("e1", "a", "c")]);
  });

  it("removes everything when the next list is empty", () => {
    const diff = diffElements([account("a"), account("b"), edge("e1", "a", "b")], []);
    expect(diff.removed.sort()).toEqual(["a", "b", "e1"]);
    expect(diff.added).toEqual([]);
  });
});
