import neo4j from "neo4j-driver";

/** A JSON-safe value: what crosses the lib/ boundary instead of driver types. */
export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/**
 * Converts any value the driver returns into plain JSON-safe data.
 * Integers inside the safe range become numbers; larger ones become decimal
 * strings so they are never silently rounded. Temporal values become ISO-8601
 * strings. Nodes and relationships become their property maps (business keys
 * identify things; element ids never leave lib/).
 */
export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean" || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return bigintToPlain(value);
  // Lists first: they are most of what a campaign's reads return, and no driver type is one.
  if (Array.isArray(value)) return isPlainList(value) ? value : value.map(toPlain);
  if (neo4j.isInt(value)) {
    return neo4j.integer.inSafeRange(value) ? value.toNumber() : value.toString();
  }
  if (isTemporal(value)) return (value as { toString(): string }).toString();
  if (neo4j.isPoint(value)) {
    return { srid: toPlain(value.srid), x: value.x, y: value.y, ...(value.z === undefined ? {} : { z: value.z }) };
  }
  if (neo4j.isNode(value)) return { labels: [...value.labels], properties: plainObject(value.properties) };
  if (neo4j.isRelationship(value)) return { type: value.type, properties: plainObject(value.properties) };
  if (neo4j.isPath(value)) {
    return value.segments.map((segment) => ({
      start: toPlain(segment.start),
      relationship: toPlain(segment.relationship),
      end: toPlain(segment.end),
    }));
  }
  // Byte arrays arrive as Int8Array: any typed array's bytes become base64 (as an object, 1.6 MB took 13 s).
  if (ArrayBuffer.isView(value)) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  if (typeof value === "object") return plainObject(value as Record<string, unknown>);
  // Functions and symbols never come from the driver; they have no JSON form.
  return null;
}

/**
 * A driver record's fields as plain data, by position: `toObject` builds an
 * object through iterators and toPlain would copy it again, which for the
 * 100,000 rows of a campaign search is garbage the collector has to sweep.
 */
export function recordToPlain(record: { keys: readonly PropertyKey[]; get(index: number): unknown }): { [key: string]: Plain } {
  const row: { [key: string]: Plain } = {};
  record.keys.forEach((key, index) => {
    row[String(key)] = toPlain(record.get(index));
  });
  return row;
}

/**
 * Whether every element is already plain (a string, a finite number, a
 * boolean), so the list can be passed on as it is: a campaign's reads return
 * lists of a million keys and times, and copying them cost a fifth of the
 * read, most of it in the garbage collector.
 */
function isPlainList(list: unknown[]): list is Plain[] {
  for (const element of list) {
    const type = typeof element;
    if (type === "string" || type === "boolean" || (type === "number" && Number.isFinite(element))) continue;
    return false;
  }
  return true;
}

function bigintToPlain(value: bigint): Plain {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(value)
    : value.toString();
}

function plainObject(object: Record<string, unknown>): { [key: string]: Plain } {
  const result: { [key: string]: Plain } = {};
  for (const [key, entry] of Object.entries(object)) result[key] = toPlain(entry);
  return result;
}

function isTemporal(value: unknown): boolean {
  return (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  );
}
