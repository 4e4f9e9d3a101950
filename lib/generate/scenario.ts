/**
 * Builds the whole scenario in memory (accounts as typed-array columns, plus
 * the small shared infrastructure), ready to be streamed out. Benign accounts
 * come first in index order, campaigns after; files list them by sign-up time.
 */
import { buildBenign, type BenignWorld } from "./benign";
import type { BuildContext } from "./build-context";
import { TokenCounters, type CampaignBuildContext, type CampaignModel } from "./campaign";
import { buildFarm } from "./campaign-farm";
import { buildProxyCampaign } from "./campaign-proxy";
import { buildRing } from "./campaign-ring";
import { DomainTable } from "./domains";
import { IdFormatter } from "./identifiers";
import { planNetwork, type NetworkPlan } from "./network";
import { createPopulation, type Population } from "./population";
import { campaignMemberTotal, type PresetSpec } from "./presets";
import { hash32, seedFor } from "./prng";
import { allocateBenignSessions } from "./session-budget";

export interface Scenario {
  spec: PresetSpec;
  /** The rng the caller asked for, as given. */
  rng: number;
  /** The 32-bit root every random stream derives from. */
  seed: number;
  pop: Population;
  ids: IdFormatter;
  net: NetworkPlan;
  domains: DomainTable;
  benign: BenignWorld;
  campaigns: CampaignModel[];
}

export function rootSeed(rng: number): number {
  if (!Number.isSafeInteger(rng) || rng < 0) throw new RangeError(`rng must be a non-negative safe integer, got ${rng}`);
  return hash32(rng % 2 ** 32, Math.floor(rng / 2 ** 32), 0x52494e47);
}

export function buildScenario(spec: PresetSpec, rng: number): Scenario {
  const seed = rootSeed(rng);
  const benignCount = spec.accounts - campaignMemberTotal(spec);
  if (benignCount <= 0) throw new Error(`preset ${spec.name} has more campaign members than accounts`);
  const ctx: BuildContext = {
    spec,
    seed,
    pop: createPopulation(spec.accounts),
    ids: new IdFormatter(seed, spec.accounts),
    net: planNetwork(seed),
    domains: new DomainTable(seedFor(seed, "domains")),
  };
  const benign = buildBenign(ctx, benignCount);
  const campaigns = buildCampaigns({ ...ctx, benign, counters: new TokenCounters() }, benignCount);
  let campaignSessions = 0;
  for (let i = benignCount; i < spec.accounts; i++) campaignSessions += ctx.pop.sessions[i] ?? 0;
  allocateBenignSessions(ctx, benignCount, spec.sessions - campaignSessions);
  return { ...ctx, rng, benign, campaigns };
}

function buildCampaigns(ctx: CampaignBuildContext, first: number): CampaignModel[] {
  const campaigns: CampaignModel[] = [];
  let next = first;
  const add = (campaign: CampaignModel) => {
    campaigns.push(campaign);
    next += campaign.count;
  };
  const at = (ordinal: number) => ({ first: next, campaignIdx: campaigns.length, ordinal });
  ctx.spec.proxyCampaigns.forEach((spec, k) => add(buildProxyCampaign(ctx, spec, at(k))));
  ctx.spec.farms.forEach((spec, k) => add(buildFarm(ctx, spec, at(k))));
  ctx.spec.rings.forEach((spec, k) => add(buildRing(ctx, spec, at(k))));
  return campaigns;
}
