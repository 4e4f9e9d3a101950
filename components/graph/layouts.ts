import type { LayoutOptions } from "cytoscape";
import type { FcoseLayoutOptions } from "cytoscape-fcose";

/**
 * The layouts the canvas can run. "force" is ours (force-layout.ts) and runs
 * in the layout worker, so a large graph never blocks the page; the others
 * are Cytoscape's and run on the main thread.
 */
export const layoutNames = ["fcose", "force", "breadthfirst", "grid"] as const;
export type LayoutName = (typeof layoutNames)[number];
export type MainThreadLayoutName = Exclude<LayoutName, "force">;

/**
 * A request to lay the graph out. The canvas runs a layout only when `key`
 * changes (or the name does): new elements alone never move the ones on screen.
 */
export interface LayoutRequest {
  key: number | string;
  name: LayoutName;
}

/** Room around the drawing when a layout (or the canvas after one) fits it to the viewport, in pixels. */
export const fitPadding = 40;

/** Above this many nodes fcose holds the main thread long enough to be felt (a few hundred ms on a slow laptop). */
export const largeGraphNodes = 300;

/**
 * Above this many links, too: fcose's cost grows with them as well. The
 * campaign map's overview (85 groups and attributes, 987 links) held the
 * main thread for 1.3 s in fcose on the 2-CPU development VM (bench:ui (c)).
 */
export const largeGraphEdges = 600;

export function layoutForSize(nodeCount: number, edgeCount: number): LayoutName {
  return nodeCount > largeGraphNodes || edgeCount > largeGraphEdges ? "force" : "fcose";
}

/**
 * `isFreshDrawing`: no node on screen has been placed by a layout or beside
 * a neighbour yet (a page's first drawing, a map replaced whole). fcose then
 * starts from its own spectral draft; started from where such nodes are, it
 * only spreads them along one line.
 */
export function layoutOptionsFor(name: MainThreadLayoutName, isFreshDrawing = false): LayoutOptions {
  switch (name) {
    case "fcose": {
      const options: FcoseLayoutOptions = { ...fcoseOptions, randomize: isFreshDrawing };
      return options;
    }
    case "breadthfirst":
      return { name: "breadthfirst", animate: false, fit: true, padding: fitPadding, spacingFactor: 1.1 };
    case "grid":
      return { name: "grid", animate: false, fit: true, padding: fitPadding };
  }
}

// Force-directed: rings of accounts around the attributes they share pull together.
// Not randomised unless the drawing is fresh: it starts from where nodes are, so what the investigator saw stays roughly in place.
const fcoseOptions: FcoseLayoutOptions = {
  name: "fcose",
  quality: "default",
  animate: false,
  fit: true,
  padding: fitPadding,
  nodeDimensionsIncludeLabels: false,
  // Stronger repulsion and looser links than fcose's defaults (4500, 0.45): a
  // campaign map's sub-groups all link to the same binding attributes, and the
  // defaults stacked them in the middle (16-23 overlapping pairs of 32 nodes on
  // the demo's 125-account cluster, 2-3 with these; drawings ~40 % wider).
  // The canvas moves the few left apart when fcose stops (separate-overlaps.ts).
  nodeRepulsion: 20_000,
  edgeElasticity: 0.1,
};
