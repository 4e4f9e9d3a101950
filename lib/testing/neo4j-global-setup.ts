import { externalServerKeys, startThrowawayServer } from "./throwaway-neo4j";

/**
 * Vitest global setup for the integration project: one throwaway Neo4j for the
 * whole run. Workers start after this and inherit the environment set here.
 */
export default async function setup(): Promise<() => Promise<void>> {
  for (const key of externalServerKeys) delete process.env[key];
  const server = await startThrowawayServer("it");
  Object.assign(process.env, server.env);
  return server.stop;
}
