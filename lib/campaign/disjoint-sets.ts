/** Union-find over account ids: which accounts a chain of shared things joins. */
export class DisjointSets {
  private readonly parent = new Map<string, string>();

  add(id: string): void {
    if (!this.parent.has(id)) this.parent.set(id, id);
  }

  has(id: string): boolean {
    return this.parent.has(id);
  }

  /** Every id added or joined so far. */
  ids(): IterableIterator<string> {
    return this.parent.keys();
  }

  find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression: later finds are one step.
    for (let node = id; node !== root; ) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    this.add(a);
    this.add(b);
    const [rootA, rootB] = [this.find(a), this.find(b)];
    if (rootA !== rootB) this.parent.set(rootB, rootA);
  }
}
