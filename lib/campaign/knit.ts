import { DisjointSets } from "./disjoint-sets";
import { isIdentifying, isProvider } from "./kinds";
import type { AccountLink } from "./links";
import { pushTo } from "./lists-by-key";
import { isOwned, JOIN_TIES, OWNED_SHARE } from "./refine";

/**
 * The share of a set's members in its largest group joined by identifiers the
 * set owns (cards, phones, devices used by two or more members and mostly by
 * members). A card ring's members are chained by their cards and devices into
 * one group; the strangers behind one carrier address or VPN exit are joined
 * only by that address, and their own identifiers (a household's card) join
 * a few of them at a time. An office's corporate card joins its holders,
 * never all of its staff.
 */
export function identifierKnitShare(members: readonly string[], links: Map<string, AccountLink[]>, inside: Map<string, number>): number {
  if (members.length === 0) return 0;
  const groups = ownedGroups(members, links, inside, isIdentifying);
  return largestGroup(members, groups) / members.length;
}

/**
 * The members that what the set owns ties to a seed, group by group. Cards,
 * phones and devices the set owns chain members into groups (a ring, a
 * household, a proxy sub-group); a group joins the seeds' part when it
 * shares with the part two other attributes the set owns, or one that only
 * the set uses (a payout wallet), as an account must join the set with two
 * ties (refine.ts). A set can meet the conductance bound as groups side by
 * side: a household and the card ring that shares its VPN exit, or two rings
 * that share one or two exits with each other and with strangers, are each
 * bounded, and so is their union; such an exit does not make them one
 * campaign. A proxy campaign's sub-groups share many exits and templates
 * that nobody else uses. Mail domains never tie (see isProvider).
 */
export function seedsGroups(members: readonly string[], seeds: readonly string[], links: Map<string, AccountLink[]>, inside: Map<string, number>): string[] {
  const groups = ownedGroups(members, links, inside, isIdentifying);
  const ties = sharedTies(members, links, inside);
  const positionsOf = new Map<number, number[]>();
  members.forEach((_, position) => pushTo(positionsOf, groups.find(position), position));
  // Per group (by root): whether it joined and its ties to the part.
  const joined = new Uint8Array(members.length);
  const tiesToPart = new Int32Array(members.length);
  const queue: number[] = [];
  const join = (root: number) => {
    if (joined[root]) return;
    joined[root] = 1;
    queue.push(root);
  };
  for (const position of seedsPositions(members, seeds)) join(groups.find(position));
  for (let root = queue.pop(); root !== undefined; root = queue.pop()) {
    for (const position of positionsOf.get(root) ?? []) {
      for (const link of links.get(members[position]!) ?? []) {
        const users = ties.get(link.key);
        if (users === undefined) continue;
        ties.delete(link.key); // each tie counts once, and once per group it reaches
        const strength = users.length === link.accounts ? JOIN_TIES : 1;
        for (const [other, own] of usersPerGroup(users, groups)) {
          if (joined[other] || !isOwnedWithout(own, users.length, link.accounts)) continue;
          const count = tiesToPart[other]! + strength;
          tiesToPart[other] = count;
          if (count >= JOIN_TIES) join(other);
        }
      }
    }
  }
  return members.filter((_, position) => joined[groups.find(position)]);
}

/** How many of a tie's users each group holds, by the group's root, in the order the users come. */
function usersPerGroup(users: readonly number[], groups: DisjointSets): Map<number, number> {
  const perGroup = new Map<number, number>();
  for (const user of users) {
    const root = groups.find(user);
    perGroup.set(root, (perGroup.get(root) ?? 0) + 1);
  }
  return perGroup;
}

/**
 * Whether the set would own the attribute without the group that would join
 * through it (`own` of the set's `inside` users), among its users outside
 * that group. A group must not make an attribute the set's own by its own
 * weight and then join through it: two card rings behind the same three
 * commercial VPN exits, each ring a third to a half of every exit's users,
 * own the exits only together, and are two rings; a proxy campaign's
 * sub-groups share exits that nobody outside the campaign uses, whichever
 * sub-group is left out.
 */
function isOwnedWithout(own: number, inside: number, accounts: number): boolean {
  return inside > own && (inside - own) / (accounts - own) > OWNED_SHARE;
}

/** The members (by position) on each attribute the set owns that is neither an identifier nor a provider's: the ties between groups. */
function sharedTies(members: readonly string[], links: Map<string, AccountLink[]>, inside: Map<string, number>): Map<string, number[]> {
  const ties = new Map<string, number[]>();
  members.forEach((id, position) => {
    for (const link of links.get(id) ?? []) {
      if (isOwned(link, inside) && !isIdentifying(link.key) && !isProvider(link.key)) pushTo(ties, link.key, position);
    }
  });
  return ties;
}

/**
 * The members that cards, phones and devices the set owns chain to a seed.
 * Two card rings that fill one VPN exit between them are one set by what it
 * owns (the exit), though nothing but the exit joins them; each ring's own
 * identifiers chain only its members.
 */
export function seedsIdentifierGroups(members: readonly string[], seeds: readonly string[], links: Map<string, AccountLink[]>, inside: Map<string, number>): string[] {
  return inSeedsGroups(members, seeds, ownedGroups(members, links, inside, isIdentifying));
}

function inSeedsGroups(members: readonly string[], seeds: readonly string[], groups: DisjointSets): string[] {
  const roots = new Set(seedsPositions(members, seeds).map((position) => groups.find(position)));
  return members.filter((_, position) => roots.has(groups.find(position)));
}

/** The positions of those seeds that are members. */
function seedsPositions(members: readonly string[], seeds: readonly string[]): number[] {
  const seedSet = new Set(seeds);
  const positions: number[] = [];
  members.forEach((id, position) => {
    if (seedSet.has(id)) positions.push(position);
  });
  return positions;
}

/** Members (by position) joined by a chain of attributes the set owns whose key `isJoining` accepts. */
function ownedGroups(members: readonly string[], links: Map<string, AccountLink[]>, inside: Map<string, number>, isJoining: (key: string) => boolean): DisjointSets {
  const groups = new DisjointSets(members.length);
  const firstHolder = new Map<string, number>();
  members.forEach((id, position) => {
    for (const link of links.get(id) ?? []) {
      if (!isOwned(link, inside) || !isJoining(link.key)) continue;
      const holder = firstHolder.get(link.key);
      if (holder === undefined) firstHolder.set(link.key, position);
      else groups.union(holder, position);
    }
  });
  return groups;
}

function largestGroup(members: readonly string[], groups: DisjointSets): number {
  const sizes = new Int32Array(members.length);
  let largest = 0;
  for (let position = 0; position < members.length; position++) largest = Math.max(largest, ++sizes[groups.find(position)]!);
  return largest;
}
