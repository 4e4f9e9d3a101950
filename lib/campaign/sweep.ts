import { accountDegree, type AccountLink } from "./links";

/**
 * The sweep cut of local graph partitioning: order the reached accounts by
 * rank per unit of degree and keep the prefix with the lowest conductance,
 * the set whose shared attributes point most inward. A campaign's proxy
 * exits and templates are used almost only by its members, so its boundary
 * is thin; a webmail domain or a carrier address its members also use
 * counts against it, whoever else uses them.
 *
 * The account graph is implicit: two accounts sharing attribute a are joined
 * with weight w(a) / |a|. For a set S, an attribute with k of its n accounts
 * in S adds w(a)·k(n - k)/n to the cut, so adding one account updates the cut
 * and the volume in O(links).
 */
export interface SweepInput {
  rank: Map<string, number>;
  links: Map<string, AccountLink[]>;
  /** Accounts that must be in the result (the seeds), whatever their rank. */
  required: string[];
  /** The largest set worth considering: past it, even a thin cut is not a community. */
  maxMembers: number;
  /** Accounts past the cut to report as near-misses. */
  nearMisses: number;
}

export interface SweepResult {
  members: string[];
  conductance: number;
  /** The next accounts in sweep order, with their place in it. */
  nearMisses: string[];
}

export function sweepCut({ rank, links, required, maxMembers, nearMisses }: SweepInput): SweepResult {
  const order = sweepOrder(rank, links, required);
  const inside = new Map<string, number>();
  let cut = 0;
  let volume = 0;
  let best = { size: Math.max(1, required.length), conductance: Number.POSITIVE_INFINITY };
  for (const [index, id] of order.entries()) {
    for (const link of links.get(id) ?? []) {
      const k = inside.get(link.key) ?? 0;
      cut += (link.weight * (link.accounts - 2 * k - 1)) / link.accounts;
      inside.set(link.key, k + 1);
    }
    volume += accountDegree(links.get(id) ?? []);
    const size = index + 1;
    if (size > maxMembers && size > required.length) break;
    const conductance = volume > 0 ? Math.max(0, cut) / volume : 1;
    if (size >= required.length && conductance < best.conductance) best = { size, conductance };
  }
  return {
    members: order.slice(0, best.size),
    conductance: Number.isFinite(best.conductance) ? best.conductance : 1,
    nearMisses: order.slice(best.size, best.size + nearMisses),
  };
}

/** Required accounts first, then by rank per link, ties broken by id so runs repeat exactly. */
function sweepOrder(rank: Map<string, number>, links: Map<string, AccountLink[]>, required: string[]): string[] {
  const requiredSet = new Set(required);
  const density = (id: string) => (rank.get(id) ?? 0) / Math.max(1e-9, accountDegree(links.get(id) ?? []));
  const rest = [...rank.keys()]
    .filter((id) => !requiredSet.has(id))
    .map((id) => ({ id, density: density(id) }))
    .sort((a, b) => b.density - a.density || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id }) => id);
  return [...[...requiredSet].sort(), ...rest];
}
