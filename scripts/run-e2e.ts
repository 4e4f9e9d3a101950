// `npm run test:e2e`: the Playwright suite against the production build, with
// a throwaway Neo4j of its own (never the user's server or NEO4J_URI).
import { spawn } from "node:child_process";
import { resetEnv } from "@/lib/env";
import { applySchema, closeDriver } from "@/lib/neo4j";
import { externalServerKeys, startThrowawayServer } from "@/lib/testing/throwaway-neo4j";

async function main(): Promise<number> {
  for (const key of externalServerKeys) delete process.env[key];
  const server = await startThrowawayServer("e2e");
  try {
    Object.assign(process.env, server.env, { RINGSCOPE_DIST_DIR: ".next-e2e" });
    resetEnv();
    await applySchema();
    await closeDriver();
    return await runPlaywright(process.argv.slice(2));
  } finally {
    await server.stop();
  }
}

function runPlaywright(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["playwright", "test", ...args], { stdio: "inherit", env: process.env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

process.exitCode = await main();
