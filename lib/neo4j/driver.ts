import neo4j, { type Driver } from "neo4j-driver";
import { resolveConnection, type ConnectionSettings } from "./connection";

interface DriverHolder {
  driver: Driver;
  settings: ConnectionSettings;
}

// One driver (one connection pool) per process, kept on globalThis so that
// Next.js dev reloads, which re-evaluate modules, do not open new pools.
const holderKey = Symbol.for("ringscope.neo4j.driver");
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
    userAgent: "ringscope",
  });
  const holder = { driver, settings };
  scope[holderKey] = holder;
  return holder;
}

/** Closes the process's driver (CLIs and tests call this before exiting). */
export async function closeDriver(): Promise<void> {
  const scope = globalThis as GlobalWithDriver;
  const existing = scope[holderKey];
  delete scope[holderKey];
  if (existing) await existing.driver.close();
}
