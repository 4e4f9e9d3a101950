"use client";

// The one Cytoscape island: the only module that imports cytoscape at run
// time. It owns the instance; everything it is told comes in as plain data.

import cytoscape, { type Core } from "cytoscape";
import { useEffect, useEffectEvent, useRef } from "react";
import { diffElements, isEmptyDiff, type ElementDiff } from "./diff-elements";
import type { GraphElement } from "./graph-model";
import { layoutOptionsFor, type LayoutRequest } from "./layouts";
import { graphStylesheet } from "./stylesheet";
import { exposeForTests, hideFromTests } from "./test-hook";

export interface GraphCanvasProps {
  /** What to draw. Changes are applied as a diff by id; unchanged elements keep their place. */
  elements: readonly GraphElement[];
  /** Lay the graph out again when this request's key (or name) changes; absent, nothing moves. */
  layoutRequest?: LayoutRequest;
  /** Called with the selected node's id, or null when the selection is cleared. */
  onSelect?: (id: string | null) => void;
  /** Accessible name of the drawing. */
  label?: string;
  className?: string;
}

export function GraphCanvas({ elements, layoutRequest, onSelect, label = "Network graph", className }: GraphCanvasProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  // The elements last applied to the instance: the "before" of the next diff.
  const appliedRef = useRef<readonly GraphElement[]>([]);
  const reportSelection = useEffectEvent((id: string | null) => onSelect?.(id));

  // Create the instance once per mount; destroy it on unmount.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const cy = cytoscape({
      container,
      style: graphStylesheet,
      elements: [],
      minZoom: 0.05,
      maxZoom: 4,
      selectionType: "single",
      boxSelectionEnabled: false,
    });
    cyRef.current = cy;
    appliedRef.current = [];

    const onSelectionChange = () => {
      const selected = cy.nodes(":selected");
      reportSelection(selected.length === 1 ? selected.first().id() : null);
    };
    cy.on("select unselect", "node", onSelectionChange);

    // Cytoscape only watches the window; the panel can change size on its own.
    const resizeObserver = new ResizeObserver(() => cy.resize());
    resizeObserver.observe(container);
    exposeForTests(cy);

    return () => {
      resizeObserver.disconnect();
      hideFromTests(cy);
      cy.destroy();
      cyRef.current = null;
      appliedRef.current = [];
    };
  }, []);

  // Apply what changed since the last render. Declared after the creation
  // effect, so on mount it runs against the fresh instance.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    applyDiff(cy, diffElements(appliedRef.current, elements));
    appliedRef.current = elements;
  }, [elements]);

  const layoutKey = layoutRequest?.key;
  const layoutName = layoutRequest?.name;
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || layoutKey === undefined || layoutName === undefined) return;
    const layout = cy.layout(layoutOptionsFor(layoutName));
    layout.run();
    return () => {
      layout.stop();
    };
  }, [layoutKey, layoutName]);

  // Two boxes: the caller places the outer one; Cytoscape owns the inner one.
  // Cytoscape tags its container with an unlayered `position: relative` rule,
  // which beats Tailwind's layered utilities, so the container itself must
  // not rely on position classes (an `absolute inset-0` there collapses to 0 px).
  return (
    <div role="img" aria-label={label} className={className} data-testid="graph-canvas">
      <div ref={containerRef} className="h-full w-full" />
    </div>
  );
}

function applyDiff(cy: Core, diff: ElementDiff): void {
  if (isEmptyDiff(diff)) return;
  cy.batch(() => {
    for (const id of diff.removed) cy.getElementById(id).remove();
    // Cytoscape keeps the data object it is given and mutates it on update;
    // copy so the props (and appliedRef, the next diff's baseline) stay intact.
    if (diff.added.length > 0) cy.add(diff.added.map((element) => ({ group: element.group, data: { ...element.data } })));
    for (const update of diff.updated) {
      const element = cy.getElementById(update.id);
      if (update.removedKeys.length > 0) element.removeData(update.removedKeys.join(" "));
      element.data(update.data);
    }
  });
}
