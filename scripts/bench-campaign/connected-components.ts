import { readQuery } from "@/lib/neo4j";

/**
 * The baseline a first attempt would use: connected components of the
 * account graph over every shared attribute, hubs included. Computed here
 * with union-find over all USES links (a benchmark, not product code).
 */
export class Components {
  private readonly parent = new Map<string, string>();

  static async load(): Promise<Components> {
    const components = new Components();
    const rows = await readQuery<{ key: string; accounts: string[] }>(
      "MATCH (t:Attribute)<-[:USES]-(a:Account) WHERE t.account_count > 1 RETURN t.key AS key, collect(a.account_id) AS accounts",
      {},
      { timeoutMs: 600_000 },
    );
    for (const { accounts } of rows) for (const id of accounts.slice(1)) components.union(accounts[0]!, id);
    return components;
  }

  /** Every account in the seed's component. */
  membersWith(seed: string): string[] {
    const root = this.find(seed);
    return [...this.parent.keys()].filter((id) => this.find(id) === root);
  }

  private find(id: string): string {
    let root = id;
    while ((this.parent.get(root) ?? root) !== root) root = this.parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  private union(a: string, b: string): void {
    if (!this.parent.has(a)) this.parent.set(a, a);
    if (!this.parent.has(b)) this.parent.set(b, b);
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootA, rootB);
  }
}
