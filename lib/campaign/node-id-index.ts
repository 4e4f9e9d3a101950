/**
 * Node id → index, by open addressing over typed arrays. A benign seed's walk
 * interns every user of every attribute it pushes (4.9 million lookups for an
 * office worker among a million accounts); with a Map<number, number> that
 * interning took 2.8 s of a 37 s search, with this 1.8 s. Node ids are
 * non-negative integers, exact in a float up to 2^53.
 */
export class NodeIdIndex {
  private bits = 10;
  private nodes = new Float64Array(1 << this.bits).fill(EMPTY);
  private indexes = new Int32Array(1 << this.bits);
  private size = 0;

  get(node: number): number | undefined {
    const slot = this.slotOf(node);
    return this.nodes[slot] === node ? this.indexes[slot] : undefined;
  }

  /** Records the index of a node not recorded yet. */
  add(node: number, index: number): void {
    // At most half full, so probes stay short.
    if ((this.size + 1) * 2 > this.nodes.length) this.grow();
    const slot = this.slotOf(node);
    this.nodes[slot] = node;
    this.indexes[slot] = index;
    this.size++;
  }

  /** The node's slot, or the empty one where it would go (linear probing). */
  private slotOf(node: number): number {
    const mask = this.nodes.length - 1;
    let slot = hash(node) >>> (32 - this.bits);
    while (this.nodes[slot] !== EMPTY && this.nodes[slot] !== node) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const [nodes, indexes] = [this.nodes, this.indexes];
    this.bits++;
    this.nodes = new Float64Array(1 << this.bits).fill(EMPTY);
    this.indexes = new Int32Array(1 << this.bits);
    this.size = 0;
    nodes.forEach((node, slot) => {
      if (node !== EMPTY) this.add(node, indexes[slot]!);
    });
  }
}

const EMPTY = -1;

/** Fibonacci hashing of the id's low and high 32 bits: the slot is the top bits of the product. */
function hash(node: number): number {
  const low = node >>> 0;
  const high = (node / 0x1_0000_0000) >>> 0;
  return Math.imul(low ^ Math.imul(high, 0x85eb_ca6b), 0x9e37_79b1) >>> 0;
}
