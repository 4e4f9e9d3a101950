import { attributeKey, kindOfKey, valueOfKey } from "@/lib/ingest/write/attribute-kinds";
import type { AccountLink } from "./links";
import type { Evidence } from "./types";
import { compareText } from "@/lib/compare-text";
import type { IsoTimes } from "./iso-time";

/**
 * Why an account belongs: each attribute it shares with other members, with
 * a weight that grows with how much of the attribute's use falls inside the
 * campaign, how rare the attribute is, and how close in time the sharing
 * was (an address two members used the same hour says more than one they
 * used six months apart).
 */
export interface EvidenceContext {
  links: Map<string, AccountLink[]>;
  /** Members per attribute key. */
  inside: Map<string, number>;
  population: number;
  /** The attributes two or more members use. */
  shared: Map<string, SharedUse>;
  /** The evidence's times, one string per instant for the whole search. */
  times: IsoTimes;
}

const HOUR = 3_600_000;
/** Sharing further apart than this loses weight: e^(-gap / 30 days). */
const TIME_DECAY_MS = 30 * 24 * HOUR;

/** One attribute the members share: its kind and value, and when the members used it (sorted starts and ends). */
export class SharedUse {
  readonly kind: string;
  readonly value: string;
  private readonly firsts: number[] = [];
  private readonly lasts: number[] = [];
  /** The firsts and lasts in order, once sealed; typed arrays sort natively, without a comparator call per step. */
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);

  constructor(key: string) {
    this.kind = kindOfKey(key);
    this.value = valueOfKey(key);
  }

  /** One member's use, from its first to its last sighting. */
  add(first: number, last: number): void {
    this.firsts.push(first);
    this.lasts.push(last);
  }

  /** Call once after the last add. */
  seal(): void {
    this.starts = Float64Array.from(this.firsts).sort();
    this.ends = Float64Array.from(this.lasts).sort();
  }

  /**
   * Members' windows that overlap [first, last] within an hour, and the gap
   * to the nearest one when none does. `own` says whether the member asking
   * is among them (it is then not counted).
   */
  overlap(first: number, last: number, own: boolean): { overlapping: number; gap: number } {
    const { starts, ends } = this;
    const startedBefore = upperBound(starts, last + HOUR);
    const endedBefore = lowerBound(ends, first - HOUR);
    const overlapping = startedBefore - endedBefore - (own ? 1 : 0);
    if (overlapping > 0) return { overlapping, gap: 0 };
    const previousEnd = endedBefore > 0 ? first - (ends[endedBefore - 1] ?? first) : Number.POSITIVE_INFINITY;
    const nextStart = startedBefore < starts.length ? (starts[startedBefore] ?? last) - last : Number.POSITIVE_INFINITY;
    return { overlapping: 0, gap: Math.min(previousEnd, nextStart) };
  }
}

/**
 * The attributes the members share, by key, from the links the walk read.
 * One entry per attribute also gives its evidence items one kind and one
 * value string between them (a 24,000-member campaign cites 234,000 items).
 */
export function sharedUseOf(members: string[], sharedKeys: string[], links: Map<string, AccountLink[]>): Map<string, SharedUse> {
  const shared = new Map(sharedKeys.map((key) => [key, new SharedUse(key)]));
  for (const id of members) for (const link of links.get(id) ?? []) shared.get(link.key)?.add(link.firstSeen, link.lastSeen);
  for (const use of shared.values()) use.seal();
  return shared;
}

/** The evidence tying `account` to the campaign, strongest first. `isMember` says whether `inside` counts it. */
export function evidenceFor(account: string, isMember: boolean, context: EvidenceContext): Evidence[] {
  const maxWeight = Math.log(context.population / 2);
  const items: Evidence[] = [];
  for (const link of context.links.get(account) ?? []) {
    const inCampaign = context.inside.get(link.key) ?? 0;
    const others = inCampaign - (isMember ? 1 : 0);
    const use = context.shared.get(link.key);
    // Only what two or more members share is evidence (a near-miss's tie to one member is not).
    if (others < 1 || use === undefined) continue;
    const { overlapping, gap } = use.overlap(link.firstSeen, link.lastSeen, isMember);
    const share = others / (link.accounts - 1);
    const timing = overlapping > 0 ? 1 : Math.exp(-gap / TIME_DECAY_MS);
    items.push({
      kind: use.kind,
      value: use.value,
      accounts: link.accounts,
      inCampaign,
      weight: round(share * Math.min(1, link.weight / maxWeight) * timing),
      firstSeen: context.times.of(link.firstSeen),
      lastSeen: context.times.of(link.lastSeen),
      overlappingMembers: overlapping,
      nearestGapHours: Number.isFinite(gap) ? Math.round(gap / HOUR) : 0,
      sessions: [],
    });
  }
  return items.sort((a, b) => b.weight - a.weight || compareText(a.kind, b.kind) || compareText(a.value, b.value));
}

/** Noisy-OR: the chance that at least one piece of evidence is right, if each were independent. */
export function confidence(evidence: readonly Evidence[]): number {
  return round(1 - evidence.reduce((none, item) => none * (1 - item.weight), 1));
}

/**
 * How much each attribute ties the members in: the sum of their evidence
 * weights from it, by attribute key. On the demo, a proxy exit its 57 users
 * all belong to gives 35.3; a webmail domain 1,052 members use among 8,658
 * accounts, 11.6: the larger count says less, as most of its users are outside.
 *
 * Summed by kind, then value, and keyed once per attribute at the end: the
 * items of one attribute share its kind and value strings (SharedUse), so
 * the maps compare references, where building a key per item cost 95–170 ms
 * for a 24,000-member campaign's 234,000 items (now ~40 ms, same sums).
 */
export function evidenceByAttribute(members: readonly { evidence: readonly Evidence[] }[]): Map<string, number> {
  const byKind = new Map<string, Map<string, number>>();
  for (const member of members) {
    for (const item of member.evidence) {
      let byValue = byKind.get(item.kind);
      if (byValue === undefined) byKind.set(item.kind, (byValue = new Map<string, number>()));
      byValue.set(item.value, (byValue.get(item.value) ?? 0) + item.weight);
    }
  }
  const totals = new Map<string, number>();
  for (const [kind, byValue] of byKind) for (const [value, total] of byValue) totals.set(attributeKey(kind, value), total);
  return totals;
}

/** Index of the first element > value. */
function upperBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? 0) <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Index of the first element >= value. */
function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
