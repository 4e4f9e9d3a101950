"use client";

// The one Cytoscape island: the only module that imports cytoscape at run
// time. It owns the instance; everything it is told comes in as plain data.

import cytoscape, { type Core, type CytoscapeOptions, type NodeCollection, type NodeSingular, type Position } from "cytoscape";
import fcose from "cytoscape-fcose";
import { useEffect, useEffectEvent, useRef } from "react";
import { diffElements, isEmptyDiff, type ElementDiff } from "./diff-elements";
import type { Positions } from "./force-layout";
import type { GraphElement } from "./graph-model";
import type { LayoutJob } from "./layout.worker";
import { fitPadding, layoutOptionsFor, type LayoutName, type LayoutRequest } from "./layouts";
import { rendererFor, supportsWebgl2, viewportShortcutsFor, type RendererChoice, type ViewportShortcuts } from "./render-options";
import { separateOverlaps, type NodeBox } from "./separate-overlaps";
import { graphStylesheet, hoveredNodeStyle } from "./stylesheet";
import { exposeForTests, hideFromTests } from "./test-hook";

cytoscape.use(fcose);

export interface GraphCanvasProps {
  /** What to draw. Changes are applied as a diff by id; unchanged elements keep their place. */
  elements: readonly GraphElement[];
  /** Lay the graph out again when this request's key (or name) changes; absent, nothing moves. */
  layoutRequest?: LayoutRequest;
  /** The selected node ids; the canvas follows when they change, and reports the user's own selection. */
  selectedIds?: readonly string[];
  /** Called with the selected node ids whenever the user changes the selection. */
  onSelectionChange?: (ids: string[]) => void;
  /** Nodes that layouts and drags leave where they are. */
  pinnedIds?: readonly string[];
  /** Fit the drawing to the viewport when this changes. */
  fitKey?: number;
  /** Called with a node id when the user double-clicks (taps twice) a node. */
  onOpenNode?: (id: string) => void;
  /** Draw with Cytoscape's WebGL renderer where the browser has WebGL 2; changing it recreates the instance. */
  isWebgl?: boolean;
  /** Accessible name of the drawing. */
  label?: string;
  className?: string;
}

export function GraphCanvas({
  elements,
  layoutRequest,
  selectedIds,
  onSelectionChange,
  pinnedIds,
  fitKey,
  onOpenNode,
  isWebgl = false,
  label = "Network graph",
  className,
}: GraphCanvasProps) {
  const frameRef = useRef<HTMLDivElement>(null);
  const containerRef = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  // The elements last applied to the instance: the "before" of the next diff.
  const appliedRef = useRef<readonly GraphElement[]>([]);
  // Where things were when the last instance was destroyed, so a renderer switch keeps the drawing in place.
  const snapshotRef = useRef<DrawingSnapshot | null>(null);
  const reportSelection = useEffectEvent((ids: string[]) => onSelectionChange?.(ids));
  const reportOpen = useEffectEvent((id: string) => onOpenNode?.(id));

  // Create the instance once per mount and renderer; destroy it on unmount or a renderer switch.
  useEffect(() => {
    const container = containerRef.current;
    const frame = frameRef.current;
    if (!container || !frame) return;
    const renderer = rendererFor(isWebgl && supportsWebgl2());
    frame.dataset.renderer = renderer.webgl ? "webgl" : "canvas";
    const options: CytoscapeOptions & { renderer: RendererChoice } = {
      container,
      renderer,
      style: graphStylesheet,
      elements: [],
      minZoom: 0.05,
      maxZoom: 4,
      // Additive: a second click adds a node, so two can be picked for a path or a batch expanded.
      selectionType: "additive",
      boxSelectionEnabled: true,
    };
    const cy = cytoscape(options);
    cyRef.current = cy;
    appliedRef.current = [];

    // One report per burst of select/unselect events (a box selection fires one per node).
    let pendingReport: number | undefined;
    const onSelectionEvent = () => {
      if (pendingReport !== undefined) return;
      pendingReport = window.setTimeout(() => {
        pendingReport = undefined;
        reportSelection(cy.nodes(":selected").map((node) => node.id()));
      }, 0);
    };
    cy.on("select unselect", "node", onSelectionEvent);
    cy.on("dbltap", "node", (event) => reportOpen((event.target as NodeSingular).id()));
    const stopFollowingSize = followDrawingSize(cy);
    showHoveredLabel(cy);

    // Cytoscape only watches the window; the panel can change size on its own.
    const resizeObserver = new ResizeObserver(() => cy.resize());
    resizeObserver.observe(container);
    exposeForTests(cy);

    return () => {
      window.clearTimeout(pendingReport);
      stopFollowingSize();
      resizeObserver.disconnect();
      hideFromTests(cy);
      snapshotRef.current = takeSnapshot(cy);
      cy.destroy();
      cyRef.current = null;
      appliedRef.current = [];
    };
  }, [isWebgl]);

  // Apply what changed since the last render. Declared after the creation
  // effect, so on mount it runs against the fresh instance.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    applyDiff(cy, diffElements(appliedRef.current, elements), snapshotRef.current);
    snapshotRef.current = null;
    appliedRef.current = elements;
  }, [elements, isWebgl]);

  const selectedKey = selectedIds?.join("\n");
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || selectedKey === undefined) return;
    const wanted = new Set(selectedKey === "" ? [] : selectedKey.split("\n"));
    cy.batch(() => {
      cy.nodes(":selected").forEach((node) => {
        if (!wanted.has(node.id())) node.unselect();
      });
      for (const id of wanted) cy.getElementById(id).select();
    });
  }, [selectedKey, elements, isWebgl]);

  const pinnedKey = pinnedIds?.join("\n") ?? "";
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const pinned = new Set(pinnedKey === "" ? [] : pinnedKey.split("\n"));
    cy.nodes().forEach((node) => {
      if (pinned.has(node.id())) node.lock();
      else node.unlock();
    });
  }, [pinnedKey, elements, isWebgl]);

  useEffect(() => {
    if (fitKey === undefined || fitKey === 0) return;
    const cy = cyRef.current;
    if (!cy) return;
    cy.fit(undefined, fitPadding);
    capFittedZoom(cy);
  }, [fitKey]);

  const layoutKey = layoutRequest?.key;
  const layoutName = layoutRequest?.name;
  useEffect(() => {
    const cy = cyRef.current;
    const frame = frameRef.current;
    if (!cy || !frame || layoutKey === undefined || layoutName === undefined) return;
    // aria-busy says a layout is still moving nodes, data-layout which one placed them last; tests and the bench wait on both.
    frame.setAttribute("aria-busy", "true");
    const stop = runLayout(cy, layoutName, (hasPlaced) => {
      if (hasPlaced) {
        cy.nodes().forEach((node) => {
          node.removeScratch(UNPLACED);
        });
        capFittedZoom(cy);
        frame.dataset.layout = layoutName;
      }
      frame.setAttribute("aria-busy", "false");
    });
    return () => {
      stop();
      frame.setAttribute("aria-busy", "false");
    };
  }, [layoutKey, layoutName]);

  // Two boxes: the caller places the outer one; Cytoscape owns the inner one.
  // Cytoscape tags its container with an unlayered `position: relative` rule,
  // which beats Tailwind's layered utilities, so the container itself must
  // not rely on position classes (an `absolute inset-0` there collapses to 0 px).
  return (
    <div ref={frameRef} role="img" aria-label={label} aria-busy={false} className={className} data-testid="graph-canvas">
      <div ref={containerRef} className="h-full w-full" />
    </div>
  );
}

