import { describe, expect, it } from "vitest";
import { largeGraphEdges, largeGraphNodes, layoutForSize, layoutOptionsFor } from "./layouts";

describe("layoutForSize", () => {
  it("uses fcose on the main thread for small graphs and the worker's force layout above either threshold", () => {
    expect(layoutForSize(largeGraphNodes, largeGraphEdges)).toBe("fcose");
    expect(layoutForSize(largeGraphNodes + 1, 0)).toBe("force");
    // Few nodes, many links (the campaign map's overview): fcose would hold the page too.
    expect(layoutForSize(85, largeGraphEdges + 1)).toBe("force");
  });
});

describe("layoutOptionsFor", () => {
  it("keeps fcose incremental, so what was on screen stays roughly put", () => {
    expect(layoutOptionsFor("fcose")).toMatchObject({ name: "fcose", randomize: false, animate: false });
  });

  it("lets fcose draft a fresh drawing itself, since nodes no layout has placed carry no positions worth keeping", () => {
    expect(layoutOptionsFor("fcose", true)).toMatchObject({ name: "fcose", randomize: true });
  });
});
