import { getEnv } from "@/lib/env";
import { instanceStatus, localInstanceOptions, startInstance, stopInstance } from "@/lib/local-neo4j";
import { applySchema, checkDatabaseHealth, resolveConnection } from "@/lib/neo4j";

export const dbUsage = "ringscope db start|stop|status|schema";

/** `ringscope db`: the project's own Neo4j, or what NEO4J_URI names. */
export async function runDbCommand(args: string[]): Promise<number> {
  const [action] = args;
  switch (action) {
    case "start":
      return startDatabase();
    case "stop":
      return stopDatabase();
    case "status":
      return reportStatus();
    case "schema":
      return applySchemaCommand();
    default:
      console.error(`Usage: ${dbUsage}`);
      return 1;
  }
}

function externalServerNote(): string | undefined {
  const env = getEnv();
  return env.NEO4J_URI ? `NEO4J_URI is set (${env.NEO4J_URI}): Ringscope uses that server and does not manage it.` : undefined;
}

/** Starts the local server unless NEO4J_URI names another one (which Ringscope never manages). */
export async function startDatabase(): Promise<number> {
  const external = externalServerNote();
  if (external) {
    console.log(`${external} Nothing to start.`);
    return 0;
  }
  const options = localInstanceOptions();
  const result = await startInstance({ ...options, log: (line) => console.log(line) });
  if (result.alreadyRunning) {
    console.log(`Neo4j is already running (pid ${result.pid}) on bolt://127.0.0.1:${options.boltPort}.`);
    return 0;
  }
  const health = await checkDatabaseHealth();
  if (health.status === "down") throw new Error(`Neo4j started but does not answer: ${health.reason}`);
  console.log(
    `Neo4j ${health.server.version} (${health.server.edition}) is up on ${health.uri} after ${(result.elapsedMs / 1000).toFixed(1)}s` +
      ` — APOC ${health.server.apocVersion ?? "missing"}, GDS ${health.server.gdsVersion ?? "missing"}.`,
  );
  return 0;
}

async function stopDatabase(): Promise<number> {
  const external = externalServerNote();
  if (external) {
    console.log(`${external} Nothing to stop.`);
    return 0;
  }
  const { wasRunning } = await stopInstance(localInstanceOptions());
  console.log(wasRunning ? "Neo4j stopped." : "Neo4j was not running.");
  return 0;
}

async function reportStatus(): Promise<number> {
  const external = externalServerNote();
  if (!external) {
    const status = instanceStatus(localInstanceOptions());
    if (status.state === "stopped") {
      console.log(`Neo4j is not running (home ${status.home}). Start it with "npm run db:start".`);
      return 3;
    }
    console.log(`Neo4j is running (pid ${status.pid}) on ${status.uri}, home ${status.home}.`);
  } else {
    console.log(external);
  }
  const health = await checkDatabaseHealth();
  if (health.status === "down") {
    console.log(`It does not answer: ${health.reason}`);
    return 3;
  }
  const { server } = health;
  console.log(
    `${server.name} ${server.version} ${server.edition}, database "${health.database}"; APOC ${server.apocVersion ?? "not installed"}; GDS ${server.gdsVersion ?? "not installed"}.`,
  );
  return 0;
}

async function applySchemaCommand(): Promise<number> {
  const { statements } = await applySchema();
  console.log(`Schema applied (${statements} statements, all idempotent) to ${resolveConnection().uri}.`);
  return 0;
}
