import { DisjointSets } from "./disjoint-sets";
import { isIdentifying, isProvider } from "./kinds";
import type { AccountLink } from "./links";
import { pushTo } from "./lists-by-key";
import { isOwned, JOIN_TIES } from "./refine";

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
  const membersOf = new Map<string, string[]>();
  for (const id of members) pushTo(membersOf, groups.find(id), id);
  const joined = new Set<string>();
  const tiesToPart = new Map<string, number>();
  const queue: string[] = [];
  const join = (root: string) => {
    if (joined.has(root)) return;
    joined.add(root);
    queue.push(root);
  };
  for (const seed of seeds) if (groups.has(seed)) join(groups.find(seed));
  for (let root = queue.pop(); root !== undefined; root = queue.pop()) {
    for (const id of membersOf.get(root) ?? []) {
      for (const link of links.get(id) ?? []) {
        const users = ties.get(link.key);
        if (users === undefined) continue;
        ties.delete(link.key); // each tie counts once
        const strength = users.length === link.accounts ? JOIN_TIES : 1;
        for (const other of new Set(users.map((user) => groups.find(user)))) {
          if (joined.has(other)) continue;
          const count = (tiesToPart.get(other) ?? 0) + strength;
          tiesToPart.set(other, count);
          if (count >= JOIN_TIES) join(other);
        }
      }
    }
  }
  return members.filter((id) => joined.has(groups.find(id)));
}

/** The members on each attribute the set owns that is neither an identifier nor a provider's: the ties between groups. */
function sharedTies(members: readonly string[], links: Map<string, AccountLink[]>, inside: Map<string, number>): Map<string, string[]> {
  const ties = new Map<string, string[]>();
  for (const id of members) {
    for (const link of links.get(id) ?? []) {
      if (isOwned(link, inside) && !isIdentifying(link.key) && !isProvider(link.key)) pushTo(ties, link.key, id);
    }
  }
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
  const roots = new Set(seeds.filter((seed) => groups.has(seed)).map((seed) => groups.find(seed)));
  return members.filter((id) => roots.has(groups.find(id)));
}

/** Members joined by a chain of attributes the set owns whose key `isJoining` accepts. */
function ownedGroups(members: readonly string[], links: Map<string, AccountLink[]>, inside: Map<string, number>, isJoining: (key: string) => boolean): DisjointSets {
  const groups = new DisjointSets();
  const firstHolder = new Map<string, string>();
  for (const id of members) {
    groups.add(id);
    for (const link of links.get(id) ?? []) {
      if (!isOwned(link, inside) || !isJoining(link.key)) continue;
      const holder = firstHolder.get(link.key);
      if (holder === undefined) firstHolder.set(link.key, id);
      else groups.union(holder, id);
    }
  }
  return groups;
}

function largestGroup(members: readonly string[], groups: DisjointSets): number {
  const sizes = new Map<string, number>();
  let largest = 0;
  for (const id of members) {
    const root = groups.find(id);
    const size = (sizes.get(root) ?? 0) + 1;
    sizes.set(root, size);
    largest = Math.max(largest, size);
  }
  return largest;
}
