import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import { AppError } from "@/lib/errors/app-error";
import { parseOptions } from "@/lib/graph/option-schemas";
import { readQuery, writeQuery } from "@/lib/neo4j";
import { campaignView, type CampaignView } from "./campaign-view";
import { findCampaign } from "./find-campaign";
import { labelsChangedAtCypher } from "./labels";
import { queuedCampaignOf } from "./queued-campaign";
import { campaignOptionsSchema, type CampaignOptions, type ResolvedCampaignOptions } from "./options";
import type { CampaignResult } from "./types";

/**
 * Campaign views already computed, kept in Neo4j beside the graph. Searching
 * a campaign of thousands takes seconds and the worklist has searched its
 * campaigns already, so the campaign view shows a stored view for the same
 * seeds and thresholds as long as nothing it depends on has changed since it
 * was computed: no load has started since (IngestRun) and no label has been
 * written since (labels.ts stamps every label write). The view says when it
 * was computed and can be re-run.
 */
export interface ShownView {
  view: CampaignView;
  /** When the search behind it started (ISO-8601, as Date.toISOString writes it: Neo4j drops trailing zeros of the milliseconds). */
  computedAt: string;
  /** Whether it came from the store rather than a search just now. */
  stored: boolean;
  /** Set when this is the stored view of the worklist campaign the asked-for seed belongs to: the seeds it was searched from. */
  searchedFrom?: string[];
}

// The last change a view depends on, as `changedAt`: the start of the latest load or the latest label write (null before either).
const changedAtCypher = `
CALL () { OPTIONAL MATCH (r:IngestRun) RETURN max(r.started_at) AS loaded }
${labelsChangedAtCypher}
WITH *, CASE WHEN labelsChangedAt IS NULL OR loaded >= labelsChangedAt THEN loaded ELSE labelsChangedAt END AS changedAt`;

const freshViewCypher = `
MATCH (v:CampaignView {key: $key})
${changedAtCypher}
WHERE changedAt IS NULL OR v.computed_at >= changedAt`;

const storeViewCypher = `
MERGE (v:CampaignView {key: $key})
SET v.view = $view, v.computed_at = datetime($computedAt), v.seeds = $seeds`;

// A view computed before the last change can never be current again: each store clears them out.
const pruneStaleViewsCypher = `
${changedAtCypher}
MATCH (stale:CampaignView) WHERE stale.computed_at < changedAt
DETACH DELETE stale`;

/** The view for these seeds and thresholds: the stored one while still current (unless `rerun`), else searched now and stored. */
export async function campaignViewFor(input: CampaignOptions, { rerun = false }: { rerun?: boolean } = {}): Promise<ShownView> {
  const options = parseOptions(campaignOptionsSchema, input);
  const stored = rerun ? undefined : ((await currentView(options)) ?? (await queuedCampaignView(options)));
  if (stored) return stored;
  const computedAt = new Date().toISOString();
  return storeView(options, await findCampaign(options), computedAt);
}

/** The stored view for these seeds and thresholds, if nothing it depends on has changed since it was computed. */
export async function currentView(input: CampaignOptions): Promise<ShownView | undefined> {
  const [row] = await readQuery<{ view: string; computedAt: string }>(`${freshViewCypher} RETURN v.view AS view, toString(v.computed_at) AS computedAt`, {
    key: viewKey(parseOptions(campaignOptionsSchema, input)),
  });
  return row && { view: unpack(row.view), computedAt: new Date(row.computedAt).toISOString(), stored: true };
}

/** Whether `currentView` would find one, without reading it (a 24k campaign's view is 6 MB unpacked). */
export async function hasCurrentView(input: CampaignOptions): Promise<boolean> {
  const rows = await readQuery(`${freshViewCypher} RETURN true AS found`, { key: viewKey(parseOptions(campaignOptionsSchema, input)) });
  return rows.length > 0;
}

const viewAtCypher = `
MATCH (v:CampaignView {key: $key}) WHERE v.computed_at = datetime($computedAt)
RETURN v.view AS view`;

/**
 * The view a page showed, found by when it was computed, current or not: the
 * parts the page fetches later (its rows, an opened group, the CSV) must be
 * those of the view it drew, also after a label write has made that view
 * stale. Looked up under its own key, then under that of the worklist
 * campaign its seed belongs to (as queuedCampaignView shows it); a 409
 * once it has been computed again or pruned.
 */
export async function viewShownAt(input: CampaignOptions, computedAt: string): Promise<ShownView> {
  const options = parseOptions(campaignOptionsSchema, input);
  const shown = (await viewAt(viewKey(options), computedAt)) ?? (await queuedViewAt(options, computedAt));
  if (!shown) throw new AppError("CONFLICT", "This campaign view has been computed again since the page showed it: reload the page to see the new one.");
  return shown;
}

async function queuedViewAt(options: ResolvedCampaignOptions, computedAt: string): Promise<ShownView | undefined> {
  const queued = options.seeds.length === 1 ? await queuedCampaignOf(options.seeds[0]!) : undefined;
  return queued && viewAt(viewKey({ ...options, seeds: queued.seeds }), computedAt);
}

async function viewAt(key: string, computedAt: string): Promise<ShownView | undefined> {
  const [row] = await readQuery<{ view: string }>(viewAtCypher, { key, computedAt });
  return row && { view: unpack(row.view), computedAt, stored: true };
}

/**
 * One account searched with the default thresholds, when it is a member of a
 * worklist campaign whose view is stored and current: that view, naming the
 * seeds it was searched from. The campaign of tens of thousands then opens in
 * a second from any of its members rather than after a search of 10-20 s;
 * "search from this account" searches from the account itself.
 */
async function queuedCampaignView(options: ResolvedCampaignOptions): Promise<ShownView | undefined> {
  const [seed, ...others] = options.seeds;
  if (seed === undefined || others.length > 0 || viewKey(options) !== viewKey(parseOptions(campaignOptionsSchema, { seeds: [seed] }))) return undefined;
  const queued = await queuedCampaignOf(seed);
  if (!queued) return undefined;
  const shown = await currentView({ seeds: queued.seeds });
  return shown?.view.rows.some((member) => member.id === seed) ? { ...shown, searchedFrom: queued.seeds } : undefined;
}

/** Keeps the result of a search with these seeds and thresholds, started at `computedAt`, as their view. */
export async function storeView(input: CampaignOptions, result: CampaignResult, computedAt: string): Promise<ShownView> {
  const options = parseOptions(campaignOptionsSchema, input);
  const view = campaignView(result);
  await writeQuery(storeViewCypher, { key: viewKey(options), view: pack(view), computedAt, seeds: options.seeds });
  await writeQuery(pruneStaleViewsCypher);
  return { view, computedAt, stored: false };
}

/** Same seeds (in any order, repeated or not) and same thresholds give the same key. */
function viewKey(options: ResolvedCampaignOptions): string {
  const canonical = { ...options, seeds: [...new Set(options.seeds)].sort() };
  return createHash("sha1").update(JSON.stringify(canonical, Object.keys(canonical).sort())).digest("hex");
}

// Gzipped, then base64 text: the driver decodes a byte array one byte at a time (13 s for the 1.6 MB of a 24k campaign), a string at once.
function pack(view: CampaignView): string {
  return gzipSync(JSON.stringify(view), { level: 1 }).toString("base64");
}

function unpack(packed: string): CampaignView {
  return JSON.parse(gunzipSync(Buffer.from(packed, "base64")).toString("utf8")) as CampaignView;
}
