/**
 * `npm run bench:ui`: how fast the explorer draws and how smoothly it pans
 * and zooms, in the production build (with the test hook) in headless
 * Chromium, against a throwaway Neo4j loaded with the `tiny` scenario.
 *
 * (a) a neighbourhood of ~500 nodes reached through the explorer itself: the
 *     biggest carrier NAT opened, its accounts expanded (a `view` link);
 * (b) 5,000 raw elements (2,500 nodes, 2,500 edges) added straight to the
 *     canvas, no aggregation.
 * Time to first picture: from navigation (a) or from handing over the
 * elements (b) to the second animation frame after they are on the canvas.
 * Frame times: requestAnimationFrame intervals during a scripted pan and zoom.
 * Viewport optimisations on: haystack edges, labels hidden below 9 px
 * (min-zoomed-font-size); hideEdgesOnViewport/textureOnViewport are off.
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
const frames = 180;

interface Measurement {
  nodes: number;
  edges: number;
  firstPictureMs: number;
  /** (a) only: the same view on a server that has not answered it before (query plans, page cache, route code cold). */
  coldFirstPictureMs?: number;
  frameMs: { p50: number; p95: number; max: number };
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
    const raw = await measureRawElements(page);
    return { neighbourhood500: neighbourhood, rawElements5000: raw };
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
  const coldFirstPictureMs = await timeFirstPicture(page, url);
  const firstPictureMs = await timeFirstPicture(page, url);
  return { ...(await countElements(page)), firstPictureMs, coldFirstPictureMs, frameMs: await panAndZoom(page) };
}

/** Milliseconds from navigating to `url` until the replayed view is on the canvas and drawn. */
async function timeFirstPicture(page: Page, url: string): Promise<number> {
  await page.goto(url);
  // The replay is done when the URL has been written back (after the view is restored) and the canvas holds it.
  await page.waitForFunction(() => new URLSearchParams(window.location.search).has("view") && (window.__ringscopeCy?.nodes().length ?? 0) > 300, null, {
    timeout: 120_000,
    polling: 50,
  });
  await page.waitForFunction(() => document.querySelector('[aria-label="Explorer status"]')?.textContent === "", null, { timeout: 120_000, polling: 50 });
  // performance.now() counts from the navigation: the picture is there two frames after the canvas holds the view.
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())))));
}

/** (b): elements handed to the canvas directly, laid out on a grid so the layout is not what is measured. */
async function measureRawElements(page: Page): Promise<Measurement> {
  await page.goto(baseUrl);
  await page.waitForFunction(() => window.__ringscopeCy !== undefined);
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
  return { ...(await countElements(page)), firstPictureMs, frameMs: await panAndZoom(page) };
}

function countElements(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate(() => ({ nodes: window.__ringscopeCy?.nodes().length ?? 0, edges: window.__ringscopeCy?.edges().length ?? 0 }));
}

/** Pans and zooms one step per animation frame and returns the frame intervals' percentiles. */
function panAndZoom(page: Page): Promise<Measurement["frameMs"]> {
  return page.evaluate(async (count) => {
    const cy = window.__ringscopeCy;
    if (!cy) throw new Error("no canvas");
    const intervals: number[] = [];
    let last = performance.now();
    await new Promise<void>((resolve) => {
      let frame = 0;
      const step = (now: number) => {
        intervals.push(now - last);
        last = now;
        const phase = Math.floor(frame / 30) % 4;
        if (phase === 0) cy.panBy({ x: 8, y: 4 });
        else if (phase === 1) cy.zoom({ level: cy.zoom() * 1.03, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        else if (phase === 2) cy.panBy({ x: -8, y: -4 });
        else cy.zoom({ level: cy.zoom() / 1.03, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        frame += 1;
        if (frame < count) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    const sorted = intervals.slice(1).sort((a, b) => a - b);
    const at = (q: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 10) / 10;
    return { p50: at(0.5), p95: at(0.95), max: at(1) };
  }, frames);
}

function report(results: Record<string, Measurement>): void {
  const targets = { neighbourhood500: { firstPictureMs: 2_000, p95: 50 }, rawElements5000: { firstPictureMs: null, p95: 150 } };
  const output = { measuredAt: new Date().toISOString(), chromium: chromiumPath, frames, targets, results };
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(path.join("bench-results", "ui.json"), `${JSON.stringify(output, null, 2)}\n`);
  console.table(
    Object.entries(results).map(([name, result]) => ({
      case: name,
      nodes: result.nodes,
      edges: result.edges,
      "first picture ms": Math.round(result.firstPictureMs),
      "cold first picture ms": result.coldFirstPictureMs === undefined ? "" : Math.round(result.coldFirstPictureMs),
      "frame p50 ms": result.frameMs.p50,
      "frame p95 ms": result.frameMs.p95,
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
