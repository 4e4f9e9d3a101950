/**
 * `npm run bench:ui`: how fast the explorer and the campaign view draw and
 * how smoothly they pan, zoom and scroll, in the production build (with the
 * test hook) in headless Chromium.
 *
 * (a) a neighbourhood of ~500 nodes reached through the explorer itself: the
 *     biggest carrier NAT opened, its accounts expanded (a `view` link), in a
 *     throwaway Neo4j loaded with the `tiny` scenario;
 * (b) 5,000 raw elements (2,500 nodes, 2,500 edges) added straight to the
 *     canvas, no aggregation; again with the WebGL renderer, when the browser
 *     gives out WebGL 2 (headless Chromium here does, in software: SwiftShader);
 * (c) the campaign view (/campaigns/<seed>) of the largest campaign of the
 *     `bench` preset (8,000 accounts), from its lowest-activity member: on the
 *     database `--campaign-db <state dir> --campaign-bolt <port>
 *     --campaign-truth <truth.json>` name (read only), or else the preset
 *     bulk-loaded into a throwaway server (scripts/bench-ui/campaign-view.ts).
 * Time to first picture: from navigation (a, c) or from handing over the
 * elements (b) to the second animation frame after they are on the canvas;
 * (a) and (c) also time until the layout has put them in place (aria-busy false).
 * Frame times: requestAnimationFrame intervals while the mouse drags the
 * background and turns the wheel, as a user pans and zooms; for (c) also
 * while the wheel scrolls the member table from its first row to its last.
 * Always on: haystack edges, labels hidden below 9 px (min-zoomed-font-size);
 * the canvas turns on textureOnViewport/hideEdgesOnViewport above 1,000
 * elements (components/graph/render-options.ts); each row says which were on.
 * `--only explorer|campaign` measures one part. Writes bench-results/ui.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Browser, type Page } from "@playwright/test";
import { resetEnv } from "@/lib/env";
import type { TruthDocument } from "@/lib/generate";
import { applySchema, closeDriver } from "@/lib/neo4j";
import { chromiumArgs, chromiumPath } from "@/lib/testing/chromium";
import { ensureScenario, loadScenario } from "@/lib/testing/scenario-data";
import { externalServerKeys, startThrowawayServer } from "@/lib/testing/throwaway-neo4j";
import { run, startApp } from "./bench-ui/app-server";
import { afterTwoFrames, countElements, gestureSteps, panAndZoom, readDrawing, type Drawing, type FrameStats } from "./bench-ui/canvas-measures";
import { measureCampaignView, pickCampaignSeed, prepareCampaignDatabase, type CampaignMeasurement } from "./bench-ui/campaign-view";

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    "campaign-db": { type: "string" },
    "campaign-bolt": { type: "string" },
    "campaign-truth": { type: "string" },
  },
});
if (values.only !== undefined && values.only !== "explorer" && values.only !== "campaign") throw new Error("--only takes explorer or campaign");
const port = Number(process.env.RINGSCOPE_BENCH_PORT ?? 3410);

interface Measurement {
  nodes: number;
  edges: number;
  firstPictureMs: number;
  /** (a) only: the same view first, on a server that has answered only its own warm-up, in a browser that has not loaded the app before. */
  coldFirstPictureMs?: number;
  /** (a) only: until the layout (worker or fcose) has put the nodes in place. */
  laidOutMs?: number;
  frameMs: FrameStats;
  /** What the canvas drew with: renderer and the viewport shortcuts it had on. */
  drawing: Drawing;
}

interface Results {
  explorer?: Record<string, Measurement>;
  campaign?: CampaignMeasurement;
}

async function main(): Promise<void> {
  for (const key of externalServerKeys) delete process.env[key];
  Object.assign(process.env, { RINGSCOPE_DIST_DIR: ".next-e2e", NEXT_PUBLIC_RINGSCOPE_TEST_HOOKS: "1" });
  await run("npm", ["run", "build"]);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const results: Results = {};
  try {
    if (values.only !== "campaign") results.explorer = await benchExplorer(browser);
    if (values.only !== "explorer") results.campaign = await benchCampaign(browser);
  } finally {
    await browser.close();
  }
  report(results);
}

/** (a) and (b), against a throwaway server loaded with the `tiny` scenario. */
async function benchExplorer(browser: Browser): Promise<Record<string, Measurement>> {
  const folder = await ensureScenario("tiny");
  const truth = JSON.parse(readFileSync(path.join(folder, "truth.json"), "utf8")) as TruthDocument;
  const server = await startThrowawayServer("bench-ui");
  try {
    Object.assign(process.env, server.env);
    resetEnv();
    await applySchema();
    await loadScenario(folder);
    await closeDriver();
    const app = await startApp(port, process.env);
    try {
      const page = await newPage(browser);
      const neighbourhood = await measureNeighbourhood(page, app.baseUrl, truth);
      const raw = await measureRawElements(page, app.baseUrl, "2d");
      const baseline = await measureRawElements(page, app.baseUrl, "2d without shortcuts");
      if (!raw || !baseline) throw new Error("the 2D canvas drew nothing");
      const results: Record<string, Measurement> = { neighbourhood500: neighbourhood, rawElements5000: raw, rawElements5000NoShortcuts: baseline };
      const webgl = await measureRawElements(page, app.baseUrl, "webgl");
      if (webgl) results.rawElements5000Webgl = webgl;
      await page.close();
      return results;
    } finally {
      app.stop();
    }
  } finally {
    await server.stop();
  }
}

