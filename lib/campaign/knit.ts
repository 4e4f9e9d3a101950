import { DisjointSets } from "./disjoint-sets";
import { isIdentifying, isProvider } from "./kinds";
import type { AccountLink } from "./links";
import { isOwned } from "./refine";

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
 * The members that attributes the set owns chain to a seed. A set can meet
 * the conductance bound as two dense groups side by side: a household and
 * the card ring that shares its VPN exit (a dozen of the exit's thirty
 * users) are each bounded, and so is their union. Only what the set owns
 * ties one group to another; the exit does not, so the ring is not the
 * household's campaign, nor the household the ring's. Nor does a mail domain
 * both use (see isProvider).
 */
export function seedsGroups(members: readonly string[], seeds: readonly string[], links: Map<string, AccountLink[]>, inside: Map<string, number>): string[] {
  return inSeedsGroups(members, seeds, ownedGroups(members, links, inside, (key) => !isProvider(key)));
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
