import { DisjointSets } from "@/lib/campaign/disjoint-sets";
import { readQuery } from "@/lib/neo4j";

/**
 * The baseline a first attempt would use: connected components of the
 * account graph over every shared attribute, hubs included. Computed here
 * with union-find over all USES links (a benchmark, not product code).
 */
export class Components {
  private constructor(
    private readonly ids: string[],
    private readonly positionOf: Map<string, number>,
    private readonly sets: DisjointSets,
  ) {}

  static async load(): Promise<Components> {
    const rows = await readQuery<{ key: string; accounts: string[] }>(
      "MATCH (t:Attribute)<-[:USES]-(a:Account) WHERE t.account_count > 1 RETURN t.key AS key, collect(a.account_id) AS accounts",
      {},
      { timeoutMs: 600_000 },
    );
    const positionOf = new Map<string, number>();
    for (const { accounts } of rows) for (const id of accounts) if (!positionOf.has(id)) positionOf.set(id, positionOf.size);
    const sets = new DisjointSets(positionOf.size);
    for (const { accounts } of rows) for (const id of accounts.slice(1)) sets.union(positionOf.get(accounts[0]!)!, positionOf.get(id)!);
    return new Components([...positionOf.keys()], positionOf, sets);
  }

  /** Every account in the seed's component (none when it shares nothing). */
  membersWith(seed: string): string[] {
    const position = this.positionOf.get(seed);
    if (position === undefined) return [];
    const root = this.sets.find(position);
    return this.ids.filter((_, other) => this.sets.find(other) === root);
  }
}
