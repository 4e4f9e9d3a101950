/**
 * truth.json: what was planted (campaigns, with sub-groups) and the benign
 * structures that look suspicious but are not (offices, households, carrier
 * NAT and VPN exits, colliding fingerprints), each with the attributes its
 * members really share and how many of them carry each.
 */
import { join } from "node:path";
import { GENERIC_DEVICE_COUNT, genericDeviceToken, homeEndpoint } from "./benign";
import { Ns, token } from "./identifiers";
import { Flag, hasFlag } from "./population";
import { hash32, itemAt } from "./prng";
import type { PresetSpec } from "./presets";
import type { Scenario } from "./scenario";
import { popularPromptFps } from "./session-context";
import { formatTimestamp, TIMELINE_END, TimeStyle } from "./timeline";
import { OutputFile } from "./writers";

export const TRUTH_FILE = "truth.json";

export type BenignClusterKind = "corporate" | "household" | "carrier_nat" | "vpn_exit" | "common_fingerprint";

export interface SharedAttribute {
  kind: string;
  value: string;
  /** How many members carry it (all of them unless stated lower). */
  carriedBy: number;
}

export interface TruthCampaign {
  id: string;
  kind: string;
  description: string;
  members: string[];
  subgroups?: string[][];
  /** Attributes the campaign shares with benign accounts, listed so evaluators do not count those as misses. */
  sharedWithBenign?: { kind: string; value: string; accounts: string[] }[];
}

export interface TruthCluster {
  id: string;
  kind: BenignClusterKind;
  description: string;
  members: string[];
  sharedAttributes: SharedAttribute[];
}

export interface TruthHeader {
  preset: string;
  rng: number;
  generatedAt: string;
  /** The sizes and shapes generated: the preset's, or a varied mix of them. */
  spec: PresetSpec;
  /** Prompt templates used by thousands of benign users (most popular first). */
  popularPrompts: string[];
}

/** truth.json as a whole. */
export interface TruthDocument extends TruthHeader {
  campaigns: TruthCampaign[];
  benignClusters: TruthCluster[];
}

/** A fixed instant derived from the rng: never the wall clock. */
export function generatedAt(seed: number): string {
  return formatTimestamp(TIMELINE_END + (hash32(seed, 0x7) % (6 * 3600)) * 1000, TimeStyle.utc);
}

function truthHeader(scn: Scenario): TruthHeader {
  return {
    preset: scn.spec.name,
    rng: scn.rng,
    generatedAt: generatedAt(scn.seed),
    spec: scn.spec,
    popularPrompts: popularPromptFps(scn.ids).slice(0, 20),
  };
}

function truthCampaigns(scn: Scenario): TruthCampaign[] {
  const idsOf = (first: number, count: number) => Array.from({ length: count }, (_, k) => scn.ids.accountId(first + k));
  return scn.campaigns.map((c) => ({
    id: c.id,
    kind: c.kind,
    description: c.description,
    members: idsOf(c.first, c.count),
    ...(c.subgroups ? { subgroups: c.subgroups.map((g) => idsOf(g.first, g.count)) } : {}),
    ...(c.sharedWithBenign.length > 0
      ? { sharedWithBenign: c.sharedWithBenign.map((o) => ({ kind: o.kind, value: o.value, accounts: o.accounts.map((i) => scn.ids.accountId(i)) })) }
      : {}),
  }));
}

