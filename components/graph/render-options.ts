/**
 * How the canvas draws: the renderer it is created with, and the viewport
 * shortcuts that keep panning and zooming a large drawing smooth on a
 * software-rendered canvas (no GPU). Plain data, tested without a browser;
 * graph-canvas.tsx applies it.
 */

/**
 * Above this many elements (nodes + links) a full redraw on every frame of a
 * pan or zoom costs more than a frame on a 2D canvas without a GPU
 * (bench:ui case (b)), so the canvas moves a snapshot and leaves the links
 * out while the user drags or scrolls, and redraws in full when they stop.
 */
export const largeDrawingElements = 1_000;

export interface ViewportShortcuts {
  /** Pan and zoom a picture of the drawing instead of redrawing it (Cytoscape's `textureOnViewport`). */
  textureOnViewport: boolean;
  /** Leave links out while the viewport moves (Cytoscape's `hideEdgesOnViewport`). */
  hideEdgesOnViewport: boolean;
}

export function viewportShortcutsFor(elementCount: number): ViewportShortcuts {
  const isLarge = elementCount > largeDrawingElements;
  return { textureOnViewport: isLarge, hideEdgesOnViewport: isLarge };
}

/** Cytoscape's renderer choice (3.31+): WebGL draws through the canvas renderer's WebGL mode. */
export interface RendererChoice {
  name: "canvas";
  webgl: boolean;
}

export function rendererFor(isWebgl: boolean): RendererChoice {
  return { name: "canvas", webgl: isWebgl };
}

let hasWebgl2: boolean | undefined;

/**
 * Whether this browser gives out a WebGL 2 context. Cytoscape's WebGL mode
 * needs one and throws while starting without it (no GPU and no software
 * fallback), so the canvas asks first and stays on 2D otherwise. Asked once
 * per page: making a context costs tens of milliseconds, and React asks on
 * every render of the setting.
 */
export function supportsWebgl2(): boolean {
  if (typeof document === "undefined") return false;
  if (hasWebgl2 === undefined) {
    const context = document.createElement("canvas").getContext("webgl2");
    context?.getExtension("WEBGL_lose_context")?.loseContext();
    hasWebgl2 = context !== null;
  }
  return hasWebgl2;
}
