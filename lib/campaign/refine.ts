import { isIdentifying } from "./kinds";
import { accountDegree, type AccountLink } from "./links";

/**
 * Local improvement of a sweep cut. The sweep orders accounts by rank, and a
 * low-degree account tied only through an attribute the campaign uses a lot
 * (a regional webmail domain) can rank above real members; the cut then
 * includes it. Here every account is judged on its own ties instead: one
 * whose ties point more outside than the set's conductance leaves, and a
 * reached account whose ties point inside more than that joins. Passes repeat
 * until nothing moves.
 *
 * Pointing inside is not enough on its own: an account also needs a tie
 * that mostly members use. An attribute the set uses about as much as
 * outsiders do (a VPN exit a card ring half fills) adds nothing to the cut
 * whether its other users are in or out, so by conductance alone the ring
 * would take them in; they share nothing with it that is its own. To join,
 * one such tie is enough only when it is a card, phone or device; else two
 * are needed: when a ring fills most of a small VPN exit, the exit's other
 * users point inside through it alone, while a campaign's members share
 * several proxy exits, or a proxy exit and a prompt template. To stay, one
 * tie is enough: the sweep ranked the account in, and holding members to
 * two leaves a crowd's set (behind a carrier address) with a core that
 * meets the bound and then grows, through its completion, to the size cap.
 */
export interface RefineInput {
  members: string[];
  /** Reached accounts outside the set that may join. */
  candidates: string[];
  links: Map<string, AccountLink[]>;
  /** Accounts that never leave (the seeds, and members an investigator added). */
  fixed: Set<string>;
  /** Joining stops at this size. */
  maxMembers: number;
}

export interface RefinedCut {
  members: string[];
  conductance: number;
  /** How many of each attribute's accounts are in the set. */
  inside: Map<string, number>;
}

export interface Refinement extends RefinedCut {
  /** Whether the last pass moved nobody (else the passes ran out). */
  settled: boolean;
}

const MAX_PASSES = 20;

export function refineCut({ members, candidates, links, fixed, maxMembers }: RefineInput): Refinement {
  const set = new Set(members);
  const inside = countInside(set, links);
  const measure = new CutMeasure(links);
  let settled = false;
  for (let pass = 0; pass < MAX_PASSES && !settled; pass++) {
    const phi = measure.conductance(set, inside);
    const leaving = [...set].filter((id) => !fixed.has(id) && (pullOutward(id, links, inside, true) > phi || !hasOwnTies(id, links, inside, true, STAY_TIES)));
    // Own ties first: most candidates of a large reach have none, and they are the cheaper test.
    const joining = candidates.filter((id) => !set.has(id) && hasOwnTies(id, links, inside, false, JOIN_TIES) && pullOutward(id, links, inside, false) < phi);
    settled = leaving.length === 0 && joining.length === 0;
    for (const id of leaving) move(id, set, links, inside, -1);
    for (const id of joining.slice(0, Math.max(0, maxMembers - set.size))) move(id, set, links, inside, +1);
  }
  const ordered = [...members.filter((id) => set.has(id)), ...candidates.filter((id) => set.has(id))];
  return { members: ordered, conductance: measure.conductance(set, inside), inside, settled };
}

/**
 * The change in cut per unit of degree when this account is in the set, as
 * against outside it: below the set's conductance, having it lowers the
 * conductance. `isMember` says whether `inside` already counts it.
 */
export function pullOutward(id: string, links: Map<string, AccountLink[]>, inside: Map<string, number>, isMember: boolean): number {
  const own = links.get(id) ?? [];
  const degree = accountDegree(own);
  if (degree === 0) return Number.POSITIVE_INFINITY;
  let cutChange = 0;
  for (const link of own) {
    const others = (inside.get(link.key) ?? 0) - (isMember ? 1 : 0);
    cutChange += (link.weight * (link.accounts - 2 * others - 1)) / link.accounts;
  }
  return cutChange / degree;
}

/** An attribute with more than this share of its accounts in the set is the set's own. */
export const OWNED_SHARE = 0.5;

/** Whether the set owns the attribute: two or more members use it, and mostly members do. */
export function isOwned(link: AccountLink, inside: Map<string, number>): boolean {
  const count = inside.get(link.key) ?? 0;
  return count >= 2 && count / link.accounts > OWNED_SHARE;
}

/** Own ties an account needs to join the set: a card, phone or device counts two, any other owned attribute one. */
export const JOIN_TIES = 2;
/** Own ties a member needs to stay. */
const STAY_TIES = 1;

/**
 * Whether the account shares with the set at least `needed` ties to
 * attributes that mostly the set's other members use. `isMember` says
 * whether `inside` already counts the account.
 */
export function hasOwnTies(id: string, links: Map<string, AccountLink[]>, inside: Map<string, number>, isMember: boolean, needed: number): boolean {
  let ties = 0;
  for (const link of links.get(id) ?? []) {
    const others = (inside.get(link.key) ?? 0) - (isMember ? 1 : 0);
    if (others <= 0 || others / (link.accounts - 1) <= OWNED_SHARE) continue;
    ties += isIdentifying(link.key) ? 2 : 1;
    if (ties >= needed) return true;
  }
  return false;
}

export function countInside(set: Set<string>, links: Map<string, AccountLink[]>): Map<string, number> {
  const inside = new Map<string, number>();
  for (const id of set) for (const link of links.get(id) ?? []) inside.set(link.key, (inside.get(link.key) ?? 0) + 1);
  return inside;
}

function move(id: string, set: Set<string>, links: Map<string, AccountLink[]>, inside: Map<string, number>, direction: 1 | -1): void {
  if (direction > 0) set.add(id);
  else set.delete(id);
  for (const link of links.get(id) ?? []) inside.set(link.key, (inside.get(link.key) ?? 0) + direction);
}

/** Cut over volume (see CutMeasure). */
export function conductance(set: Set<string>, links: Map<string, AccountLink[]>, inside: Map<string, number>): number {
  return new CutMeasure(links).conductance(set, inside);
}

/**
 * The conductance of sets that change a few members at a time: an attribute
 * with k of its n accounts in the set adds weight·k(n - k)/n to the cut, the
 * volume is the members' degrees. Each account's degree, and the weight and
 * size of its attributes, are gathered the first time it is in a set, so a
 * refinement pass sums over the attributes the set touches (3,200 for a
 * 24,000-member campaign) rather than over every member's links (234,000),
 * and the 100,000 reached accounts a large search offers are never gathered
 * unless they join.
 */
class CutMeasure {
  /** The first link gathered for each attribute: its weight and size. */
  private readonly attributes = new Map<string, AccountLink>();
  private readonly degrees = new Map<string, number>();

  constructor(private readonly links: Map<string, AccountLink[]>) {}

  /** `inside` must count the members of `set`. */
  conductance(set: Set<string>, inside: Map<string, number>): number {
    let volume = 0;
    for (const id of set) volume += this.degreeOf(id);
    let cut = 0;
    for (const [key, k] of inside) {
      const attribute = this.attributes.get(key);
      if (k > 0 && attribute !== undefined) cut += (attribute.weight * k * (attribute.accounts - k)) / attribute.accounts;
    }
    return volume > 0 ? cut / volume : 1;
  }

  private degreeOf(id: string): number {
    const known = this.degrees.get(id);
    if (known !== undefined) return known;
    const own = this.links.get(id) ?? [];
    const degree = accountDegree(own);
    this.degrees.set(id, degree);
    for (const link of own) if (!this.attributes.has(link.key)) this.attributes.set(link.key, link);
    return degree;
  }
}
