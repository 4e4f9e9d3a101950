import { describe, expect, it } from "vitest";
import { overlapGap, separateOverlaps, type NodeBox } from "./separate-overlaps";

function placed(boxes: readonly NodeBox[]): NodeBox[] {
  const moves = separateOverlaps(boxes);
  return boxes.map((box) => ({ ...box, ...moves.get(box.id) }));
}

function overlapping(boxes: readonly NodeBox[]): string[] {
  const pairs: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const apartX = Math.abs(a.x - b.x) >= (a.width + b.width) / 2;
      const apartY = Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
      if (!apartX && !apartY) pairs.push(`${a.id} ${b.id}`);
    }
  }
  return pairs;
}

const node = (id: string, x: number, y: number, extra: Partial<NodeBox> = {}): NodeBox => ({ id, x, y, width: 30, height: 30, ...extra });

describe("separateOverlaps", () => {
  it("leaves a drawing without overlaps exactly as it is", () => {
    expect(separateOverlaps([node("a", 0, 0), node("b", 100, 0), node("c", 0, 100)]).size).toBe(0);
  });

  it("parts two nodes on the very same spot, each half the way, with a gap between their borders", () => {
    const [a, b] = placed([node("device", 10, 10), node("ip", 10, 10)]);
    expect(overlapping([a!, b!])).toEqual([]);
    expect((a!.x + b!.x) / 2).toBeCloseTo(10);
    expect((a!.y + b!.y) / 2).toBeCloseTo(10);
    const apartX = Math.abs(a!.x - b!.x) >= 30 + overlapGap - 0.001;
    const apartY = Math.abs(a!.y - b!.y) >= 30 + overlapGap - 0.001;
    expect(apartX || apartY).toBe(true);
  });

  it("pushes along the line between the centres, no further than needed", () => {
    const [a, b] = placed([node("a", 0, 0), node("b", 20, 0)]);
    expect(a!.y).toBe(0);
    expect(b!.y).toBe(0);
    expect(b!.x - a!.x).toBeCloseTo(30 + overlapGap, 1);
  });

  it("moves only the free node of a pair when the other is pinned", () => {
    const moves = separateOverlaps([node("pinned", 0, 0, { isPinned: true }), node("free", 5, 0)]);
    expect([...moves.keys()]).toEqual(["free"]);
    expect(moves.get("free")!.x).toBeCloseTo(30 + overlapGap, 1);
  });

  it("opens a pile of a hundred nodes of mixed sizes on one spot, and two pinned ones stay overlapping", () => {
    const pile = Array.from({ length: 100 }, (_, index) => node(`n${index}`, 0, 0, { width: 20 + (index % 3) * 10, height: 20 + (index % 2) * 10 }));
    expect(overlapping(placed(pile))).toEqual([]);
    const pinnedPair = [node("p", 0, 0, { isPinned: true }), node("q", 1, 1, { isPinned: true })];
    expect(separateOverlaps(pinnedPair).size).toBe(0);
  });
});
