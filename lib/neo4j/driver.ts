import neo4j, { type Driver } from "neo4j-driver";
import { classifyDriverError } from "./classify-error";
import { resolveConnection, type ConnectionSettings } from "./connection";

interface DriverHolder {
  driver: Driver;
  settings: ConnectionSettings;
}

// One driver (one connection pool) per process, kept on globalThis so that
// Next.js dev reloads, which re-evaluate modules, do not open new pools.
const holderKey = Symbol.for("ringscope.neo4j.driver");
/** Bolt's "all remaining records" fetch size. */
const FETCH_ALL = -1;
type GlobalWithDriver = typeof globalThis & { [holderKey]?: DriverHolder };

export function getDriver(): DriverHolder {
  const scope = globalThis as GlobalWithDriver;
  const existing = scope[holderKey];
  if (existing) return existing;
  const settings = resolveConnection();
  const driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.username, settings.password), {
    // Fail fast when the server is down instead of hanging a page render.
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxConnectionPoolSize: 50,
    // Every read is buffered whole (executeQuery), so pulling it in batches of
    // the default 1,000 records only adds round trips: a campaign's 24k-row
    // reads took 24 of them.
    fetchSize: FETCH_ALL,
    userAgent: "ringscope",
  });
  const holder = { driver, settings };
  scope[holderKey] = holder;
  return holder;
}

/**
 * Checks that the server answers, failing within the connection timeout.
 * Queries retry a down server for up to 30 s (right for work, wrong for a
 * health check), so health asks this first.
 */
export async function verifyReachable(): Promise<void> {
  const { driver, settings } = getDriver();
  try {
    await driver.verifyConnectivity({ database: settings.database });
  } catch (error) {
    throw classifyDriverError(error);
  }
}

/** Closes the process's driver (CLIs and tests call this before exiting). */
export async function closeDriver(): Promise<void> {
  const scope = globalThis as GlobalWithDriver;
  const existing = scope[holderKey];
  delete scope[holderKey];
  if (existing) await existing.driver.close();
}
