import { describe, expect, it } from "vitest";
import { runForceLayout, type LayoutEdge, type LayoutNode } from "./force-layout";

const at = (id: string, x = 0, y = 0, isPinned = false): LayoutNode => ({ id, x, y, isPinned });
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/** A hub with `leaves` accounts, each also using one attribute of its own. */
function star(leaves: number): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes = [at("hub")];
  const edges: LayoutEdge[] = [];
  for (let index = 0; index < leaves; index++) {
    nodes.push(at(`account:${index}`), at(`device:${index}`));
    edges.push({ source: `account:${index}`, target: "hub" }, { source: `account:${index}`, target: `device:${index}` });
  }
  return { nodes, edges };
}

describe("runForceLayout", () => {
  it("places every node, the same way every time", () => {
    const graph = star(20);
    const first = runForceLayout(graph);
    expect(Object.keys(first).sort()).toEqual(graph.nodes.map((node) => node.id).sort());
    expect(runForceLayout(graph)).toEqual(first);
  });

  it("spreads nodes that all start on one spot", () => {
    const { nodes, edges } = star(100);
    const positions = Object.values(runForceLayout({ nodes, edges }));
    let closest = Infinity;
    for (let a = 0; a < positions.length; a++) for (let b = a + 1; b < positions.length; b++) closest = Math.min(closest, distance(positions[a]!, positions[b]!));
    expect(closest).toBeGreaterThan(5);
  });

  it("opens up a dense core instead of piling it onto one spot", () => {
    // A campaign map: 60 sub-groups, each sharing 15 of 25 attributes.
    const nodes = Array.from({ length: 25 }, (_, index) => at(`attribute:${index}`));
    const edges: LayoutEdge[] = [];
    for (let group = 0; group < 60; group++) {
      nodes.push(at(`group:${group}`));
      for (let attribute = 0; attribute < 25; attribute++) {
        if ((group * 7 + attribute * 3) % 5 < 3) edges.push({ source: `group:${group}`, target: `attribute:${attribute}` });
      }
    }
    const positions = Object.values(runForceLayout({ nodes, edges }));
    let crowded = 0;
    for (let a = 0; a < positions.length; a++) for (let b = a + 1; b < positions.length; b++) if (distance(positions[a]!, positions[b]!) < 30) crowded++;
    expect(crowded).toBe(0);
  });

  it("keeps linked nodes closer than the drawing is wide", () => {
    const graph = star(100);
    const positions = runForceLayout(graph);
    const xs = Object.values(positions).map((position) => position.x);
    const width = Math.max(...xs) - Math.min(...xs);
    const ownDevice = graph.edges
      .filter((edge) => edge.target.startsWith("device:"))
      .map((edge) => distance(positions[edge.source]!, positions[edge.target]!));
    expect(Math.max(...ownDevice)).toBeLessThan(width / 4);
  });

  it("never moves a pinned node", () => {
    const { nodes, edges } = star(10);
    const pinned = [at("hub", 500, -300, true), ...nodes.slice(1)];
    expect(runForceLayout({ nodes: pinned, edges }).hub).toEqual({ x: 500, y: -300 });
  });

  it("keeps unlinked pieces near each other", () => {
    const nodes = [at("a", 0, 0), at("b", 10, 0), at("c", 3_000, 0), at("d", 3_010, 0)];
    const positions = runForceLayout({ nodes, edges: [{ source: "a", target: "b" }, { source: "c", target: "d" }] });
    expect(distance(positions.a!, positions.c!)).toBeLessThan(1_000);
  });

  it("ignores links to nodes it was not given", () => {
    const positions = runForceLayout({ nodes: [at("a"), at("b", 10)], edges: [{ source: "a", target: "elsewhere" }, { source: "a", target: "a" }] });
    expect(Object.keys(positions).sort()).toEqual(["a", "b"]);
  });

  it("handles an empty graph", () => {
    expect(runForceLayout({ nodes: [], edges: [] })).toEqual({});
  });
});
