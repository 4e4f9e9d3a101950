import { readQuery, type Plain } from "@/lib/neo4j";

/*
 * A full, ordered dump of the data graph (everything but IngestRun nodes),
 * for tests that compare "the graph after X" with "the graph after Y".
 * Every property is listed with its value and Cypher type, so an integer that
 * became a float, or a datetime that lost its offset, shows as a difference.
 */

const nodesCypher = `
MATCH (n) WHERE NOT n:IngestRun
RETURN labels(n) AS labels,
  [key IN keys(n) | [key, n[key], valueType(n[key])]] AS properties`;

const relationshipsCypher = `
MATCH (a)-[r]->(b)
RETURN coalesce(a.account_id, a.session_id, a.key) AS start, type(r) AS type,
  coalesce(b.account_id, b.session_id, b.key) AS end,
  [key IN keys(r) | [key, r[key], valueType(r[key])]] AS properties`;

type PropertyTriple = [string, Plain, string];

export interface DumpOptions {
  /** Properties left out, such as updated_at (the wall-clock time of a load). */
  ignoreProperties?: readonly string[];
}

/** One sorted line per node and per relationship. */
export async function dumpDataGraph(options: DumpOptions = {}): Promise<string[]> {
  const ignored = new Set(options.ignoreProperties ?? []);
  const describe = (properties: PropertyTriple[]) =>
    properties
      .filter(([key]) => !ignored.has(key))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value, type]) => `${key}=${JSON.stringify(value)}:${type}`)
      .join(" ");
  const nodes = await readQuery<{ labels: string[]; properties: PropertyTriple[] }>(nodesCypher, {}, { timeoutMs: 120_000 });
  const relationships = await readQuery<{ start: string; type: string; end: string; properties: PropertyTriple[] }>(
    relationshipsCypher,
    {},
    { timeoutMs: 120_000 },
  );
  const lines = [
    ...nodes.map((node) => `(${[...node.labels].sort().join(":")} ${describe(node.properties)})`),
    ...relationships.map((rel) => `(${rel.start})-[${rel.type} ${describe(rel.properties)}]->(${rel.end})`),
  ];
  return lines.sort();
}

/** Node and relationship counts by label / type, for quick assertions. */
export async function countGraph(): Promise<Record<string, number>> {
  const rows = await readQuery<{ name: string; count: number }>(`
    MATCH (n) UNWIND labels(n) AS name RETURN name, count(*) AS count
    UNION ALL
    MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS count`);
  return Object.fromEntries(rows.map((row) => [row.name, row.count]));
}