/** Closest a fit comes: every layout fits the drawing, and one account alone came out four times its size. */
const FIT_MAX_ZOOM = 1.25;

/** After a fit: no closer than FIT_MAX_ZOOM, still centred (zooming in past it stays the investigator's choice). */
function capFittedZoom(cy: Core): void {
  if (cy.zoom() <= FIT_MAX_ZOOM) return;
  cy.zoom({ level: FIT_MAX_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
}

/** Runs a layout and calls `onDone` when it ends, saying whether it placed the nodes; returns what cancels it. */
function runLayout(cy: Core, name: LayoutName, onDone: (hasPlaced: boolean) => void): () => void {
  if (name === "force") return runLayoutInWorker(cy, onDone);
  const isFreshDrawing = cy
    .nodes(":childless")
    .filter((node) => node.scratch(UNPLACED) !== true)
    .empty();
  const layout = cy.layout(layoutOptionsFor(name, isFreshDrawing));
  layout.one("layoutstop", () => {
    separateDrawnOverlaps(cy);
    onDone(true);
  });
  layout.run();
  return () => layout.stop();
}

/**
 * Large graphs: the worker computes positions from plain data while the
 * page stays responsive; they arrive as one `preset` layout.
 */
function runLayoutInWorker(cy: Core, onDone: (hasPlaced: boolean) => void): () => void {
  const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  const input: LayoutJob = {
    nodes: drawnBoxes(cy),
    edges: cy.edges().map((edge) => ({ source: edge.source().id(), target: edge.target().id() })),
  };
  worker.onmessage = (event: MessageEvent<Positions>) => {
    worker.terminate();
    // A renderer switch replaces the instance without cancelling the layout: the answer then has nowhere to go.
    if (cy.destroyed()) return;
    // Nodes added while the worker ran have no position in the answer; preset leaves them where they are.
    cy.layout({ name: "preset", positions: event.data, fit: true, padding: fitPadding, animate: false }).run();
    onDone(true);
  };
  worker.onerror = (event) => {
    worker.terminate();
    console.error("The layout worker failed; the nodes stay where they are.", event.message);
    onDone(false);
  };
  worker.postMessage(input);
  return () => worker.terminate();
}

/** fcose leaves a few nodes overlapping; they are moved apart and the drawing fitted again. */
function separateDrawnOverlaps(cy: Core): void {
  const moves = separateOverlaps(drawnBoxes(cy));
  if (moves.size === 0) return;
  cy.batch(() => {
    for (const [id, position] of moves) cy.getElementById(id).position(position);
  });
  cy.fit(undefined, fitPadding);
}

/** Open groups (compound parents) take their box from their members, so only leaves are laid out. */
function drawnBoxes(cy: Core): NodeBox[] {
  return cy.nodes(":childless").map((node) => {
    const box = node.boundingBox({ includeLabels: false });
    return { id: node.id(), ...node.position(), width: box.w, height: box.h, isPinned: node.locked() };
  });
}

interface DrawingSnapshot {
  positions: Map<string, Position>;
  zoom: number;
  pan: Position;
}

function takeSnapshot(cy: Core): DrawingSnapshot {
  return { positions: new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }])), zoom: cy.zoom(), pan: { ...cy.pan() } };
}

