// `npm run test:e2e`: the Playwright suite against the production build, with
// a throwaway Neo4j of its own (never the user's server or NEO4J_URI), loaded
// with a generated scenario so the explorer's tests work on demo-like data.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { resetEnv } from "@/lib/env";
import { generateScenario, presetNames, type PresetName } from "@/lib/generate";
import { TRUTH_FILE } from "@/lib/generate/truth";
import { ingestFolder } from "@/lib/ingest/run-ingest";
import { applySchema, closeDriver } from "@/lib/neo4j";
import { externalServerKeys, startThrowawayServer } from "@/lib/testing/throwaway-neo4j";

// `tiny` (2,000 accounts) loads in seconds; `demo` (20,000) takes about a
// minute and a half on a shared 2-CPU machine for the same assertions.
// RINGSCOPE_E2E_PRESET=demo runs the suite on the full demo data.
const preset = readPreset(process.env.RINGSCOPE_E2E_PRESET ?? "tiny");

async function main(): Promise<number> {
  for (const key of externalServerKeys) delete process.env[key];
  const data = await generatedData(preset);
  const server = await startThrowawayServer("e2e");
  try {
    Object.assign(process.env, server.env, { RINGSCOPE_DIST_DIR: ".next-e2e", RINGSCOPE_E2E_DATA: data });
    resetEnv();
    await applySchema();
    await loadData(data);
    await closeDriver();
    return await runPlaywright(process.argv.slice(2));
  } finally {
    await server.stop();
  }
}

/** The scenario's folder under .ringscope/, generated once (generation is deterministic) and reused. */
async function generatedData(name: PresetName): Promise<string> {
  const folder = path.resolve(".ringscope", "e2e-data", name);
  if (!existsSync(path.join(folder, TRUTH_FILE))) {
    console.log(`Generating the ${name} scenario into ${folder}…`);
    await generateScenario({ preset: name, outDir: folder });
  }
  return folder;
}

async function loadData(folder: string): Promise<void> {
  const started = Date.now();
  // Reports go to a temp folder: runs over the cached data must not pile up beside it.
  const reportDir = await mkdtemp(path.join(os.tmpdir(), "ringscope-e2e-report-"));
  try {
    const report = await ingestFolder({ folder, reportDir });
    console.log(`Loaded ${report.totals.loaded.toLocaleString("en")} rows of ${preset} data in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}

function readPreset(name: string): PresetName {
  if (!(presetNames as readonly string[]).includes(name)) throw new Error(`RINGSCOPE_E2E_PRESET must be one of ${presetNames.join(", ")}`);
  return name as PresetName;
}

function runPlaywright(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["playwright", "test", ...args], { stdio: "inherit", env: process.env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

process.exitCode = await main();
