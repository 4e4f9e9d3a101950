import neo4j from "neo4j-driver";
import { getEnv } from "@/lib/env";
import { classifyDriverError } from "./classify-error";
import { getDriver } from "./driver";
import { recordToPlain, type Plain } from "./to-plain";

export type QueryParams = Record<string, unknown>;

export interface QueryOptions {
  /** Overrides NEO4J_QUERY_TIMEOUT_MS for this query. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface WriteSummary {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

/**
 * Runs a read query. Routed to READ so that a cluster can answer from a
 * secondary. Rows come back as plain data (see toPlain); callers map them to
 * their domain types. Every value must arrive through `params`.
 */
export async function readQuery<Row extends Record<string, Plain>>(
  cypher: string,
  params: QueryParams = {},
  options: QueryOptions = {},
): Promise<Row[]> {
  const result = await execute(cypher, params, "READ", options);
  return result.records.map((record) => recordToPlain(record) as Row);
}

/** Slices smaller than this are not worth a transaction of their own. */
const MIN_SLICE = 1_000;
/** Nor is any slice larger than this: one transaction over a hub's 300k accounts would run into the query timeout. */
const MAX_SLICE = 10_000;

/**
 * A read over a long list parameter (`listKey`), split into slices read side
 * by side, NEO4J_READ_PARALLELISM at a time. Neo4j runs each transaction on
 * one core, so a campaign's reads over thousands of accounts would otherwise
 * leave the others idle. The query must read each list element on its own
 * (no aggregation across elements); rows come back in slice order.
 */
export async function readQueryInSlices<Row extends Record<string, Plain>>(cypher: string, params: QueryParams, listKey: string): Promise<Row[]> {
  const list = params[listKey];
  if (!Array.isArray(list)) throw new Error(`readQueryInSlices: parameter ${listKey} is not a list`);
  const size = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.ceil(list.length / getEnv().NEO4J_READ_PARALLELISM)));
  const slices = Array.from({ length: Math.max(1, Math.ceil(list.length / size)) }, (_, i) => ({ ...params, [listKey]: list.slice(i * size, (i + 1) * size) }));
  return (await readQueriesSideBySide<Row>(cypher, slices)).flat();
}

/**
 * One read per parameter set, NEO4J_READ_PARALLELISM of them side by side;
 * each read's rows, in the order the sets were given.
 */
export async function readQueriesSideBySide<Row extends Record<string, Plain>>(cypher: string, paramSets: QueryParams[]): Promise<Row[][]> {
  const results = new Array<Row[]>(paramSets.length);
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < paramSets.length; i = next++) results[i] = await readQuery<Row>(cypher, paramSets[i]);
  };
  await Promise.all(Array.from({ length: Math.min(getEnv().NEO4J_READ_PARALLELISM, paramSets.length) }, reader));
  return results;
}

/** Runs a write query (routed to the leader) and returns its rows and counters. */
export async function writeQuery<Row extends Record<string, Plain>>(
  cypher: string,
  params: QueryParams = {},
  options: QueryOptions = {},
): Promise<{ rows: Row[]; summary: WriteSummary }> {
  const result = await execute(cypher, params, "WRITE", options);
  const counters = result.summary.counters.updates();
  return {
    rows: result.records.map((record) => recordToPlain(record) as Row),
    summary: {
      nodesCreated: counters.nodesCreated,
      nodesDeleted: counters.nodesDeleted,
      relationshipsCreated: counters.relationshipsCreated,
      relationshipsDeleted: counters.relationshipsDeleted,
      propertiesSet: counters.propertiesSet,
    },
  };
}

async function execute(cypher: string, params: QueryParams, routing: "READ" | "WRITE", options: QueryOptions) {
  const { driver, settings } = getDriver();
  try {
    return await driver.executeQuery(cypher, params, {
      database: settings.database,
      routing: routing === "READ" ? neo4j.routing.READ : neo4j.routing.WRITE,
      transactionConfig: { timeout: options.timeoutMs ?? getEnv().NEO4J_QUERY_TIMEOUT_MS },
      signal: options.signal,
    });
  } catch (error) {
    throw classifyDriverError(error);
  }
}
