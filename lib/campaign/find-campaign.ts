import { parseOptions } from "@/lib/graph/option-schemas";
import { kindOfKey, valueOfKey } from "@/lib/ingest/write/attribute-kinds";
import { assertAccountsExist } from "./accounts-exist";
import { discoverMembers, type Discovery } from "./discover";
import { readManualMembership } from "./labels";
import { countInside, pullOutward } from "./refine";
import { confidence, evidenceByAttribute, evidenceFor, round, sharedUseOf, type EvidenceContext } from "./evidence";
import { attributeSizes } from "./links";
import { IsoTimes } from "./iso-time";
import { readMemberSessions, type AccountActivity } from "./member-sessions";
import { campaignOptionsSchema, type CampaignOptions, type ResolvedCampaignOptions } from "./options";
import { scoreRisk } from "./risk";
import { campaignSignals } from "./signals";
import type { CampaignAttribute, CampaignMember, CampaignResult, Evidence, NearMiss } from "./types";

/**
 * The whole campaign behind one or more seed accounts: its members, each
 * with the evidence that ties it in, the attributes that bind them, the
 * accounts just outside with why they were left out, and the campaign's risk.
 */
export async function findCampaign(input: CampaignOptions): Promise<CampaignResult> {
  const options = parseOptions(campaignOptionsSchema, input);
  return describeCampaign(await discoverCampaign(options), options);
}

/** Who the members are, before any evidence is written up: the costly half of a search. */
export interface FoundMembers {
  seeds: string[];
  discovery: Discovery;
  manuallyAdded: string[];
  /** performance.now() when the search started and when discovery ended. */
  started: number;
  discovered: number;
}

export async function discoverCampaign(options: ResolvedCampaignOptions): Promise<FoundMembers> {
  const started = performance.now();
  const seeds = [...new Set(options.seeds)];
  await assertAccountsExist(seeds);
  const manual = await readManualMembership(seeds);
  const discovery = withManualMembership(await discoverMembers({ ...options, seeds: [...new Set([...seeds, ...manual.added])] }), manual, seeds);
  return { seeds, discovery, manuallyAdded: manual.added, started, discovered: performance.now() };
}

/** The evidence, citations, near misses and risk of found members; `nearMisses` at most what discovery kept. */
export async function describeCampaign(
  { seeds, discovery, manuallyAdded, started, discovered }: FoundMembers,
  options: Pick<ResolvedCampaignOptions, "nearMisses" | "citedEvidence">,
): Promise<CampaignResult> {
  const sharedKeys = [...discovery.inside].filter(([, count]) => count >= 2).map(([key]) => key);
  const shared = sharedUseOf(discovery.members, sharedKeys, discovery.links);
  const context: EvidenceContext = { links: discovery.links, inside: discovery.inside, population: discovery.population, shared, times: new IsoTimes() };
  const manual = new Set(manuallyAdded);
  const [members, outside] = await Promise.all([
    describeReadingSessions(discovery.members, discovery.nodes, options.citedEvidence, (id) => describeMember(id, context, manual)),
    describeReadingSessions(discovery.nearMisses.slice(0, options.nearMisses), discovery.nodes, options.citedEvidence, (id) => describeNearMiss(id, discovery, context)),
  ]);
  const accounts = members.described;
  const risk = scoreRisk(campaignSignals(members.activities, discovery.members, discovery.links, discovery.inside));
  const finished = performance.now();
  return {
    seed: seeds[0] ?? "",
    seeds,
    risk,
    accounts,
    attributes: bindingAttributes(discovery, sharedKeys, evidenceByAttribute(accounts)),
    nearMisses: outside.described,
    stats: {
      members: accounts.length,
      bounded: discovery.bounded,
      conductance: Math.round(discovery.conductance * 10_000) / 10_000,
      reached: discovery.reached,
      stages: discovery.stages,
      population: discovery.population,
      millis: {
        discovery: Math.round(discovered - started),
        evidenceAndRisk: Math.round(finished - discovered),
        total: Math.round(finished - started),
      },
    },
  };
}

