import { describe, expect, it } from "vitest";
import { NodeIdIndex } from "./node-id-index";

describe("NodeIdIndex", () => {
  it("finds every node it was given, through growth and collisions, and no other", () => {
    const index = new NodeIdIndex();
    // Small ids, a stride that lands on few slots, and ids past 32 bits.
    const nodes = [
      ...Array.from({ length: 5_000 }, (_, i) => i),
      ...Array.from({ length: 5_000 }, (_, i) => 1_000_000 + i * 4096),
      ...Array.from({ length: 100 }, (_, i) => 2 ** 40 + i * 2 ** 32),
    ];
    nodes.forEach((node, i) => index.add(node, i));
    expect(nodes.every((node, i) => index.get(node) === i)).toBe(true);
    expect([5_000, 999_999, 1_000_001, 2 ** 40 + 1, 2 ** 53 - 1].map((node) => index.get(node))).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
