/**
 * `npm run bench:ui`: how fast the explorer draws and how smoothly it pans
 * and zooms, in the production build (with the test hook) in headless
 * Chromium, against a throwaway Neo4j loaded with the `tiny` scenario.
 *
 * (a) a neighbourhood of ~500 nodes reached through the explorer itself: the
 *     biggest carrier NAT opened, its accounts expanded (a `view` link);
 * (b) 5,000 raw elements (2,500 nodes, 2,500 edges) added straight to the
 *     canvas, no aggregation.
 * (b) again with the WebGL renderer, when the browser gives out WebGL 2
 *     (headless Chromium here does, in software: SwiftShader).
 * Time to first picture: from navigation (a) or from handing over the
 * elements (b) to the second animation frame after they are on the canvas;
 * (a) also times until the layout has put them in place (aria-busy false).
 * Frame times: requestAnimationFrame intervals while the mouse drags the
 * background and turns the wheel, as a user pans and zooms (Cytoscape's
 * viewport shortcuts only act on such gestures, not on cy.pan/cy.zoom).
 * Always on: haystack edges, labels hidden below 9 px (min-zoomed-font-size);
 * the canvas turns on textureOnViewport/hideEdgesOnViewport above 1,000
 * elements (components/graph/render-options.ts); each row says which were on.
 * The campaign view (c) waits for the campaign issue. Writes bench-results/ui.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { resetEnv } from "@/lib/env";
import type { TruthDocument } from "@/lib/generate";
import { applySchema, closeDriver } from "@/lib/neo4j";
import { chromiumArgs, chromiumPath } from "@/lib/testing/chromium";
import { ensureScenario, loadScenario } from "@/lib/testing/scenario-data";
import { externalServerKeys, startThrowawayServer } from "@/lib/testing/throwaway-neo4j";

const port = Number(process.env.RINGSCOPE_BENCH_PORT ?? 3410);
const baseUrl = `http://127.0.0.1:${port}`;
/** Mouse steps per gesture; four gestures (drag out and back, wheel in and out) per round, two rounds. */
const gestureSteps = 30;

declare global {
  interface Window {
    /** Animation-frame intervals recorded while the bench pans and zooms. */
    __benchFrames?: number[];
  }
}

interface Measurement {
  nodes: number;
  edges: number;
  firstPictureMs: number;
  /** (a) only: the same view on a server that has not answered it before (query plans, page cache, route code cold). */
  coldFirstPictureMs?: number;
  /** (a) only: until the layout (worker or fcose) has put the nodes in place. */
  laidOutMs?: number;
  frameMs: { p50: number; p95: number; max: number; count: number };
  /** What the canvas drew with: renderer and the viewport shortcuts it had on. */
  drawing: Drawing;
}

interface Drawing {
  renderer: string;
  textureOnViewport: boolean;
  hideEdgesOnViewport: boolean;
}

async function main(): Promise<void> {
  for (const key of externalServerKeys) delete process.env[key];
  const folder = await ensureScenario("tiny");
  const truth = JSON.parse(readFileSync(path.join(folder, "truth.json"), "utf8")) as TruthDocument;
  const server = await startThrowawayServer("bench-ui");
  let app: ChildProcess | undefined;
  try {
    Object.assign(process.env, server.env, { RINGSCOPE_DIST_DIR: ".next-e2e", NEXT_PUBLIC_RINGSCOPE_TEST_HOOKS: "1" });
    resetEnv();
    await applySchema();
    await loadScenario(folder);
    await closeDriver();
    await run("npm", ["run", "build"]);
    app = spawn("npm", ["run", "start", "--", "-p", String(port)], { stdio: "ignore", env: process.env, detached: true });
    await waitForPort(port);
    const results = await measureInBrowser(truth);
    report(results);
  } finally {
    if (app?.pid) process.kill(-app.pid, "SIGTERM");
    await server.stop();
  }
}

