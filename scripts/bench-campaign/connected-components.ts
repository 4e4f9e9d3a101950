import { DisjointSets } from "@/lib/campaign/disjoint-sets";
import { readQuery } from "@/lib/neo4j";

/**
 * The baseline a first attempt would use: connected components of the
 * account graph over every shared attribute, hubs included. Computed here
 * with union-find over all USES links (a benchmark, not product code).
 */
export class Components {
  private readonly sets = new DisjointSets();

  static async load(): Promise<Components> {
    const components = new Components();
    const rows = await readQuery<{ key: string; accounts: string[] }>(
      "MATCH (t:Attribute)<-[:USES]-(a:Account) WHERE t.account_count > 1 RETURN t.key AS key, collect(a.account_id) AS accounts",
      {},
      { timeoutMs: 600_000 },
    );
    for (const { accounts } of rows) for (const id of accounts.slice(1)) components.sets.union(accounts[0]!, id);
    return components;
  }

  /** Every account in the seed's component (none when it shares nothing). */
  membersWith(seed: string): string[] {
    if (!this.sets.has(seed)) return [];
    const root = this.sets.find(seed);
    return [...this.sets.ids()].filter((id) => this.sets.find(id) === root);
  }
}
