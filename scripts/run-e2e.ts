// `npm run test:e2e`: the Playwright suite against the production build, with
// a throwaway Neo4j of its own (never the user's server or NEO4J_URI), loaded
// with a generated scenario so the explorer's tests work on demo-like data.
import { spawn } from "node:child_process";
import { resetEnv } from "@/lib/env";
import { presetNamed } from "@/lib/generate";
import { refreshWorklist } from "@/lib/campaign/worklist";
import { applySchema, closeDriver } from "@/lib/neo4j";
import { ensureScenario, loadScenario } from "@/lib/testing/scenario-data";
import { externalServerKeys, startThrowawayServer } from "@/lib/testing/throwaway-neo4j";

// The suite runs on the demo data a new user sees (20,000 accounts, 150,000
// sessions; two to four minutes to load on the shared 2-CPU development VM).
// RINGSCOPE_E2E_PRESET=tiny (2,000 accounts) is quicker while writing tests.
const preset = presetNamed(process.env.RINGSCOPE_E2E_PRESET ?? "demo", "RINGSCOPE_E2E_PRESET");

async function main(): Promise<number> {
  for (const key of externalServerKeys) delete process.env[key];
  const data = await ensureScenario(preset);
  const server = await startThrowawayServer("e2e");
  try {
    Object.assign(process.env, server.env, { RINGSCOPE_DIST_DIR: ".next-e2e", RINGSCOPE_E2E_DATA: data });
    resetEnv();
    await applySchema();
    await loadScenario(data);
    await refreshWorklist({ minSize: 5, incremental: false });
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