async function measureInBrowser(truth: TruthDocument): Promise<Record<string, Measurement>> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // tsx compiles named functions inside the evaluated callbacks with esbuild's
    // `__name` helper, which the page does not have: give it a no-op one.
    await page.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
    const neighbourhood = await measureNeighbourhood(page, truth);
    const raw = await measureRawElements(page, "2d");
    const baseline = await measureRawElements(page, "2d without shortcuts");
    if (!raw || !baseline) throw new Error("the 2D canvas drew nothing");
    const results: Record<string, Measurement> = { neighbourhood500: neighbourhood, rawElements5000: raw, rawElements5000NoShortcuts: baseline };
    const webgl = await measureRawElements(page, "webgl");
    if (webgl) results.rawElements5000Webgl = webgl;
    return results;
  } finally {
    await browser.close();
  }
}

/** (a): the biggest carrier NAT, its accounts, and up to two attributes of each, as an investigator would open them. */
async function measureNeighbourhood(page: Page, truth: TruthDocument): Promise<Measurement> {
  const carrier = [...truth.benignClusters].filter((cluster) => cluster.kind === "carrier_nat").sort((a, b) => b.members.length - a.members.length)[0];
  const ip = carrier?.sharedAttributes.find((attribute) => attribute.kind === "ip")?.value;
  if (!carrier || !ip) throw new Error("the scenario has no carrier NAT");
  const hub = `ip:${ip}`;
  const members = carrier.members.slice(0, 200).map((id) => `account:${id}`);
  const link = {
    steps: [
      { type: "open", ids: [hub] },
      { type: "expand", ids: [hub], cap: 500, includeHubs: true },
      { type: "expand", ids: members, cap: 2, includeHubs: false },
    ],
    hidden: [],
    hubThreshold: 100,
  };
  const url = `${baseUrl}/?view=${encodeURIComponent(JSON.stringify(link))}`;
  const { firstPictureMs: coldFirstPictureMs } = await timeFirstPicture(page, url);
  const { firstPictureMs, laidOutMs } = await timeFirstPicture(page, url);
  return { ...(await countElements(page)), firstPictureMs, coldFirstPictureMs, laidOutMs, frameMs: await panAndZoom(page), drawing: await readDrawing(page) };
}

/** Milliseconds from navigating to `url` until the replayed view is on the canvas and drawn, and until it is laid out. */
async function timeFirstPicture(page: Page, url: string): Promise<{ firstPictureMs: number; laidOutMs: number }> {
  await page.goto(url);
  // The canvas holds the replayed view. (The address bar then changes to ?saved=…: this view is too long for a link.)
  await page.waitForFunction(() => (window.__ringscopeCy?.nodes().length ?? 0) > 300, null, {
    timeout: 120_000,
    polling: 50,
  });
  await page.waitForFunction(() => document.querySelector('[aria-label="Explorer status"]')?.textContent === "", null, { timeout: 120_000, polling: 50 });
  // performance.now() counts from the navigation: the picture is there two frames after the canvas holds the view.
  const firstPictureMs = await afterTwoFrames(page);
  // The layout started in the same effects flush that drew the nodes, so aria-busy is already "true" if it is still running.
  await page.locator('[data-testid="graph-canvas"][aria-busy="false"]').waitFor({ timeout: 120_000 });
  return { firstPictureMs, laidOutMs: await afterTwoFrames(page) };
}

