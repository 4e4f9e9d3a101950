/**
 * Union-find over the positions 0 … size-1 of a list (a set's members):
 * which of them a chain of shared things joins. Positions rather than ids
 * keep it in one typed array: a 24,000-member campaign is grouped several
 * times per search.
 */
export class DisjointSets {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, position) => position);
  }

  find(position: number): number {
    let root = position;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression: later finds are one step.
    for (let node = position; node !== root; ) {
      const next = this.parent[node]!;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const [rootA, rootB] = [this.find(a), this.find(b)];
    if (rootA !== rootB) this.parent[rootB] = rootA;
  }
}
