/**
 * Another mix of a preset's kinds: every campaign's size and shape, how many
 * campaigns of each kind there are, the offices, households and how widely
 * carrier NAT and VPN exits are shared, each drawn again around the preset's
 * value. The campaign benchmark runs on such mixes so that the method is
 * checked on scenarios it was not tuned on, not only on the presets' numbers.
 */
import { campaignMemberTotal, type FarmSpec, type PresetSpec, type ProxyCampaignSpec, type RingSpec } from "./presets";
import { Rng, seedFor } from "./prng";
import { rootSeed } from "./scenario";

/** Campaigns take at most this share of the accounts, so the benign population keeps its hubs. */
const MAX_CAMPAIGN_SHARE = 0.35;

export function variedSpec(spec: PresetSpec, rng: number): PresetSpec {
  const draw = new Draw(seedFor(rootSeed(rng), "varied-spec"));
  const count = draw.scaled(spec.offices.count, 0.5, 2);
  const minSize = draw.scaled(spec.offices.minSize, 0.5, 1.5);
  return fitCampaigns({
    ...spec,
    offices: { count, minSize, maxSize: Math.max(minSize, draw.scaled(spec.offices.maxSize, 0.7, 2)) },
    householdShare: draw.between(0.05, 0.25),
    natSharing: draw.scaled(spec.natSharing, 0.4, 2.5),
    vpnSharing: draw.scaled(spec.vpnSharing, 0.5, 2.5),
    proxyCampaigns: draw.some(spec.proxyCampaigns, (base) => variedProxyCampaign(base, draw)),
    farms: draw.some(spec.farms, (base) => variedFarm(base, draw)),
    rings: draw.some(spec.rings, (base) => variedRing(base, draw)),
  });
}

function variedProxyCampaign(base: ProxyCampaignSpec, draw: Draw): ProxyCampaignSpec {
  const smallest = Math.max(5, draw.scaled(base.subgroupSize[0], 0.4, 1.2));
  const largest = smallest + draw.scaled(base.subgroupSize[1] - base.subgroupSize[0], 0.5, 1.5);
  const poolSize = draw.scaled(base.poolSize, 0.5, 2);
  return {
    ...base,
    members: Math.max(largest * 3, draw.scaled(base.members, 0.3, 1.5)),
    subgroupSize: [smallest, largest],
    poolSize,
    benignOverlap: Math.min(draw.scaled(base.benignOverlap, 0, 2), Math.floor(poolSize / 4)),
    waves: draw.scaled(base.waves, 0.5, 1.5),
  };
}

function variedFarm(base: FarmSpec, draw: Draw): FarmSpec {
  const addresses = draw.scaled(base.addresses, 0.3, 2);
  return {
    members: draw.scaled(base.members, 0.3, 2),
    addresses,
    hosters: Math.min(addresses, draw.scaled(base.hosters, 0.5, 1.5)),
    devices: draw.scaled(base.devices, 0.3, 2),
    apiOrgs: draw.scaled(base.apiOrgs, 0.5, 1.5),
  };
}

function variedRing(base: RingSpec, draw: Draw): RingSpec {
  const members = Math.max(5, draw.scaled(base.members, 0.4, 3));
  return {
    members,
    cards: Math.min(Math.ceil(members / 2), draw.scaled(base.cards, 0.3, 2)),
    devices: draw.scaled(base.devices, 0.3, 2),
    wallets: draw.scaled(base.wallets, 0.5, 2),
  };
}

/** Shrinks the proxy campaigns and farms alike so that all campaigns fit in MAX_CAMPAIGN_SHARE of the accounts (rings are small). */
function fitCampaigns(spec: PresetSpec): PresetSpec {
  const total = campaignMemberTotal(spec);
  const room = Math.floor(spec.accounts * MAX_CAMPAIGN_SHARE);
  if (total <= room) return spec;
  const ringMembers = campaignMemberTotal({ ...spec, proxyCampaigns: [], farms: [] });
  const factor = (room - ringMembers) / (total - ringMembers);
  const shrink = <Spec extends { members: number }>(item: Spec): Spec => ({ ...item, members: Math.floor(item.members * factor) });
  return { ...spec, proxyCampaigns: spec.proxyCampaigns.map(shrink), farms: spec.farms.map(shrink) };
}

class Draw {
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.rng.float();
  }

  /** `value` times a factor drawn in [low, high], at least 1. */
  scaled(value: number, low: number, high: number): number {
    return Math.max(1, Math.round(value * this.between(low, high)));
  }

  /** One to twice as many items as `items`, each varied from one of them. */
  some<Item>(items: readonly Item[], vary: (base: Item) => Item): Item[] {
    if (items.length === 0) return [];
    const count = this.rng.range(1, 2 * items.length);
    return Array.from({ length: count }, (_, k) => vary(items[k % items.length] as Item));
  }
}