/** Keeps the viewport shortcuts in step with the element count, checked once per frame however elements arrive. */
function followDrawingSize(cy: Core): () => void {
  let frame: number | undefined;
  const onChange = () => {
    frame ??= requestAnimationFrame(() => {
      frame = undefined;
      setViewportShortcuts(cy, viewportShortcutsFor(cy.elements().length));
    });
  };
  cy.on("add remove", onChange);
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
  };
}

/** The node under the pointer shows its label in full and readable (see hoveredNodeStyle), also while the wheel zooms. */
function showHoveredLabel(cy: Core): void {
  const bypassed = Object.keys(hoveredNodeStyle(1)).join(" ");
  let hovered: NodeSingular | undefined;
  const restyle = () => {
    if (hovered && !hovered.removed()) hovered.style(hoveredNodeStyle(cy.zoom()));
  };
  cy.on("mouseover", "node", (event) => {
    hovered = event.target as NodeSingular;
    restyle();
  });
  cy.on("mouseout", "node", (event) => {
    (event.target as NodeSingular).removeStyle(bypassed);
    hovered = undefined;
  });
  cy.on("zoom", restyle);
}

/**
 * Cytoscape takes these as start-up options only, but its renderer reads
 * them on every frame; setting them there switches them as the drawing
 * grows or shrinks, without recreating the instance.
 */
function setViewportShortcuts(cy: Core, shortcuts: ViewportShortcuts): void {
  const renderer = (cy as Core & { renderer(): Partial<ViewportShortcuts> }).renderer();
  Object.assign(renderer, shortcuts);
}

/** Applies a diff; `snapshot` (after a renderer switch) puts re-added nodes and the viewport back where they were. */
function applyDiff(cy: Core, diff: ElementDiff, snapshot: DrawingSnapshot | null): void {
  if (isEmptyDiff(diff)) return;
  cy.batch(() => {
    for (const id of diff.removed) cy.getElementById(id).remove();
    // Cytoscape keeps the data object it is given and mutates it on update;
    // copy so the props (and appliedRef, the next diff's baseline) stay intact.
    if (diff.added.length > 0) {
      const added = cy.add(
        diff.added.map((element) => ({ group: element.group, data: { ...element.data }, position: snapshot?.positions.get(element.data.id) })),
      );
      if (snapshot) cy.viewport({ zoom: snapshot.zoom, pan: snapshot.pan });
      else placeNewNodes(cy, added.nodes());
    }
    for (const update of diff.updated) {
      const element = cy.getElementById(update.id);
      if (update.removedKeys.length > 0) element.removeData(update.removedKeys.join(" "));
      element.data(update.data);
    }
  });
}

/** Scratch key of nodes placed by neither a layout nor a neighbour yet (see placeNewNodes). */
const UNPLACED = "ringscopeUnplaced";

/**
 * New nodes start next to a neighbour already on screen, so an expansion
 * grows from the node it came from and the next (non-randomised) layout only
 * has to tidy up. Nodes with no such neighbour are scattered around the
 * view's centre and marked unplaced: left all at one point, a layout that
 * starts from where nodes are can only spread them along one line.
 */
function placeNewNodes(cy: Core, nodes: NodeCollection): void {
  const fresh = new Set(nodes.map((node) => node.id()));
  const { x1, x2, y1, y2 } = cy.extent();
  const centre = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
  const scatterRadius = 40 * Math.sqrt(nodes.length);
  nodes.forEach((node) => {
    const anchor = node
      .neighborhood()
      .nodes()
      .filter((neighbour) => !fresh.has(neighbour.id()))[0];
    if (anchor) {
      node.position(randomPointAround(anchor.position(), 60, 60));
    } else {
      node.scratch(UNPLACED, true);
      node.position(randomPointAround(centre, 0, scatterRadius));
    }
  });
}

/** A random point between `minRadius` and `maxRadius` from `centre`, evenly spread over that ring's area. */
function randomPointAround(centre: Position, minRadius: number, maxRadius: number): Position {
  const angle = Math.random() * 2 * Math.PI;
  const radius = Math.sqrt(minRadius ** 2 + Math.random() * (maxRadius ** 2 - minRadius ** 2));
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}
