import type { Page } from "@playwright/test";

/** Mouse steps per gesture; four gestures (drag out and back, wheel in and out) per round, two rounds. */
export const gestureSteps = 30;

/** Animation-frame intervals while something moves: percentiles in milliseconds. */
export interface FrameStats {
  p50: number;
  p95: number;
  max: number;
  count: number;
}

declare global {
  interface Window {
    /** Animation-frame intervals recorded while the bench pans, zooms or scrolls. */
    __benchFrames?: number[];
  }
}

/** Performance.now() two animation frames from now: when what is on the page has been painted. */
export function afterTwoFrames(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

/** Records every animation-frame interval from now until `stopRecordingFrames`. */
export function startRecordingFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const intervals: number[] = [];
    window.__benchFrames = intervals;
    let last = performance.now();
    const step = (now: number) => {
      intervals.push(now - last);
      last = now;
      if (window.__benchFrames === intervals) requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

export async function stopRecordingFrames(page: Page): Promise<FrameStats> {
  const intervals = await page.evaluate(() => {
    const recorded = window.__benchFrames ?? [];
    delete window.__benchFrames;
    return recorded;
  });
  const sorted = intervals.slice(1).sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), max: at(1), count: sorted.length };
}

/**
 * Drags the canvas's background out and back and turns the wheel in and
 * out, twice, with the real mouse, recording every animation-frame interval
 * meanwhile. Cytoscape's viewport shortcuts only act on such gestures, not
 * on cy.pan/cy.zoom. The page must have one canvas (window.__ringscopeCy).
 */
export async function panAndZoom(page: Page): Promise<FrameStats> {
  await startRecordingFrames(page);
  for (let round = 0; round < 2; round++) {
    const start = await blankPoint(page);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let index = 1; index <= gestureSteps; index++) await page.mouse.move(start.x + 8 * index, start.y + 4 * index);
    for (let index = gestureSteps - 1; index >= 0; index--) await page.mouse.move(start.x + 8 * index, start.y + 4 * index);
    await page.mouse.up();
    for (let index = 0; index < gestureSteps; index++) await page.mouse.wheel(0, -40);
    for (let index = 0; index < gestureSteps; index++) await page.mouse.wheel(0, 40);
  }
  return stopRecordingFrames(page);
}

/** A point (page pixels) on the canvas's background, clear of every node, with room to drag right and down. */
function blankPoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const cy = window.__ringscopeCy;
    if (!cy) throw new Error("no canvas");
    const box = cy.container()?.getBoundingClientRect();
    if (!box) throw new Error("the canvas has no container");
    const boxes = cy.nodes().map((node) => node.renderedBoundingBox({}));
    for (let y = 10; y < box.height - 150; y += 7) {
      for (let x = 10; x < box.width - 260; x += 7) {
        if (boxes.every((b) => x < b.x1 - 4 || x > b.x2 + 4 || y < b.y1 - 4 || y > b.y2 + 4)) return { x: box.left + x, y: box.top + y };
      }
    }
    throw new Error("no blank spot on the canvas to drag from");
  });
}

/** What the canvas drew with: renderer and the viewport shortcuts it had on. */
export interface Drawing {
  renderer: string;
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
}

export function readDrawing(page: Page): Promise<Drawing> {
  return page.evaluate(() => {
    const renderer = (window.__ringscopeCy as unknown as { renderer(): { textureOnViewport?: boolean; hideEdgesOnViewport?: boolean } } | undefined)?.renderer();
    return {
      renderer: document.querySelector('[data-testid="graph-canvas"]')?.getAttribute("data-renderer") ?? "unknown",
      textureOnViewport: renderer?.textureOnViewport === true,
      hideEdgesOnViewport: renderer?.hideEdgesOnViewport === true,
    };
  });
}

export function countElements(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate(() => ({ nodes: window.__ringscopeCy?.nodes().length ?? 0, edges: window.__ringscopeCy?.edges().length ?? 0 }));
}
