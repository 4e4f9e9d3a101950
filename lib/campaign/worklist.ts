import { createHash, randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { parseOptions } from "@/lib/graph/option-schemas";
import { readQuery, writeQuery } from "@/lib/neo4j";
import { plural } from "@/lib/plural";
import { CROWD_KINDS } from "./campaign-map";
import { describeCampaign, discoverCampaign, findCampaign } from "./find-campaign";
import { campaignOptionsSchema } from "./options";
import { HIGH_RISK } from "./risk";
import { markSearchedCypher } from "./worklist-marks";
import { campaignViewFor, hasCurrentView, storeView } from "./stored-views";
import type { CampaignResult } from "./types";

/**
 * The investigator's morning queue: every campaign in the graph, ranked by
 * risk and size. Seeds come from shared identifiers (a card, device, phone
 * or extra attribute used by several accounts, never an address, domain or
 * template, which crowds share); each discovery covers its members, so a
 * 24k-account campaign is searched once however many cards it used.
 *
 * Campaigns are stored as (:Campaign)<-[:MEMBER_OF]-(:Account). A new result
 * takes the id of the stored campaign it overlaps most, so ids survive
 * reloads and incremental ingests; an incremental refresh only re-searches
 * around identifiers that gained accounts since they were last searched.
 */
export interface WorklistOptions {
  /** Smallest cluster worth a place in the queue. */
  minSize: number;
  /** Only re-search around identifiers that gained accounts since they were last searched. */
  incremental: boolean;
  /** Campaigns at least this large get their campaign view stored as they are queued (default STORED_VIEW_MIN_SIZE). */
  viewMinSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export type WorklistEntry = {
  campaign_id: string;
  size: number;
  risk: number;
  reasons: string[];
  bounded: boolean;
  seeds: string[];
  created_at: string;
  updated_at: string;
  /** When the campaign last gained members (equal to created_at until then). */
  grown_at: string;
  previous_size: number;
};

/** The smallest cluster the worklist keeps unless told otherwise. */
export const WORKLIST_MIN_SIZE = 5;

// Crowds share these (an email address is one person's, so it seeds nothing either).
const SEED_KINDS_EXCLUDED = [...CROWD_KINDS, "email"];
/** A stored campaign keeps its id when a new result shares at least this share of its members. */
const SAME_CAMPAIGN_OVERLAP = 0.5;
const SEED_ATTRIBUTE_MAX_ACCOUNTS = 5_000;
/**
 * The walk's budget per worklist search. A seed with no bounded community
 * around it (most benign seeds) would otherwise spend the full default budget
 * before settling for its tight cluster. Six stages still reach a campaign of
 * several thousand among 200k accounts; a larger one is found piece by piece.
 */
const WORKLIST_MAX_STAGES = 6;
/**
 * Each seed is first looked at cheaply: its tight cluster and that cluster's
 * risk (no walk). Only a cluster that already looks risky pays for the walk
 * to its whole campaign; a household or an office is queued as its cluster.
 * Benign clusters score under 0.1 and a campaign's sub-groups over 0.8, so
 * the cut is far from both.
 */
const WALK_RISK = 0.5;
/**
 * Campaigns at least this large get their campaign view computed and stored
 * as they are queued (stored-views.ts): searching one takes seconds, and the
 * investigator opens them from this list. Smaller ones open in about a second.
 */
const STORED_VIEW_MIN_SIZE = 1_000;

// An incremental refresh searches only around attributes whose count moved
// since they were last searched (worklist-marks.ts): where accounts were
// linked since (a reload links none, so it changes nothing). The lowest
// account id is the seed, so the same graph always gives the same searches.
const seedCandidatesCypher = `
MATCH (t:Attribute)
WHERE t.account_count >= $minSize AND t.account_count <= $maxAccounts
  AND NOT t.kind IN $excludedKinds AND t.benign_marked_at IS NULL
  AND (NOT $incremental OR t.account_count <> coalesce(t.worklist_count, 0))
MATCH (t)<-[:USES]-(a:Account)
WITH t, min(a.account_id) AS seed
RETURN t.key AS key, seed ORDER BY t.account_count DESC, t.key`;

/** What a refresh did: campaigns stored, seeds searched, campaigns dissolved, campaign views computed again (refreshStaleViews), and the worklist after it. */
export interface WorklistRefresh {
  found: number;
  searched: number;
  dissolved: number;
  views: number;
  entries: WorklistEntry[];
}

export async function refreshWorklist(options: WorklistOptions): Promise<WorklistRefresh> {
  const startedAt = new Date().toISOString();
  const candidates = await readQuery<{ key: string; seed: string }>(seedCandidatesCypher, {
    minSize: options.minSize,
    maxAccounts: SEED_ATTRIBUTE_MAX_ACCOUNTS,
    excludedKinds: SEED_KINDS_EXCLUDED,
    incremental: options.incremental,
  });
  const viewMinSize = options.viewMinSize ?? STORED_VIEW_MIN_SIZE;
  const flagged = await readQuery<{ seed: string }>(flaggedSeedsCypher, { startedAt });
  const seeds = [...candidates.map((candidate) => candidate.seed), ...flagged.map((campaign) => campaign.seed)];
  const covered = new Set<string>();
  let searched = 0;
  let found = 0;
  for (const [index, seed] of seeds.entries()) {
    options.onProgress?.(index, seeds.length);
    if (covered.has(seed)) continue;
    searched++;
    const result = await searchAround(seed, viewMinSize);
    result.accounts.forEach((member) => covered.add(member.account_id));
    if (result.accounts.length < options.minSize) continue;
    await storeCampaign(result, startedAt);
    found++;
  }
  await writeQuery(markSearchedCypher, { keys: candidates.map((candidate) => candidate.key) });
  const dissolved = await dissolveUnfound(startedAt, options.incremental);
  const views = await refreshStaleViews(viewMinSize);
  await writeQuery("CREATE (:WorklistRun {run_id: $runId, started_at: datetime($startedAt), finished_at: datetime(), searched: $searched, found: $found})", {
    runId: randomUUID(),
    startedAt,
    searched,
    found,
  });
  return { found, searched, dissolved, views, entries: await readWorklist({}) };
}

/** What the worklist leaves out of a result it only ranks and stores: near misses and cited sessions. */
const RANKING_ONLY = { nearMisses: 0, citedEvidence: 0 };

/** The seed's campaign: its tight cluster when that shows no risk, else what the walk finds. */
async function searchAround(seed: string, viewMinSize: number): Promise<CampaignResult> {
  const cluster = await findCampaign({ seeds: [seed], maxStages: 0, ...RANKING_ONLY });
  if (cluster.risk.score >= WALK_RISK) return walkToCampaign(seed, viewMinSize);
  // The campaign view of a large cluster runs its own search, which walks.
  if (cluster.accounts.length >= viewMinSize) await campaignViewFor({ seeds: [seed] });
  return cluster;
}

/** The walk from a seed within the worklist's budget, storing the campaign view of a large result. */
async function walkToCampaign(seed: string, viewMinSize: number): Promise<CampaignResult> {
  const viewOptions = parseOptions(campaignOptionsSchema, { seeds: [seed] });
  const computedAt = new Date().toISOString();
  const found = await discoverCampaign({ ...viewOptions, maxStages: WORKLIST_MAX_STAGES });
  if (found.discovery.members.length < viewMinSize || (await hasCurrentView(viewOptions))) return describeCampaign(found, RANKING_ONLY);
  if (found.discovery.bounded) {
    // Bounded within the worklist's stages, which the view's own search passes through alike: it would find these very members, so describe them in full once.
    const result = await describeCampaign(found, viewOptions);
    await storeView(viewOptions, result, computedAt);
    return result;
  }
  // Cut short by the worklist's stage budget: the view's own search may reach further.
  await campaignViewFor(viewOptions);
  return describeCampaign(found, RANKING_ONLY);
}

// Campaigns a benign mark, its clearing or a hand-made membership change may have changed (worklist-marks.ts), searched again from their first seed.
const flaggedSeedsCypher = `
MATCH (c:Campaign) WHERE c.search_again <= datetime($startedAt)
RETURN c.seeds[0] AS seed ORDER BY c.campaign_id`;

// Not stored again by this run: after a full refresh, every such campaign; after an incremental one, those it was asked to search again.
// A request made while the run was going stays for the next one.
const dissolveCypher = `
MATCH (c:Campaign)
WHERE c.dissolved_at IS NULL AND c.updated_at < datetime($startedAt) AND (NOT $incremental OR c.search_again <= datetime($startedAt))
SET c.dissolved_at = datetime($startedAt)
RETURN count(c) AS dissolved`;

/**
 * Takes out of the worklist the stored campaigns this run should have found
 * again and did not (a benign mark cut what tied them; their members now
 * belong to another campaign; a search found fewer than the minimum). They
 * are kept, marked dissolved, with their members and the investigators'
 * hand-made membership decisions: a later run that finds them again stores
 * them under the same id. Clears the requests to search again it answered.
 */
async function dissolveUnfound(startedAt: string, incremental: boolean): Promise<number> {
  const { rows } = await writeQuery<{ dissolved: number }>(dissolveCypher, { startedAt, incremental });
  await writeQuery("MATCH (c:Campaign) WHERE c.search_again <= datetime($startedAt) REMOVE c.search_again", { startedAt });
  return rows[0]?.dissolved ?? 0;
}

const largeCampaignsCypher = `
MATCH (c:Campaign) WHERE c.size >= $minSize AND c.dissolved_at IS NULL
RETURN c.seeds AS seeds ORDER BY c.size DESC, c.campaign_id`;

/**
 * Every load, benign mark and membership change makes all stored views stale, also those of
 * campaigns an incremental refresh did not search again: each large
 * campaign without a current view gets it computed again here, so the
 * morning queue's campaigns keep opening without a search after every ingest.
 * Returns how many were computed.
 */
async function refreshStaleViews(minSize: number): Promise<number> {
  const campaigns = await readQuery<{ seeds: string[] }>(largeCampaignsCypher, { minSize });
  let computed = 0;
  for (const { seeds } of campaigns) {
    if (await hasCurrentView({ seeds })) continue;
    await campaignViewFor({ seeds }, { rerun: true });
    computed++;
  }
  return computed;
}

const matchStoredCypher = `
UNWIND $members AS id
MATCH (:Account {account_id: id})-[:MEMBER_OF]->(c:Campaign)
WITH c, count(*) AS shared
WHERE shared >= $overlap * c.size
RETURN c.campaign_id AS id, c.size AS size ORDER BY shared DESC LIMIT 1`;

const storeCypher = `
MERGE (c:Campaign {campaign_id: $id})
ON CREATE SET c.created_at = datetime($now), c.grown_at = datetime($now), c.previous_size = 0
WITH c, coalesce(c.size, 0) AS oldSize
SET c.previous_size = CASE WHEN $size <> oldSize THEN oldSize ELSE c.previous_size END,
    c.grown_at = CASE WHEN $size > oldSize THEN datetime($now) ELSE c.grown_at END,
    c.size = $size, c.risk = $risk, c.reasons = $reasons, c.bounded = $bounded, c.seeds = $seeds,
    c.updated_at = datetime($now), c.dissolved_at = null
WITH c
OPTIONAL MATCH (c)<-[old:MEMBER_OF]-(:Account)
DELETE old
WITH DISTINCT c
UNWIND $members AS member
MATCH (a:Account {account_id: member.id})
CREATE (a)-[:MEMBER_OF {score: member.score}]->(c)`;

/** Stores a result under the id of the stored campaign it overlaps most, or under a new id. */
async function storeCampaign(result: CampaignResult, now: string): Promise<void> {
  const ids = result.accounts.map((member) => member.account_id);
  const [stored] = await readQuery<{ id: string }>(matchStoredCypher, { members: ids, overlap: SAME_CAMPAIGN_OVERLAP });
  await writeQuery(storeCypher, {
    id: stored?.id ?? newCampaignId(ids),
    now,
    size: ids.length,
    risk: result.risk.score,
    reasons: result.risk.reasons.map((reason) => reason.code),
    bounded: result.stats.bounded,
    seeds: result.seeds,
    members: result.accounts.map((member) => ({ id: member.account_id, score: member.score })),
  });
}

/** Derived from the members at first sight, so two fresh databases loaded alike name their campaigns alike. */
function newCampaignId(members: string[]): string {
  const first = [...members].sort()[0] ?? "";
  return `cmp-${createHash("sha1").update(first).digest("hex").slice(0, 10)}`;
}

/** The refresh this server process is running for the app, if any. */
let refreshAsked: Promise<WorklistRefresh> | undefined;

/**
 * An incremental refresh asked for from the app (the Campaigns page's
 * button), as `ringscope campaigns --refresh` does it. A request while one
 * runs gets that one's result instead of starting a second search of the
 * same graph. (A CLI refresh in another process is not seen; two at once
 * store the same campaigns under the same ids, each doing the work.)
 */
export function refreshOnRequest(): Promise<WorklistRefresh> {
  refreshAsked ??= refreshWorklist({ minSize: WORKLIST_MIN_SIZE, incremental: true }).finally(() => {
    refreshAsked = undefined;
  });
  return refreshAsked;
}

/** "12 campaigns stored from 40 searches, 1 dissolved, 2 campaign views computed again", for the CLI. */
export function describeRefresh({ found, searched, dissolved, views }: Omit<WorklistRefresh, "entries">): string {
  return `${plural(found, "campaign")} stored from ${plural(searched, "search", "searches")}, ${dissolved} dissolved, ${plural(views, "campaign view")} computed again`;
}

/** "new", "grown from N" or "": what changed since `since` (default: the campaign's last refresh). */
export function describeChange(entry: WorklistEntry, since?: string): string {
  // Compared as instants: Neo4j writes "…46.34Z" where toISOString writes "…46.340Z".
  const reference = Date.parse(since ?? entry.updated_at);
  if (Date.parse(entry.created_at) >= reference) return "new";
  if (Date.parse(entry.grown_at) >= reference) return `grown from ${entry.previous_size}`;
  return "";
}

/** The stored campaigns still standing, only those new or grown since `$since` when it is not null. */
const listedCampaigns = `
MATCH (c:Campaign) WHERE c.dissolved_at IS NULL
  AND ($since IS NULL OR c.grown_at >= datetime($since) OR c.created_at >= datetime($since))`;

const worklistCypher = `${listedCampaigns}
RETURN c.campaign_id AS campaign_id, c.size AS size, c.risk AS risk, c.reasons AS reasons, c.bounded AS bounded,
       c.seeds AS seeds, toString(c.created_at) AS created_at, toString(c.updated_at) AS updated_at,
       toString(c.grown_at) AS grown_at, c.previous_size AS previous_size
ORDER BY c.risk DESC, c.size DESC, c.campaign_id
LIMIT toInteger($limit)`;

/** A `since` as an ISO instant, or a message saying what a valid one looks like. */
export function parseSince(text: string): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new AppError("BAD_REQUEST", `"${text}" is not a date or time: use a date such as 2026-02-01 or a time such as 2026-02-01T09:00:00Z`);
  return new Date(time).toISOString();
}

/** The stored worklist, riskiest and largest first; `since` keeps only campaigns new or grown since then. */
export async function readWorklist({ limit = 1_000, since }: { limit?: number; since?: string }): Promise<WorklistEntry[]> {
  return readQuery<WorklistEntry>(worklistCypher, { limit, since: since ?? null });
}

const worklistCountsCypher = `${listedCampaigns}
RETURN count(c) AS campaigns, count(CASE WHEN c.risk >= $highRisk THEN 1 END) AS highRisk`;

/** How many campaigns the worklist holds (with `since`, how many are new or grown), and how many of them score at least HIGH_RISK. */
export async function countWorklist({ since }: { since?: string }): Promise<{ campaigns: number; highRisk: number }> {
  const [row] = await readQuery<{ campaigns: number; highRisk: number }>(worklistCountsCypher, { since: since ?? null, highRisk: HIGH_RISK });
  return row ?? { campaigns: 0, highRisk: 0 };
}
