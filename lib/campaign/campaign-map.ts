import type { CampaignMember, CampaignResult, Evidence } from "./types";
import { compareText } from "@/lib/compare-text";
import { DisjointSets } from "./disjoint-sets";
import { evidenceByAttribute } from "./evidence";

/**
 * A campaign of tens of thousands of accounts, drawn as what an investigator
 * can read: its sub-groups and the shared attributes that bind them.
 *
 * A sub-group is a set of members joined by identifiers (a card, a phone, a
 * device, an account-level extra attribute): what one operator's batch of
 * accounts reuses. Crowd attributes (addresses, email domains, prompt
 * templates) are what strangers share too; inside a campaign they are the
 * bindings that tie its sub-groups together (a rotating proxy pool, a shared
 * template set), so they join groups on the map instead of merging them.
 * Members sharing no identifier with another member form one last group.
 */
export const CROWD_KINDS: readonly string[] = ["ip", "email_domain", "prompt"];

/** The least share of a crowd attribute's users a one-group campaign's drawing shows it for (see sharedInside). */
const MIN_INSIDE_SHARE = 0.1;

export interface MapAttribute {
  key: string;
  kind: string;
  value: string;
  /** Accounts using it in the whole graph. */
  accounts: number;
  /** Members using it. */
  inCampaign: number;
}

export interface SubGroup {
  /** "g1", "g2"…, largest first. */
  id: string;
  /** Every member, strongest first. */
  members: string[];
  /** Identifiers shared inside the group (indexes into `attributes`), most used first. */
  identifiers: number[];
  /** Whether its members share no identifier at all (the last group). */
  isLoose: boolean;
}

export interface Binding {
  /** Index into `attributes`. */
  attribute: number;
  /** Members of each group using it, by group index. */
  groups: Array<{ group: number; members: number }>;
}

/** One member drawn when its group is opened, with its ties (indexes into `attributes`). */
export interface SampledMember {
  account: string;
  score: number;
  ties: number[];
}

export interface CampaignMap {
  attributes: MapAttribute[];
  groups: SubGroup[];
  /** Crowd attributes used in two groups or more, the most binding first. */
  bindings: Binding[];
  /** Per group (same order), its strongest members with their ties, for drill-down. */
  samples: SampledMember[][];
}

export interface MapLimits {
  /** Bindings kept (each is a node on the map). */
  bindings: number;
  /** Identifiers listed per group. */
  identifiersPerGroup: number;
  /** Members per group sampled for drill-down. */
  sampledMembers: number;
}

export const defaultMapLimits: MapLimits = { bindings: 25, identifiersPerGroup: 5, sampledMembers: 150 };

/** A sub-group as the campaign page sends it: its size instead of its member list. */
export type GroupOutline = Omit<SubGroup, "members"> & { size: number };

/**
 * What the campaign page sends for its first picture: the overview's groups
 * and bindings, and only the attributes they name. A group's members and
 * sample come when it is opened (`openedGroup`): for the 24k campaign of the
 * `seed` preset they are 1.9 MB of the 2.5 MB map, and most are never opened.
 */
export interface MapOutline {
  attributes: MapAttribute[];
  groups: GroupOutline[];
  bindings: Binding[];
}

/** One group opened: every member's id, and its sample with ties as indexes into its own `attributes`. */
export interface OpenedGroup {
  members: string[];
  attributes: MapAttribute[];
  sample: SampledMember[];
}

export function outlineMap(map: CampaignMap): MapOutline {
  const kept = new KeptAttributes(map.attributes);
  const groups = map.groups.map(({ members, identifiers, ...group }) => ({ ...group, size: members.length, identifiers: identifiers.map(kept.indexOf) }));
  const bindings = map.bindings.map((binding) => ({ ...binding, attribute: kept.indexOf(binding.attribute) }));
  return { attributes: kept.list, groups, bindings };
}

/** The group at `index` (as in `groups`), or undefined when the map has none there. */
export function openedGroup(map: CampaignMap, index: number): OpenedGroup | undefined {
  const group = map.groups[index];
  if (!group) return undefined;
  const kept = new KeptAttributes(map.attributes);
  const sample = (map.samples[index] ?? []).map((member) => ({ ...member, ties: member.ties.map(kept.indexOf) }));
  return { members: group.members, attributes: kept.list, sample };
}

