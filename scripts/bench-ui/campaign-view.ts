import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { resetEnv } from "@/lib/env";
import type { TruthDocument } from "@/lib/generate";
import { closeDriver } from "@/lib/neo4j";
import { startThrowawayServer } from "@/lib/testing/throwaway-neo4j";
import { lightestMember, sessionCounts } from "../bench-campaign/session-counts";
import { ensureBenchData } from "../bench-ingest/bench-data";
import { run } from "./app-server";
import { afterTwoFrames, countElements, panAndZoom, readDrawing, startRecordingFrames, stopRecordingFrames, type Drawing, type FrameStats } from "./canvas-measures";

/** The database the campaign view is measured on, and the truth.json it was generated with. */
export interface CampaignDatabase {
  /** Environment that points the app (and this process) at it. */
  env: Record<string, string>;
  truthFile: string;
  stop: () => Promise<void>;
}

/** An already-loaded database, when the options name one. */
export interface LoadedDatabaseOptions {
  stateDir?: string;
  boltPort?: string;
  truthFile?: string;
}

/**
 * The database for (c): the one the options name, read only; otherwise the
 * `bench` preset (generated once into .ringscope/bench-data/, 8,000-account
 * proxy campaign) bulk-loaded into a throwaway server (about 12 minutes on
 * the 2-CPU development VM).
 */
