/**
 * A force-directed layout over plain data, for graphs too large to lay out
 * on the main thread: the canvas's layout worker runs it and the canvas
 * applies the answer as a `preset` layout. Pure (no DOM, no Cytoscape,
 * no randomness), so the same graph always lands the same way.
 *
 * Fruchterman–Reingold: linked nodes pull together, every pair of nodes
 * pushes apart (harder between nodes with many links), a pull to the centre keeps separate pieces nearby, and each
 * step's move is capped by a cooling temperature. Repulsion is summed over
 * a quadtree (Barnes–Hut), so a step costs about O(n log n) instead of
 * O(n²): about 0.3 s for 450 nodes and 2 s for 2,500 in Node on the
 * development VM, in the worker, off the page's thread.
 */

export interface LayoutNode {
  id: string;
  /** Where the node is now: the layout starts from it, so what was on screen stays roughly put. */
  x: number;
  y: number;
  /** Pinned nodes push and pull others but never move. */
  isPinned?: boolean;
}

export interface LayoutEdge {
  source: string;
  target: string;
}

export interface ForceLayoutInput {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
  /** Ideal link length in model units; default 60 (about two node widths). */
  spacing?: number;
  /** Default 200; cost grows linearly with it. */
  iterations?: number;
}

export type Positions = Record<string, { x: number; y: number }>;

const defaultSpacing = 60;
const defaultIterations = 120;
// A spring of this strength to the centre, against k²/d repulsion, settles
// n nodes in a disc of radius about spacing · √n: evenly spread, no drift.
const gravity = 1;
// Barnes–Hut opening angle: a cell seen smaller than this (size / distance) counts as one body.
const theta = 1;

export function runForceLayout(input: ForceLayoutInput): Positions {
  const spacing = input.spacing ?? defaultSpacing;
  const iterations = input.iterations ?? defaultIterations;
  const count = input.nodes.length;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const isFixed = input.nodes.map((node) => node.isPinned === true);
  seedPositions(input.nodes, spacing, xs, ys);
  const links = indexEdges(input.nodes, input.edges);
  const masses = massesOf(count, links);

  // Start hot enough to cross the drawing, then cool linearly to a standstill.
  const startTemperature = spacing * Math.sqrt(count);
  for (let step = 0; step < iterations; step++) {
    const temperature = startTemperature * (1 - step / iterations);
    const dx = new Float64Array(count);
    const dy = new Float64Array(count);
    repel(xs, ys, masses, spacing, dx, dy);
    attract(xs, ys, links, spacing, dx, dy);
    pullToCentre(xs, ys, dx, dy);
    for (let index = 0; index < count; index++) {
      if (isFixed[index]) continue;
      const length = Math.sqrt(dx[index]! * dx[index]! + dy[index]! * dy[index]!);
      if (length === 0) continue;
      const move = Math.min(length, temperature) / length;
      xs[index]! += dx[index]! * move;
      ys[index]! += dy[index]! * move;
    }
  }

  const positions: Positions = {};
  input.nodes.forEach((node, index) => {
    positions[node.id] = { x: Math.round(xs[index]!), y: Math.round(ys[index]!) };
  });
  return positions;
}

/**
 * Nodes start where they are, nudged apart by a golden-angle spiral: nodes
 * that arrive at one spot (the canvas's origin, before anything is placed)
 * would otherwise feel no force that tells them apart.
 */
function seedPositions(nodes: readonly LayoutNode[], spacing: number, xs: Float64Array, ys: Float64Array): void {
  const goldenAngle = Math.PI * (3 - Math.sqrt(5));
  nodes.forEach((node, index) => {
    const radius = node.isPinned ? 0 : (spacing / 4) * Math.sqrt(index + 1);
    xs[index] = node.x + radius * Math.cos(index * goldenAngle);
    ys[index] = node.y + radius * Math.sin(index * goldenAngle);
  });
}