function afterTwoFrames(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

/**
 * (b): elements handed to the canvas directly, laid out on a grid so the
 * layout is not what is measured: as the app draws them; with the viewport
 * shortcuts forced off, to see what they buy; or after ticking the WebGL
 * setting (undefined when the browser has no WebGL 2).
 */
async function measureRawElements(page: Page, drawing: "2d" | "2d without shortcuts" | "webgl"): Promise<Measurement | undefined> {
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.__ringscopeCy !== undefined);
  if (drawing === "webgl") {
    if (!(await page.evaluate(() => document.createElement("canvas").getContext("webgl2") !== null))) return undefined;
    await page.getByRole("checkbox", { name: "WebGL renderer" }).check();
    await page.locator('[data-testid="graph-canvas"][data-renderer="webgl"]').waitFor();
    await page.waitForFunction(() => window.__ringscopeCy !== undefined);
  }
  const firstPictureMs = await page.evaluate(async () => {
    const cy = window.__ringscopeCy;
    if (!cy) throw new Error("no canvas");
    const nodes = Array.from({ length: 2_500 }, (_, index) => ({
      group: "nodes" as const,
      data: { id: `n${index}`, label: `node ${index}`, kind: index % 5 === 0 ? "account" : "ip" },
      position: { x: (index % 50) * 60, y: Math.floor(index / 50) * 60 },
    }));
    const edges = Array.from({ length: 2_500 }, (_, index) => ({
      group: "edges" as const,
      data: { id: `e${index}`, source: `n${index}`, target: `n${(index * 7 + 1) % 2_500}`, kind: "USES" },
    }));
    const started = performance.now();
    cy.add([...nodes, ...edges]);
    cy.fit(undefined, 20);
    await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
    return performance.now() - started;
  });
  // The canvas switches its viewport shortcuts on the frame after elements arrive; only adding or removing switches them again.
  await afterTwoFrames(page);
  if (drawing === "2d without shortcuts") {
    await page.evaluate(() => Object.assign((window.__ringscopeCy as unknown as { renderer(): object }).renderer(), { textureOnViewport: false, hideEdgesOnViewport: false }));
  }
  return { ...(await countElements(page)), firstPictureMs, frameMs: await panAndZoom(page), drawing: await readDrawing(page) };
}

function readDrawing(page: Page): Promise<Drawing> {
  return page.evaluate(() => {
    const renderer = (window.__ringscopeCy as unknown as { renderer(): { textureOnViewport?: boolean; hideEdgesOnViewport?: boolean } } | undefined)?.renderer();
    return {
      renderer: document.querySelector('[data-testid="graph-canvas"]')?.getAttribute("data-renderer") ?? "unknown",
      textureOnViewport: renderer?.textureOnViewport === true,
      hideEdgesOnViewport: renderer?.hideEdgesOnViewport === true,
    };
  });
}

function countElements(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate(() => ({ nodes: window.__ringscopeCy?.nodes().length ?? 0, edges: window.__ringscopeCy?.edges().length ?? 0 }));
}

/**
 * Drags the background out and back and turns the wheel in and out, twice,
 * with the real mouse, recording every animation-frame interval meanwhile;
 * returns their percentiles.
 */
async function panAndZoom(page: Page): Promise<Measurement["frameMs"]> {
  await page.evaluate(() => {
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
  const intervals = await page.evaluate(() => {
    const recorded = window.__benchFrames ?? [];
    delete window.__benchFrames;
    return recorded;
  });
  const sorted = intervals.slice(1).sort((a, b) => a - b);
  const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), max: at(1), count: sorted.length };
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

function report(results: Record<string, Measurement>): void {
  const targets = { neighbourhood500: { firstPictureMs: 2_000, p95: 50 }, rawElements5000: { firstPictureMs: null, p95: 150 } };
  const output = { measuredAt: new Date().toISOString(), chromium: chromiumPath, gestureSteps, targets, results };
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(path.join("bench-results", "ui.json"), `${JSON.stringify(output, null, 2)}\n`);
  console.table(
    Object.entries(results).map(([name, result]) => ({
      case: name,
      nodes: result.nodes,
      edges: result.edges,
      "first picture ms": Math.round(result.firstPictureMs),
      "cold first picture ms": result.coldFirstPictureMs === undefined ? "" : Math.round(result.coldFirstPictureMs),
      "laid out ms": result.laidOutMs === undefined ? "" : Math.round(result.laidOutMs),
      "frame p50 ms": result.frameMs.p50,
      "frame p95 ms": result.frameMs.p95,
      renderer: result.drawing.renderer,
      shortcuts: [result.drawing.textureOnViewport ? "textureOnViewport" : "", result.drawing.hideEdgesOnViewport ? "hideEdgesOnViewport" : ""].filter(Boolean).join(", ") || "none",
    })),
  );
  console.log("Wrote bench-results/ui.json");
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: process.env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function waitForPort(target: number): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = net.connect(target, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (isOpen) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listens on port ${target}`);
}

await main();
