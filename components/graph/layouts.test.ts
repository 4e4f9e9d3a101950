import { describe, expect, it } from "vitest";
import { largeGraphNodes, layoutForSize, layoutOptionsFor } from "./layouts";

describe("layoutForSize", () => {
  it("uses fcose on the main thread for small graphs and the worker's force layout above the threshold", () => {
    expect(layoutForSize(largeGraphNodes)).toBe("fcose");
    expect(layoutForSize(largeGraphNodes + 1)).toBe("force");
  });
});

describe("layoutOptionsFor", () => {
  it("keeps fcose incremental, so what was on screen stays roughly put", () => {
    expect(layoutOptionsFor("fcose")).toMatchObject({ name: "fcose", randomize: false, animate: false });
  });
});