/** (c), on its own app server (next port) against the campaign database. */
async function benchCampaign(browser: Browser): Promise<CampaignMeasurement> {
  const database = await prepareCampaignDatabase({
    stateDir: values["campaign-db"],
    boltPort: values["campaign-bolt"],
    truthFile: values["campaign-truth"],
  });
  try {
    const picked = await pickCampaignSeed(database);
    const app = await startApp(port + 1, { ...process.env, ...database.env });
    try {
      const page = await newPage(browser);
      const measured = await measureCampaignView(page, app.baseUrl, picked);
      await page.close();
      return measured;
    } finally {
      app.stop();
    }
  } finally {
    await database.stop();
  }
}

async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  // tsx compiles named functions inside the evaluated callbacks with esbuild's
  // `__name` helper, which the page does not have: give it a no-op one.
  await page.addInitScript({ content: "globalThis.__name = (fn) => fn;" });
  return page;
}

/** (a): the biggest carrier NAT, its accounts, and up to two attributes of each, as an investigator would open them. */
async function measureNeighbourhood(page: Page, baseUrl: string, truth: TruthDocument): Promise<Measurement> {
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

/**
 * (b): elements handed to the canvas directly, laid out on a grid so the
 * layout is not what is measured: as the app draws them; with the viewport
 * shortcuts forced off, to see what they buy; or after ticking the WebGL
 * setting (undefined when the browser has no WebGL 2).
 */
async function measureRawElements(page: Page, baseUrl: string, drawing: "2d" | "2d without shortcuts" | "webgl"): Promise<Measurement | undefined> {
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

const targets = {
  neighbourhood500: { firstPictureMs: 2_000, p95: 50 },
  rawElements5000: { firstPictureMs: null, p95: 150 },
  campaign: { firstPictureMs: 2_000, p95: 50 },
};

function report(results: Results): void {
  const output = { measuredAt: new Date().toISOString(), loadAverage: os.loadavg(), chromium: chromiumPath, gestureSteps, targets, results };
  mkdirSync("bench-results", { recursive: true });
  writeFileSync(path.join("bench-results", "ui.json"), `${JSON.stringify(output, null, 2)}\n`);
  const target = (name: string) => {
    const wanted = targets[name as keyof typeof targets];
    if (!wanted) return "";
    return [wanted.firstPictureMs === null ? "" : `picture ≤ ${wanted.firstPictureMs} ms`, `p95 ≤ ${wanted.p95} ms`].filter(Boolean).join(", ");
  };
  const rows = Object.entries(results.explorer ?? {}).map(([name, result]) => ({
    case: name,
    nodes: result.nodes,
    edges: result.edges,
    "first picture ms": Math.round(result.firstPictureMs),
    "cold first picture ms": result.coldFirstPictureMs === undefined ? "" : Math.round(result.coldFirstPictureMs),
    "laid out ms": result.laidOutMs === undefined ? "" : Math.round(result.laidOutMs),
    "frame p50 ms": result.frameMs.p50,
    "frame p95 ms": result.frameMs.p95,
    target: target(name),
    drawing: describeDrawing(result.drawing),
  }));
  const campaign = results.campaign;
  if (campaign) {
    rows.push({
      case: "campaign",
      nodes: campaign.nodes,
      edges: campaign.edges,
      "first picture ms": Math.round(campaign.firstPictureMs),
      "cold first picture ms": Math.round(campaign.coldFirstPictureMs),
      "laid out ms": Math.round(campaign.laidOutMs),
      "frame p50 ms": campaign.frameMs.p50,
      "frame p95 ms": campaign.frameMs.p95,
      target: target("campaign"),
      drawing: describeDrawing(campaign.drawing),
    });
  }
  console.table(rows);
  if (campaign) {
    const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} KB`;
    console.table({
      "campaign, seed": `${campaign.campaign}, ${campaign.seed}`,
      "members listed": campaign.members.toLocaleString("en"),
      "server: first byte (page shell)": `${Math.round(campaign.responseStartMs)} ms`,
      "server: last byte (campaign searched and sent)": `${Math.round(campaign.responseEndMs)} ms`,
      "first picture after the last byte": `${Math.round(campaign.firstPictureAfterResponseMs)} ms`,
      "member table on the page (rows fetched after the picture)": `${Math.round(campaign.tableMs)} ms`,
      "HTML + RSC payload (sent / decoded)": `${kilobytes(campaign.htmlBytes.transferred)} / ${kilobytes(campaign.htmlBytes.decoded)}`,
      "table scroll, all rows: frame p50 / p95 / max": `${campaign.tableScrollFrameMs.p50} / ${campaign.tableScrollFrameMs.p95} / ${campaign.tableScrollFrameMs.max} ms (to row ${campaign.tableScrollFrameMs.lastRow.toLocaleString("en")})`,
    });
  }
  console.log(`Load average (1, 5, 15 min): ${os.loadavg().map((load) => load.toFixed(2)).join(", ")}. Wrote bench-results/ui.json`);
}

function describeDrawing(drawing: Drawing): string {
  const shortcuts = [drawing.textureOnViewport ? "textureOnViewport" : "", drawing.hideEdgesOnViewport ? "hideEdgesOnViewport" : ""].filter(Boolean).join(", ");
  return `${drawing.renderer}; ${shortcuts || "no shortcuts"}`;
}

await main();
