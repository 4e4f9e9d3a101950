import type { GraphElement } from "./graph-model";

/** Data keys Cytoscape will not change on a live element; a change to them means remove and add. */
const structuralKeys = new Set(["id", "source", "target", "parent"]);

export interface ElementUpdate {
  id: string;
  /** The new data without structural keys, ready for `ele.data(...)`. */
  data: Record<string, unknown>;
  /** Keys the element had and no longer has, for `ele.removeData(...)`. */
  removedKeys: string[];
}

export interface ElementDiff {
  /** Ids to remove. Removing a node also removes its edges (Cytoscape does that). */
  removed: string[];
  /** Elements to add, nodes before edges so every edge finds its ends. */
  added: GraphElement[];
  updated: ElementUpdate[];
}

/**
 * What changed between the elements the canvas last applied and the next
 * ones, by id. Pure, so the canvas can apply the result inside one cy.batch()
 * and keep positions, selection and zoom of everything that stayed.
 * Ids must be unique within each list (toElements guarantees it).
 */
export function diffElements(previous: readonly GraphElement[], next: readonly GraphElement[]): ElementDiff {
  const before = new Map(previous.map((element) => [element.data.id, element]));
  const removed: string[] = [];
  const added: GraphElement[] = [];
  const updated: ElementUpdate[] = [];
  const nextIds = new Set<string>();

  for (const element of next) {
    const id = element.data.id;
    nextIds.add(id);
    const old = before.get(id);
    if (!old) {
      added.push(element);
    } else if (!isSameStructure(old, element)) {
      removed.push(id);
      added.push(element);
    } else if (!isSameData(old.data, element.data)) {
      updated.push(toUpdate(old.data, element.data));
    }
  }
  for (const id of before.keys()) {
    if (!nextIds.has(id)) removed.push(id);
  }
  added.sort((a, b) => groupOrder(a) - groupOrder(b));
  return { removed, added, updated };
}

export function isEmptyDiff(diff: ElementDiff): boolean {
  return diff.removed.length === 0 && diff.added.length === 0 && diff.updated.length === 0;
}

function groupOrder(element: GraphElement): number {
  return element.group === "nodes" ? 0 : 1;
}

function isSameStructure(a: GraphElement, b: GraphElement): boolean {
  if (a.group !== b.group) return false;
  if (a.group === "edges" && b.group === "edges") {
    return a.data.source === b.data.source && a.data.target === b.data.target;
  }
  return true;
}

function toUpdate(oldData: object, newData: object): ElementUpdate {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(newData)) {
    if (!structuralKeys.has(key)) data[key] = value;
  }
  const removedKeys = Object.keys(oldData).filter((key) => !(key in newData));
  return { id: (newData as { id: string }).id, data, removedKeys };
}

function isSameData(a: object, b: object): boolean {
  const aEntries = Object.entries(a);
  if (aEntries.length !== Object.keys(b).length) return false;
  return aEntries.every(([key, value]) => key in b && isSameValue(value, (b as Record<string, unknown>)[key]));
}

/** Structural equality for plain data (what element data holds). */
function isSameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => isSameValue(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) return isSameData(a, b);
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