/** Links as index pairs; links to nodes outside the input (or loops) are dropped. */
function indexEdges(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Int32Array {
  const indexById = new Map(nodes.map((node, index) => [node.id, index]));
  const pairs: number[] = [];
  for (const edge of edges) {
    const source = indexById.get(edge.source);
    const target = indexById.get(edge.target);
    if (source !== undefined && target !== undefined && source !== target) pairs.push(source, target);
  }
  return Int32Array.from(pairs);
}

/**
 * A node's weight in repulsion: the square root of one more than its links
 * (ForceAtlas2 weighs nodes by links + 1; its square root spreads less).
 * Nodes with many links push each other apart harder, so a dense core opens
 * up instead of collapsing onto one spot: a 3,000-account campaign's map (85
 * sub-groups and shared attributes, 986 links) drew in a 283 × 304 box with
 * 303 pairs of nodes overlapping, and now spreads over 656 × 729 with 30
 * (which separate-overlaps.ts then moves apart). A leaf weighs √2 against 1
 * before.
 */
function massesOf(count: number, links: Int32Array): Float64Array {
  const linkCounts = new Float64Array(count).fill(1);
  for (const index of links) linkCounts[index]! += 1;
  return linkCounts.map(Math.sqrt);
}

/** A quadtree cell: its nodes' mass and centre of mass, and either its four quarters or (at the bottom) its nodes. */
interface Cell {
  mass: number;
  x: number;
  y: number;
  size: number;
  quarters: Cell[] | null;
  members: number[];
}

/** Cells at or below this size keep their nodes in a list: nodes on one spot would otherwise split forever. */
const smallestCell = 1;

function buildCell(xs: Float64Array, ys: Float64Array, masses: Float64Array, members: number[], left: number, top: number, size: number): Cell {
  let mass = 0;
  let sumX = 0;
  let sumY = 0;
  for (const index of members) {
    mass += masses[index]!;
    sumX += xs[index]! * masses[index]!;
    sumY += ys[index]! * masses[index]!;
  }
  const cell: Cell = { mass, x: sumX / mass, y: sumY / mass, size, quarters: null, members };
  if (members.length === 1 || size <= smallestCell) return cell;
  const half = size / 2;
  const parts: number[][] = [[], [], [], []];
  for (const index of members) parts[(xs[index]! >= left + half ? 1 : 0) + (ys[index]! >= top + half ? 2 : 0)]!.push(index);
  cell.quarters = parts.flatMap((part, quarter) =>
    part.length === 0 ? [] : [buildCell(xs, ys, masses, part, left + (quarter % 2) * half, top + Math.floor(quarter / 2) * half, half)],
  );
  cell.members = [];
  return cell;
}

/**
 * Every node pushes every other with k²/d (so a hub's ring of accounts
 * spreads out instead of piling up), summed Barnes–Hut style: a far cell
 * (size / distance below `theta`) acts as one body at its centre of mass.
 */
function repel(xs: Float64Array, ys: Float64Array, masses: Float64Array, spacing: number, dx: Float64Array, dy: Float64Array): void {
  const count = xs.length;
  if (count < 2) return;
  let left = Infinity;
  let top = Infinity;
  let size = 0;
  for (let index = 0; index < count; index++) {
    left = Math.min(left, xs[index]!);
    top = Math.min(top, ys[index]!);
  }
  for (let index = 0; index < count; index++) size = Math.max(size, xs[index]! - left, ys[index]! - top);
  const root = buildCell(xs, ys, masses, Array.from({ length: count }, (_, index) => index), left, top, size + 1);
  const squaredSpacing = spacing * spacing;
  const stack: Cell[] = [];
  for (let index = 0; index < count; index++) {
    stack.push(root);
    while (stack.length > 0) {
      const cell = stack.pop()!;
      const ex = xs[index]! - cell.x;
      const ey = ys[index]! - cell.y;
      const distance = Math.sqrt(ex * ex + ey * ey);
      if (cell.quarters && cell.size / distance >= theta) {
        for (const quarter of cell.quarters) stack.push(quarter);
      } else if (cell.quarters) {
        const strength = (squaredSpacing * masses[index]! * cell.mass) / distance;
        dx[index]! += (ex / distance) * strength;
        dy[index]! += (ey / distance) * strength;
      } else {
        for (const other of cell.members) pushApart(xs, ys, index, other, squaredSpacing * masses[index]! * masses[other]!, dx, dy);
      }
    }
  }
}

function pushApart(xs: Float64Array, ys: Float64Array, index: number, other: number, strength: number, dx: Float64Array, dy: Float64Array): void {
  if (other === index) return;
  // Nodes on one spot push apart along a direction fixed by their order, never at random.
  const ex = xs[index]! - xs[other]! || (index < other ? -0.01 : 0.01);
  const ey = ys[index]! - ys[other]!;
  const squaredDistance = ex * ex + ey * ey;
  dx[index]! += (ex * strength) / squaredDistance;
  dy[index]! += (ey * strength) / squaredDistance;
}

function attract(xs: Float64Array, ys: Float64Array, links: Int32Array, spacing: number, dx: Float64Array, dy: Float64Array): void {
  for (let pair = 0; pair < links.length; pair += 2) {
    const source = links[pair]!;
    const target = links[pair + 1]!;
    const ex = xs[source]! - xs[target]!;
    const ey = ys[source]! - ys[target]!;
    const distance = Math.sqrt(ex * ex + ey * ey);
    if (distance === 0) continue;
    // d² / k along the link, per unit vector: (e / d) · d² / k = e · d / k.
    const scale = distance / spacing;
    dx[source]! -= ex * scale;
    dy[source]! -= ey * scale;
    dx[target]! += ex * scale;
    dy[target]! += ey * scale;
  }
}

/** A spring to the centroid, so pieces with no link between them do not drift off. */
function pullToCentre(xs: Float64Array, ys: Float64Array, dx: Float64Array, dy: Float64Array): void {
  const count = xs.length;
  if (count === 0) return;
  let sumX = 0;
  let sumY = 0;
  for (let index = 0; index < count; index++) {
    sumX += xs[index]!;
    sumY += ys[index]!;
  }
  const centreX = sumX / count;
  const centreY = sumY / count;
  for (let index = 0; index < count; index++) {
    dx[index]! -= gravity * (xs[index]! - centreX);
    dy[index]! -= gravity * (ys[index]! - centreY);
  }
}
