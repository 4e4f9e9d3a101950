import { DisjointSets } from "./disjoint-sets";
import { kindOf } from "./evidence";
import type { AccountLink } from "./links";
import { isOwned } from "./refine";

/** Kinds that stand for one person's or one machine's identity, unlike an address or a domain crowds share. */
const IDENTIFYING_KINDS = new Set(["card", "phone", "device"]);

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
  const groups = new DisjointSets();
  const firstHolder = new Map<string, string>();
  for (const id of members) {
    groups.add(id);
    for (const link of links.get(id) ?? []) {
      if (!isOwned(link, inside) || !IDENTIFYING_KINDS.has(kindOf(link.key))) continue;
      const holder = firstHolder.get(link.key);
      if (holder === undefined) firstHolder.set(link.key, id);
      else groups.union(holder, id);
    }
  }
  return largestGroup(members, groups) / members.length;
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
