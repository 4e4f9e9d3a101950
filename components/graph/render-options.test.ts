import { describe, expect, it } from "vitest";
import { largeDrawingElements, rendererFor, supportsWebgl2, viewportShortcutsFor } from "./render-options";

describe("viewportShortcutsFor", () => {
  it("redraws small drawings in full while panning", () => {
    expect(viewportShortcutsFor(largeDrawingElements)).toEqual({ textureOnViewport: false, hideEdgesOnViewport: false });
  });

  it("pans a snapshot without links above the threshold", () => {
    expect(viewportShortcutsFor(largeDrawingElements + 1)).toEqual({ textureOnViewport: true, hideEdgesOnViewport: true });
  });
});

describe("rendererFor", () => {
  it("asks the canvas renderer for its WebGL mode only when chosen", () => {
    expect(rendererFor(true)).toEqual({ name: "canvas", webgl: true });
    expect(rendererFor(false)).toEqual({ name: "canvas", webgl: false });
  });
});

describe("supportsWebgl2", () => {
  it("says no where there is no document (server rendering)", () => {
    expect(supportsWebgl2()).toBe(false);
  });
});
