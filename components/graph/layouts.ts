import type { LayoutOptions } from "cytoscape";

/** The layouts an investigator can ask for; each maps to built-in Cytoscape options. */
export const layoutNames = ["cose", "concentric", "breadthfirst", "grid"] as const;
export type LayoutName = (typeof layoutNames)[number];

/**
 * A request to lay the graph out. The canvas runs a layout only when `key`
 * changes (or the name does): new elements alone never move the ones on screen.
 */
export interface LayoutRequest {
  key: number | string;
  name: LayoutName;
}

export function layoutOptionsFor(name: LayoutName): LayoutOptions {
  switch (name) {
    case "cose":
      // Force-directed: rings of accounts around the attributes they share pull together.
      // Not randomised: it starts from where nodes are, so what the investigator saw stays roughly in place.
      return { name: "cose", animate: false, fit: true, padding: 40, randomize: false, nodeDimensionsIncludeLabels: false };
    case "concentric":
      // Most-connected nodes in the middle.
      return { name: "concentric", animate: false, fit: true, padding: 40, minNodeSpacing: 12, concentric: (node) => node.degree(false) };
    case "breadthfirst":
      return { name: "breadthfirst", animate: false, fit: true, padding: 40, spacingFactor: 1.1 };
    case "grid":
      return { name: "grid", animate: false, fit: true, padding: 40 };
  }
}
