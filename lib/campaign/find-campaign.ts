import { AppError } from "@/lib/errors/app-error";
import { readQuery } from "@/lib/neo4j";
import { parseInput } from "@/lib/validation/parse";
import { discoverMembers, type Discovery } from "./discover";
import { citeSessions, confidence, evidenceFor, kindOf, readWindows, valueOf, type EvidenceContext } from "./evidence";
import { attributeSizes } from "./links";
import { campaignOptionsSchema, type CampaignOptions } from "./options";
import { pullOutward } from "./refine";
import { scoreRisk } from "./risk";
import { measureSignals } from "./signals";
import type { CampaignAttribute, CampaignMember, CampaignResult, NearMiss } from "./types";

/**
 * The whole campaign behind one or more seed accounts: its members, each
 * with the evidence that ties it in, the attributes that bind them, the
 * accounts just outside with why they were left out, and the campaign's risk.
 */
export async function findCampaign(input: CampaignOptions): Promise<CampaignResult> {
  const started = performance.now();
  const options = parseInput(campaignOptionsSchema, input);
  const seeds = [...new Set(options.seeds)];
  await assertAccountsExist(seeds);
  const discovery = await discoverMembers({ ...options, seeds });
  const discovered = performance.now();

  const sharedKeys = [...discovery.inside].filter(([, count]) => count >= 2).map(([key]) => key);
  const windows = await readWindows(discovery.members, discovery.nearMisses, sharedKeys);
  const context: EvidenceContext = { links: discovery.links, inside: discovery.inside, population: discovery.population, windows };
  const accounts = discovery.members.map((id): CampaignMember => {
    const evidence = evidenceFor(id, true, context);
    return { account_id: id, score: confidence(evidence), evidence };
  });
  const nearMisses = discovery.nearMisses.map((id) => describeNearMiss(id, discovery, context));
  await citeSessions(new Map([...accounts, ...nearMisses].map((item) => [item.account_id, item.evidence])), options.citedEvidence);
  const evidenced = performance.now();

  const risk = scoreRisk(await measureSignals(discovery.members, discovery.links, discovery.inside));
  const finished = performance.now();
  return {
    seed: seeds[0] ?? "",
    seeds,
    risk,
    accounts,
    attributes: bindingAttributes(discovery, sharedKeys),
    nearMisses,
    stats: {
      members: accounts.length,
      bounded: discovery.bounded,
      conductance: Math.round(discovery.conductance * 10_000) / 10_000,
      reached: discovery.reached,
      stages: discovery.stages,
      population: discovery.population,
      millis: {
        discovery: Math.round(discovered - started),
        evidence: Math.round(evidenced - discovered),
        risk: Math.round(finished - evidenced),
        total: Math.round(finished - started),
      },
    },
  };
}

const existingCypher = `
UNWIND $ids AS id
OPTIONAL MATCH (a:Account {account_id: id})
WITH id, a WHERE a IS NULL
RETURN collect(id) AS missing`;

async function assertAccountsExist(ids: string[]): Promise<void> {
  const [row] = await readQuery<{ missing: string[] }>(existingCypher, { ids });
  const missing = row?.missing ?? [];
  if (missing.length > 0) {
    const listed = missing.slice(0, 5).map((id) => `"${id}"`).join(", ");
    throw new AppError("NOT_FOUND", `No account ${listed}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""} in the graph.`);
  }
}

function describeNearMiss(id: string, discovery: Discovery, context: EvidenceContext): NearMiss {
  const evidence = evidenceFor(id, false, context);
  const outwardPull = pullOutward(id, discovery.links, discovery.inside, false);
  const strongest = evidence[0];
  const tie = strongest
    ? `its strongest tie, ${strongest.kind} ${strongest.value}, is used by ${strongest.accounts} accounts of which ${strongest.inCampaign} are members`
    : "it shares nothing with the members that they do not also share with many outsiders";
  return {
    account_id: id,
    outwardPull: Math.round(outwardPull * 1000) / 1000,
    reason: `${tie}; its ties point outward ${outwardPull.toFixed(2)} per unit against the campaign's boundary of ${discovery.conductance.toFixed(2)}`,
    evidence,
  };
}

/** Attributes at least two members share, the most binding first (members × share of the attribute's use inside). */
function bindingAttributes(discovery: Discovery, sharedKeys: string[]): CampaignAttribute[] {
  const sizes = attributeSizes(discovery.links);
  return sharedKeys
    .map((key) => {
      const accounts = sizes.get(key) ?? 0;
      const inCampaign = discovery.inside.get(key) ?? 0;
      return { key, kind: kindOf(key), value: valueOf(key), accounts, inCampaign, share: Math.round((inCampaign / accounts) * 1000) / 1000 };
    })
    .sort((a, b) => b.inCampaign * b.share - a.inCampaign * a.share || a.key.localeCompare(b.key));
}
