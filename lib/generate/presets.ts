/**
 * Scenario sizes. Each preset fixes the exact account and session totals and
 * the campaigns planted among the benign users.
 */

export type PresetName = "demo" | "bench" | "seed" | "tiny";
export const presetNames: readonly PresetName[] = ["tiny", "demo", "bench", "seed"];

/** `name` as a preset, or an error that says which are; `source` names where it came from (a flag, a variable). */
export function presetNamed(name: string, source: string): PresetName {
  const preset = presetNames.find((known) => known === name);
  if (preset === undefined) throw new Error(`${source} must be one of ${presetNames.join(", ")} (got "${name}")`);
  return preset;
}

/** A campaign run through a rotating residential-proxy pool. */
export interface ProxyCampaignSpec {
  members: number;
  /** Sub-group sizes are drawn in [min, max]. */
  subgroupSize: readonly [number, number];
  /** Distinct proxy exit addresses in the pool. */
  poolSize: number;
  /** How many pool exits are also the home address of a benign user. */
  benignOverlap: number;
  /** Synchronised activity windows the sub-groups share. */
  waves: number;
  countries: readonly string[];
}

/** Emulators on a few datacenter addresses. */
export interface FarmSpec {
  members: number;
  addresses: number;
  hosters: number;
  devices: number;
  apiOrgs: number;
}

/** A small ring sharing stolen payment cards. */
export interface RingSpec {
  members: number;
  cards: number;
  devices: number;
  wallets: number;
}

export interface PresetSpec {
  name: PresetName;
  accounts: number;
  sessions: number;
  offices: { count: number; minSize: number; maxSize: number };
  /** Share of benign accounts living in multi-account households. */
  householdShare: number;
  /** Target accounts per carrier NAT exit and per VPN exit. */
  natSharing: number;
  vpnSharing: number;
  proxyCampaigns: readonly ProxyCampaignSpec[];
  farms: readonly FarmSpec[];
  rings: readonly RingSpec[];
}

const presets: Record<PresetName, PresetSpec> = {
  tiny: {
    name: "tiny",
    accounts: 2_000,
    sessions: 15_000,
    offices: { count: 2, minSize: 40, maxSize: 140 },
    householdShare: 0.1,
    natSharing: 250,
    vpnSharing: 40,
    proxyCampaigns: [{ members: 200, subgroupSize: [15, 35], poolSize: 120, benignOverlap: 3, waves: 24, countries: ["US", "GB", "CA"] }],
    farms: [{ members: 40, addresses: 3, hosters: 2, devices: 6, apiOrgs: 2 }],
    rings: [{ members: 12, cards: 3, devices: 3, wallets: 1 }],
  },
  demo: {
    name: "demo",
    accounts: 20_000,
    sessions: 150_000,
    offices: { count: 6, minSize: 80, maxSize: 500 },
    householdShare: 0.1,
    natSharing: 250,
    vpnSharing: 120,
    proxyCampaigns: [{ members: 3_000, subgroupSize: [20, 50], poolSize: 300, benignOverlap: 5, waves: 36, countries: ["US", "GB", "CA", "DE"] }],
    farms: [{ members: 400, addresses: 6, hosters: 3, devices: 14, apiOrgs: 3 }],
    rings: [{ members: 25, cards: 4, devices: 4, wallets: 2 }],
  },
  bench: {
    name: "bench",
    accounts: 200_000,
    sessions: 2_000_000,
    offices: { count: 40, minSize: 60, maxSize: 700 },
    householdShare: 0.1,
    natSharing: 250,
    vpnSharing: 200,
    proxyCampaigns: [{ members: 8_000, subgroupSize: [20, 60], poolSize: 400, benignOverlap: 8, waves: 40, countries: ["US", "GB", "CA", "DE"] }],
    farms: [{ members: 1_500, addresses: 8, hosters: 3, devices: 24, apiOrgs: 4 }],
    rings: [
      { members: 30, cards: 5, devices: 4, wallets: 2 },
      { members: 18, cards: 3, devices: 3, wallets: 1 },
    ],
  },
  seed: {
    name: "seed",
    accounts: 1_000_000,
    sessions: 16_000_000,
    offices: { count: 150, minSize: 60, maxSize: 800 },
    householdShare: 0.1,
    natSharing: 250,
    vpnSharing: 200,
    proxyCampaigns: [
      { members: 24_000, subgroupSize: [25, 60], poolSize: 600, benignOverlap: 12, waves: 48, countries: ["US", "GB", "CA", "DE", "FR", "AU"] },
      { members: 2_500, subgroupSize: [15, 40], poolSize: 180, benignOverlap: 4, waves: 24, countries: ["BR", "MX", "ES"] },
    ],
    farms: [
      { members: 3_000, addresses: 8, hosters: 3, devices: 30, apiOrgs: 4 },
      { members: 1_200, addresses: 4, hosters: 2, devices: 12, apiOrgs: 2 },
    ],
    rings: [
      { members: 40, cards: 6, devices: 5, wallets: 2 },
      { members: 28, cards: 4, devices: 4, wallets: 2 },
      { members: 16, cards: 3, devices: 3, wallets: 1 },
      { members: 11, cards: 3, devices: 2, wallets: 1 },
    ],
  },
};

export function presetSpec(name: PresetName): PresetSpec {
  const spec = presets[name];
  if (!spec) throw new Error(`unknown preset "${String(name)}" (expected one of ${presetNames.join(", ")})`);
  return spec;
}

export function campaignMemberTotal(spec: PresetSpec): number {
  const sum = (items: readonly { members: number }[]) => items.reduce((total, item) => total + item.members, 0);
  return sum(spec.proxyCampaigns) + sum(spec.farms) + sum(spec.rings);
}