export function mapCampaign(result: Pick<CampaignResult, "accounts">, limits: MapLimits = defaultMapLimits): CampaignMap {
  const members = [...result.accounts].sort((a, b) => b.score - a.score || compareText(a.account_id, b.account_id));
  const attributes = new AttributeTable();
  const groups = orderGroups(members, groupByIdentifiers(members));
  const groupIndex = new Map(groups.flatMap((group, index) => group.members.map((member) => [member.account_id, index] as const)));
  const memberGroup = (member: CampaignMember) => groupIndex.get(member.account_id) ?? 0;

  const identifierUse = groups.map(() => new Map<number, number>());
  const crowdUse = new Map<number, Map<number, number>>();
  for (const member of members) {
    const group = memberGroup(member);
    for (const item of member.evidence) {
      const index = attributes.indexOf(item);
      if (isCrowd(item)) increment(getOrCreate(crowdUse, index, () => new Map<number, number>()), group);
      else increment(identifierUse[group]!, index);
    }
  }

  // The most evidence first, not the most groups: a webmail domain spans every group yet ties none (see evidenceByAttribute).
  const evidence = evidenceByAttribute(members);
  const strengthOf = (binding: Binding) => evidence.get(attributes.keyAt(binding.attribute)) ?? 0;
  const bindings = [...crowdUse]
    .map(([attribute, use]): Binding => ({ attribute, groups: [...use].map(([group, count]) => ({ group, members: count })).sort((a, b) => a.group - b.group) }))
    .filter((binding) => binding.groups.length >= 2)
    .sort((a, b) => strengthOf(b) - strengthOf(a) || compareText(attributes.keyAt(a.attribute), attributes.keyAt(b.attribute)))
    .slice(0, limits.bindings);
  // A campaign of one group has no bindings; the crowd attributes its members share are what its drawing can show of them (a ring's proxy exit).
  const drawnCrowd = groups.length === 1 ? sharedInside(crowdUse, attributes.list, limits.bindings) : new Set(bindings.map((binding) => binding.attribute));

  return {
    attributes: attributes.list,
    groups: groups.map((group, index) => ({
      id: `g${index + 1}`,
      members: group.members.map((member) => member.account_id),
      identifiers: mostUsed(identifierUse[index]!, limits.identifiersPerGroup),
      isLoose: group.isLoose,
    })),
    bindings,
    samples: groups.map((group) =>
      group.members.slice(0, limits.sampledMembers).map((member) => ({
        account: member.account_id,
        score: member.score,
        ties: member.evidence.map((item) => attributes.indexOf(item)).filter((index) => !isCrowd(attributes.list[index]!) || drawnCrowd.has(index)),
      })),
    ),
  };
}

function isCrowd(item: { kind: string }): boolean {
  return CROWD_KINDS.includes(item.kind);
}

/** Union-find over members joined by a shared identifier. */
function groupByIdentifiers(members: CampaignMember[]): DisjointSets {
  const sets = new DisjointSets(members.length);
  const firstUser = new Map<string, number>();
  members.forEach((member, position) => {
    for (const item of member.evidence) {
      if (isCrowd(item)) continue;
      const key = `${item.kind}:${item.value}`;
      const first = firstUser.get(key);
      if (first === undefined) firstUser.set(key, position);
      else sets.union(first, position);
    }
  });
  return sets;
}

interface OrderedGroup {
  members: CampaignMember[];
  isLoose: boolean;
}

/** Groups largest first (ties by strongest member); singletons pooled into one loose group, last. */
function orderGroups(members: CampaignMember[], sets: DisjointSets): OrderedGroup[] {
  const byRoot = new Map<number, CampaignMember[]>();
  members.forEach((member, position) => getOrCreate(byRoot, sets.find(position), () => []).push(member));
  const joined = [...byRoot.values()].filter((list) => list.length > 1).map((list) => ({ members: list, isLoose: false }));
  joined.sort((a, b) => b.members.length - a.members.length || compareText(a.members[0]!.account_id, b.members[0]!.account_id));
  const loose = members.filter((_, position) => byRoot.get(sets.find(position))?.length === 1);
  return loose.length === 0 ? joined : [...joined, { members: loose, isLoose: true }];
}

/**
 * Crowd attributes that at least two members of the first group use, and
 * at least a tenth of whose users are members, the most used first: a proxy
 * exit 22 of whose 124 users are in a ring says something about it, a
 * webmail domain 3 of whose 8,658 users are does not.
 */
function sharedInside(crowdUse: Map<number, Map<number, number>>, attributes: MapAttribute[], limit: number): Set<number> {
  const shared = new Map<number, number>();
  for (const [attribute, use] of crowdUse) {
    const members = use.get(0) ?? 0;
    if (members >= 2 && members >= attributes[attribute]!.accounts * MIN_INSIDE_SHARE) shared.set(attribute, members);
  }
  return new Set(mostUsed(shared, limit));
}

function mostUsed(use: Map<number, number>, limit: number): number[] {
  return [...use]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([index]) => index);
}

class AttributeTable {
  readonly list: MapAttribute[] = [];
  private readonly index = new Map<string, number>();

  indexOf(item: Evidence): number {
    const key = `${item.kind}:${item.value}`;
    const known = this.index.get(key);
    if (known !== undefined) return known;
    this.index.set(key, this.list.length);
    this.list.push({ key, kind: item.kind, value: item.value, accounts: item.accounts, inCampaign: item.inCampaign });
    return this.list.length - 1;
  }

  keyAt(index: number): string {
    return this.list[index]?.key ?? "";
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function increment<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The attributes a part of the map refers to, renumbered in the order they are first asked for. */
class KeptAttributes {
  readonly list: MapAttribute[] = [];
  private readonly renumbered = new Map<number, number>();

  constructor(private readonly all: MapAttribute[]) {}

  indexOf = (index: number): number => {
    let kept = this.renumbered.get(index);
    if (kept === undefined) {
      kept = this.list.push(this.all[index]!) - 1;
      this.renumbered.set(index, kept);
    }
    return kept;
  };
}