/** Benign clusters, produced lazily so a million-account truth is never one big array. */
export function* truthClusters(scn: Scenario): Generator<TruthCluster> {
  yield* officeClusters(scn);
  yield* householdClusters(scn);
  yield* exitClusters(scn, "carrier_nat");
  yield* exitClusters(scn, "vpn_exit");
  yield* fingerprintClusters(scn);
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

function* officeClusters(scn: Scenario): Generator<TruthCluster> {
  const { ids, domains } = scn;
  for (const [k, o] of scn.benign.offices.entries()) {
    const all = o.count;
    const shared: SharedAttribute[] = [
      { kind: "email_domain", value: domains.name(o.domainIdx), carriedBy: all },
      { kind: "ip", value: o.endpoint.ip, carriedBy: all },
      { kind: "api_org", value: ids.apiOrg(o.apiOrg), carriedBy: all },
    ];
    if (o.cardHolders > 0) shared.push({ kind: "card", value: ids.cardFp(o.card), carriedBy: o.cardHolders });
    yield {
      id: `corp-${pad(k + 1, 3)}`,
      kind: "corporate",
      description: `${all} staff of ${domains.name(o.domainIdx)} behind one office egress address and one API org` +
        (o.cardHolders > 0 ? `; ${o.cardHolders} pay with the corporate card` : ""),
      members: range(o.first, o.count).map((i) => ids.accountId(i)),
      sharedAttributes: shared,
    };
  }
}

function* householdClusters(scn: Scenario): Generator<TruthCluster> {
  const { ids } = scn;
  for (const [h, hh] of scn.benign.households.entries()) {
    const ip = homeEndpoint(scn, hh.first)?.ip ?? "";
    const shared: SharedAttribute[] = [{ kind: "ip", value: ip, carriedBy: hh.count }];
    if (hh.cardHolders > 0) shared.push({ kind: "card", value: ids.cardFp(hh.card), carriedBy: hh.cardHolders });
    if (hh.tabletUsers > 0) shared.push({ kind: "device", value: ids.deviceId(hh.tablet), carriedBy: hh.tabletUsers });
    yield {
      id: `hh-${pad(h + 1, 5)}`,
      kind: "household",
      description: `${hh.count} people behind one home router` +
        (hh.cardHolders > 0 ? `, ${hh.cardHolders} on one family card` : "") +
        (hh.tabletUsers > 0 ? `, ${hh.tabletUsers} on a shared tablet` : ""),
      members: range(hh.first, hh.count).map((i) => ids.accountId(i)),
      sharedAttributes: shared,
    };
  }
}

function* exitClusters(scn: Scenario, kind: "carrier_nat" | "vpn_exit"): Generator<TruthCluster> {
  const { pop, benign, ids } = scn;
  const exits = kind === "carrier_nat" ? benign.mobileExits : benign.vpnExits;
  const members: number[][] = exits.map(() => []);
  const add = (exit: number, i: number) => {
    if (exit >= 0) members[exit]?.push(i);
  };
  for (let i = 0; i < benign.count; i++) {
    if (kind === "carrier_nat") {
      add(pop.mobileExitA[i] ?? -1, i);
      add(pop.mobileExitB[i] ?? -1, i);
    } else add(pop.vpnExit[i] ?? -1, i);
  }
  for (const [e, list] of members.entries()) {
    if (list.length < 2) continue;
    const ip = itemAt(exits, e).ip;
    yield {
      id: `${kind === "carrier_nat" ? "nat" : "vpn"}-${pad(e + 1, 4)}`,
      kind,
      description: kind === "carrier_nat"
        ? `${list.length} unrelated mobile users behind one carrier-grade NAT address`
        : `${list.length} unrelated customers of a commercial VPN on one exit`,
      members: list.map((i) => ids.accountId(i)),
      sharedAttributes: [{ kind: "ip", value: ip, carriedBy: list.length }],
    };
  }
}

function* fingerprintClusters(scn: Scenario): Generator<TruthCluster> {
  const { pop, benign, ids, seed } = scn;
  const members: number[][] = Array.from({ length: GENERIC_DEVICE_COUNT }, () => []);
  for (let i = 0; i < benign.count; i++) {
    if (!hasFlag(pop, i, Flag.genericPhoneFingerprint)) continue;
    members[genericDeviceToken(seed, i) - token(Ns.deviceGeneric, 0)]?.push(i);
  }
  for (const [g, list] of members.entries()) {
    if (list.length < 2) continue;
    yield {
      id: `fp-${pad(g + 1, 2)}`,
      kind: "common_fingerprint",
      description: `${list.length} owners of identical phones whose fingerprint collides`,
      members: list.map((i) => ids.accountId(i)),
      sharedAttributes: [{ kind: "device", value: ids.deviceId(token(Ns.deviceGeneric, g)), carriedBy: list.length }],
    };
  }
}

function range(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => first + k);
}

/** Streams truth.json: a readable outer layout, one campaign or cluster per line. */
export async function writeTruth(scn: Scenario, dir: string): Promise<{ clusters: Map<BenignClusterKind, { clusters: number; members: number }> }> {
  const file = new OutputFile(join(dir, TRUTH_FILE), { gzip: false });
  const header = truthHeader(scn);
  file.write("{\n");
  for (const [key, value] of Object.entries(header)) file.write(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
  writeList(file, "campaigns", truthCampaigns(scn), ",");
  const summary = new Map<BenignClusterKind, { clusters: number; members: number }>();
  file.write('  "benignClusters": [');
  let isFirst = true;
  for (const cluster of truthClusters(scn)) {
    file.write(`${isFirst ? "" : ","}\n    ${JSON.stringify(cluster)}`);
    isFirst = false;
    const entry = summary.get(cluster.kind) ?? { clusters: 0, members: 0 };
    entry.clusters++;
    entry.members += cluster.members.length;
    summary.set(cluster.kind, entry);
    if (file.needsDrain) await file.drain();
  }
  file.write("\n  ]\n}\n");
  await file.close();
  return { clusters: summary };
}

function writeList(file: OutputFile, key: string, items: unknown[], after: string): void {
  file.write(`  ${JSON.stringify(key)}: [`);
  items.forEach((item, k) => file.write(`${k === 0 ? "" : ","}\n    ${JSON.stringify(item)}`));
  file.write(`\n  ]${after}\n`);
}