export async function prepareCampaignDatabase(loaded: LoadedDatabaseOptions): Promise<CampaignDatabase> {
  if (loaded.stateDir !== undefined || loaded.boltPort !== undefined || loaded.truthFile !== undefined) {
    if (loaded.stateDir === undefined || loaded.boltPort === undefined || loaded.truthFile === undefined) {
      throw new Error("--campaign-db, --campaign-bolt and --campaign-truth go together");
    }
    return { env: { RINGSCOPE_STATE_DIR: loaded.stateDir, NEO4J_BOLT_PORT: loaded.boltPort }, truthFile: loaded.truthFile, stop: async () => {} };
  }
  const folder = await ensureBenchData(process.cwd(), "bench");
  const server = await startThrowawayServer("bench-ui-campaign", { heapSize: "2g", pageCacheSize: "1g" });
  try {
    console.log(`Loading ${folder} with ringscope ingest --bulk…`);
    await run(process.execPath, ["scripts/ringscope.mjs", "ingest", "--bulk", folder, "--no-worklist"], { ...process.env, ...server.env });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { env: server.env, truthFile: path.join(folder, "truth.json"), stop: server.stop };
}

/** The seed: the lowest-activity member of the largest campaign in the truth, as bench:campaign draws it. */
export async function pickCampaignSeed(database: CampaignDatabase): Promise<{ campaign: string; seed: string }> {
  const truth = JSON.parse(readFileSync(database.truthFile, "utf8")) as TruthDocument;
  const largest = [...truth.campaigns].sort((a, b) => b.members.length - a.members.length)[0];
  if (!largest) throw new Error(`${database.truthFile} has no campaign`);
  Object.assign(process.env, database.env);
  resetEnv();
  try {
    return { campaign: `${largest.id} (${largest.members.length.toLocaleString("en")} accounts)`, seed: lightestMember(largest.members, await sessionCounts(largest.members)) };
  } finally {
    await closeDriver();
  }
}

export interface CampaignMeasurement {
  campaign: string;
  seed: string;
  /** Members the page lists (its table's row count). */
  members: number;
  /** On the map. */
  nodes: number;
  edges: number;
  /** From navigation until the first byte: the page shell with "Finding the campaign…". */
  responseStartMs: number;
  /** From navigation until the last byte: the campaign searched on the server and sent. */
  responseEndMs: number;
  /** From navigation to two frames after the map is on its canvas. */
  firstPictureMs: number;
  /** The same, from the response's last byte: what the browser adds. */
  firstPictureAfterResponseMs: number;
  /** The first visit: a server that has answered only its own warm-up, a browser that has not loaded the app before. */
  coldFirstPictureMs: number;
  /** Until the map's layout has placed its nodes. */
  laidOutMs: number;
  /** Until the member table is on the page: its rows are fetched once the page is up. */
  tableMs: number;
  /** The HTML document, which carries the page's RSC payload: as sent (compressed) and decoded. */
  htmlBytes: { transferred: number; decoded: number };
  frameMs: FrameStats;
  /** Frame intervals while the wheel scrolls the member table from the first row to the last. */
  tableScrollFrameMs: FrameStats & { lastRow: number };
  drawing: Drawing;
}

/** (c): the campaign view of `seed`, opened twice (cold, then warm), its map panned and zoomed, its table scrolled through. */
export async function measureCampaignView(page: Page, baseUrl: string, picked: { campaign: string; seed: string }): Promise<CampaignMeasurement> {
  const url = `${baseUrl}/campaigns/${encodeURIComponent(picked.seed)}`;
  const cold = await timeCampaignPicture(page, url);
  const warm = await timeCampaignPicture(page, url);
  // The row count includes the header row.
  const members = Number(await page.getByRole("table", { name: "Campaign members" }).getAttribute("aria-rowcount")) - 1;
  return {
    ...picked,
    members,
    ...(await countElements(page)),
    ...warm,
    coldFirstPictureMs: cold.firstPictureMs,
    frameMs: await panAndZoom(page),
    tableScrollFrameMs: await scrollMemberTable(page),
    drawing: await readDrawing(page),
  };
}

async function timeCampaignPicture(page: Page, url: string) {
  // The page streams: its shell arrives at once, the campaign when the server has searched it; `load` waits for the latter.
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction(() => (window.__ringscopeCy?.nodes().length ?? 0) > 0, null, { timeout: 600_000, polling: "raf" });
  const firstPictureMs = await afterTwoFrames(page);
  // The rows are fetched after hydration, well after the map's first frame: checked every frame from here.
  const table = await page.waitForFunction(() => (document.querySelector('[role="table"][aria-label="Campaign members"]') ? performance.now() : 0), null, {
    timeout: 600_000,
    polling: "raf",
  });
  const tableMs = await table.jsonValue();
  // The layout starts in the same effects flush that draws the nodes, so aria-busy is already "true" if it is still running.
  await page.locator('[data-testid="graph-canvas"][aria-busy="false"]').waitFor({ timeout: 120_000 });
  const laidOutMs = await afterTwoFrames(page);
  await page.waitForLoadState("load");
  const navigation = await page.evaluate(() => {
    const entry = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { responseStart: entry.responseStart, responseEnd: entry.responseEnd, transferred: entry.transferSize, decoded: entry.decodedBodySize };
  });
  return {
    responseStartMs: navigation.responseStart,
    responseEndMs: navigation.responseEnd,
    firstPictureMs,
    firstPictureAfterResponseMs: firstPictureMs - navigation.responseEnd,
    laidOutMs,
    tableMs,
    htmlBytes: { transferred: navigation.transferred, decoded: navigation.decoded },
  };
}

/** Turns the wheel over the member table's rows, one view's height per notch, until its last member is in view. */
async function scrollMemberTable(page: Page): Promise<FrameStats & { lastRow: number }> {
  const table = page.getByRole("table", { name: "Campaign members" });
  // The header row stays put; the members scroll in the second row group.
  const body = table.getByRole("rowgroup").last();
  await body.scrollIntoViewIfNeeded();
  const box = await body.boundingBox();
  if (!box) throw new Error("the member table is not on the page");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const isAtEnd = () => body.evaluate((element) => element.scrollTop + element.clientHeight >= element.scrollHeight - 1);
  const rows = Number(await table.getAttribute("aria-rowcount"));
  await startRecordingFrames(page);
  for (let notch = 1; !(notch % 20 === 0 && (await isAtEnd())); notch++) {
    if (notch > rows) throw new Error("the member table does not scroll to its end");
    await page.mouse.wheel(0, box.height);
  }
  const frames = await stopRecordingFrames(page);
  await afterTwoFrames(page);
  // Row indexes count the header row first.
  const lastRow = Number(await table.getByRole("row").last().getAttribute("aria-rowindex")) - 1;
  return { ...frames, lastRow };
}
