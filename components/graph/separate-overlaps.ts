/**
 * The last step of a main-thread layout: nudges apart nodes whose boxes
 * still overlap, so every node can be seen and clicked. fcose leaves a few:
 * two attributes used by the same members (a ring's device and its proxy
 * exit) get the same spot in its spectral draft, and their shared links hold
 * them there against repulsion. Pure and deterministic.
 */

import type { LayoutNode, Positions } from "./force-layout";

/** A node's centre (`x`, `y`) and drawn size in model units. Pinned nodes stay put; whoever overlaps them moves the whole way. */
export interface NodeBox extends LayoutNode {
  width: number;
  height: number;
}

export type Moves = Map<string, { x: number; y: number }>;

/** Room left between two nodes once separated, so their borders do not touch. */
export const overlapGap = 4;

// Each round clears every overlap it finds, but a move can open a new one
// nearby; a tight pile of 100 nodes settles in about 30 rounds.
const maxRounds = 200;

// Nodes on the very same spot have no direction between them; each takes
// its own, a golden angle on from the last, so a pile opens as a spiral.
const goldenAngle = Math.PI * (3 - Math.sqrt(5));

/** The nodes that had to move, with their new centres; empty when nothing overlapped. */
export function separateOverlaps(boxes: readonly NodeBox[]): Moves {
  const nodes = boxes.map((box) => ({ ...box }));
  const moved = new Set<number>();
  for (let round = 0; round < maxRounds; round++) {
    const pairs = overlappingPairs(nodes);
    if (pairs.length === 0) break;
    for (const [a, b] of pairs) pushApart(nodes, a, b, moved);
  }
  return new Map([...moved].map((index) => [nodes[index]!.id, { x: nodes[index]!.x, y: nodes[index]!.y }]));
}

/** `positions` (a layout's answer for `boxes`), with the nodes that overlapped there moved apart. */
export function withoutOverlaps(boxes: readonly NodeBox[], positions: Positions): Positions {
  const placed = boxes.map((box) => ({ ...box, ...positions[box.id] }));
  return { ...positions, ...Object.fromEntries(separateOverlaps(placed)) };
}

/** Sweep along x: only boxes whose x ranges meet are compared, so a spread-out drawing costs about O(n log n). */
function overlappingPairs(nodes: readonly NodeBox[]): [number, number][] {
  const byLeft = nodes.map((_, index) => index).sort((a, b) => left(nodes[a]!) - left(nodes[b]!));
  const pairs: [number, number][] = [];
  for (let i = 0; i < byLeft.length; i++) {
    const a = nodes[byLeft[i]!]!;
    for (let j = i + 1; j < byLeft.length && left(nodes[byLeft[j]!]!) < right(a); j++) {
      const b = nodes[byLeft[j]!]!;
      const canMove = !a.isPinned || !b.isPinned;
      if (canMove && Math.abs(a.y - b.y) < (a.height + b.height) / 2 + overlapGap) pairs.push([byLeft[i]!, byLeft[j]!]);
    }
  }
  return pairs;
}

// The gap counts on the right edge only, so it is added once between two boxes.
const left = (node: NodeBox) => node.x - node.width / 2;
const right = (node: NodeBox) => node.x + node.width / 2 + overlapGap;

/**
 * Moves the pair apart along the line between their centres, just far
 * enough that their boxes (plus the gap) no longer overlap: each goes half
 * the way, or a free node all of it when the other is pinned.
 */
function pushApart(nodes: NodeBox[], a: number, b: number, moved: Set<number>): void {
  const first = nodes[a]!;
  const second = nodes[b]!;
  const direction = directionBetween(first, second, b);
  const needX = (first.width + second.width) / 2 + overlapGap;
  const needY = (first.height + second.height) / 2 + overlapGap;
  // Along the direction, the boxes clear once either axis's distance reaches what it needs.
  const clearAt = Math.min(needX / Math.abs(direction.x), needY / Math.abs(direction.y));
  const shortfall = clearAt - Math.hypot(second.x - first.x, second.y - first.y);
  if (shortfall <= 0) return;
  // A hair more than needed, so rounding cannot leave the pair touching for the next round.
  const distance = shortfall + 0.01;
  const firstShare = first.isPinned ? 0 : second.isPinned ? 1 : 0.5;
  move(first, direction, -distance * firstShare);
  move(second, direction, distance * (1 - firstShare));
  if (!first.isPinned) moved.add(a);
  if (!second.isPinned) moved.add(b);
}

function directionBetween(from: NodeBox, to: NodeBox, toIndex: number): { x: number; y: number } {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  if (length > 1e-6) return { x: dx / length, y: dy / length };
  const angle = toIndex * goldenAngle;
  return { x: Math.cos(angle), y: Math.sin(angle) };
}

function move(node: NodeBox, direction: { x: number; y: number }, distance: number): void {
  node.x += direction.x * distance;
  node.y += direction.y * distance;
}