/** Accounts written up before yielding, so that the reads started meanwhile go out and their answers come in. */
const DESCRIBED_PER_SLICE = 2_000;

/**
 * `describe` applied to every id, with the accounts' activity and citing
 * sessions for their evidence (read in one pass, see member-sessions.ts).
 * The ids are written up a slice at a time and each slice's sessions read
 * while the next one is written up, so that the server's work and this
 * process's overlap.
 */
async function describeReadingSessions<Item extends { account_id: string; evidence: Evidence[] }>(
  ids: string[],
  nodes: Map<string, number>,
  citedEvidence: number,
  describe: (id: string) => Item,
): Promise<{ described: Item[]; activities: AccountActivity[] }> {
  const described: Item[] = [];
  const reads: Promise<AccountActivity[]>[] = [];
  for (let start = 0; start < ids.length; start += DESCRIBED_PER_SLICE) {
    const slice = ids.slice(start, start + DESCRIBED_PER_SLICE).map(describe);
    described.push(...slice);
    const readers = slice.flatMap((item) => {
      const node = nodes.get(item.account_id);
      return node === undefined ? [] : [{ node, evidence: item.evidence }];
    });
    const read = readMemberSessions(readers, citedEvidence);
    // Awaited below with the others; a failure meanwhile must not count as unhandled.
    read.catch(() => undefined);
    reads.push(read);
    await new Promise(setImmediate);
  }
  return { described, activities: (await Promise.all(reads)).flat() };
}

function describeMember(id: string, context: EvidenceContext, manuallyAdded: Set<string>): CampaignMember {
  const evidence = evidenceFor(id, true, context);
  return { account_id: id, score: confidence(evidence), evidence, ...(manuallyAdded.has(id) ? { manual: "added" as const } : {}) };
}

/**
 * Accounts an investigator added walk as seeds (above); those they removed
 * leave the result, unless they are one of this run's seeds.
 */
function withManualMembership(discovery: Discovery, manual: { removed: string[] }, seeds: string[]): Discovery {
  const removed = new Set(manual.removed.filter((id) => !seeds.includes(id)));
  if (removed.size === 0) return discovery;
  const members = discovery.members.filter((id) => !removed.has(id));
  return { ...discovery, members, inside: countInside(new Set(members), discovery.links) };
}

function describeNearMiss(id: string, discovery: Discovery, context: EvidenceContext): NearMiss {
  const evidence = evidenceFor(id, false, context);
  const outwardPull = pullOutward(id, discovery.links, discovery.inside, false);
  const strongest = evidence[0];
  const tie = strongest
    ? `its strongest tie, ${strongest.kind} ${strongest.value}, is used by ${strongest.accounts.toLocaleString("en")} accounts of which ${strongest.inCampaign.toLocaleString("en")} are members`
    : "it shares nothing with the members that they do not also share with many outsiders";
  return {
    account_id: id,
    outwardPull: Math.round(outwardPull * 1000) / 1000,
    reason: `${tie}; its ties point outward ${outwardPull.toFixed(2)} per unit against the campaign's boundary of ${discovery.conductance.toFixed(2)}`,
    evidence,
  };
}

/** Attributes at least two members share, the most binding first: the most evidence summed over the members (evidenceByAttribute). */
function bindingAttributes(discovery: Discovery, sharedKeys: string[], evidence: Map<string, number>): CampaignAttribute[] {
  const sizes = attributeSizes(discovery.links);
  return sharedKeys
    .map((key) => {
      const accounts = sizes.get(key) ?? 0;
      const inCampaign = discovery.inside.get(key) ?? 0;
      const share = Math.round((inCampaign / accounts) * 1000) / 1000;
      return { key, kind: kindOfKey(key), value: valueOfKey(key), accounts, inCampaign, share, evidence: round(evidence.get(key) ?? 0) };
    })
    .sort((a, b) => b.evidence - a.evidence || a.key.localeCompare(b.key));
}
