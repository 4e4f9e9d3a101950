import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { getEnv, stateDir } from "@/lib/env";
import { generateScenario } from "@/lib/generate";
import { isUnwrittenLocalStore } from "@/lib/ingest/bulk/bulk-ingest";
import { applySchema, readQuery } from "@/lib/neo4j";
import { startDatabase } from "./db-command";
import { runIngestCommand } from "./ingest-command";

const demoPreset = "demo";
const demoRng = 1;

export const demoUsage = "ringscope demo [--port 3000] [--force] [--no-serve]";

/**
 * `ringscope demo`: the README's first command. Generates the demo scenario
 * once (cached), starts the database and loads the scenario once (into a new
 * store through the offline importer, else online with the schema applied
 * first), builds the app when its sources changed, and serves it until
 * interrupted.
 */
export async function runDemoCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: "string", default: "3000" }, force: { type: "boolean", default: false }, "no-serve": { type: "boolean", default: false } },
  });
  const demoFolder = await ensureDemoData();
  const status = isUnwrittenLocalStore() ? await loadIntoNewStore(demoFolder) : await loadIntoServer(demoFolder, values.force);
  if (status !== 0) return status;
  if (values["no-serve"]) return 0;
  await buildAppIfStale();
  return serveApp(values.port);
}

/**
 * A new machine: Neo4j's offline importer writes the store before the server
 * first starts, in about a minute where the online path takes one and a half.
 */
function loadIntoNewStore(folder: string): Promise<number> {
  console.log("A new database: loading the demo data with Neo4j's offline importer (ingest --bulk), then starting Neo4j.");
  return runIngestCommand(["--bulk", folder]);
}

async function loadIntoServer(folder: string, force: boolean): Promise<number> {
  await startDatabase();
  if (await isDemoLoaded(folder)) {
    console.log("Demo data already loaded.");
    return 0;
  }
  await refuseToFillForeignDatabase(force);
  await applySchema();
  return runIngestCommand([folder]);
}

async function ensureDemoData(): Promise<string> {
  const folder = path.join(stateDir(), "demo-data");
  if (fs.existsSync(path.join(folder, "truth.json"))) return folder;
  console.log(`Generating the demo scenario into ${folder} (once)…`);
  const result = await generateScenario({ preset: demoPreset, outDir: folder, rng: demoRng });
  console.log(`Generated ${result.accounts.toLocaleString("en-US")} accounts and ${result.sessions.toLocaleString("en-US")} sessions.`);
  return folder;
}

async function isDemoLoaded(folder: string): Promise<boolean> {
  const [row] = await readQuery<{ loaded: boolean }>(
    "OPTIONAL MATCH (r:IngestRun {input: $input, status: 'completed'}) RETURN count(r) > 0 AS loaded",
    { input: path.resolve(folder) },
  );
  return row?.loaded ?? false;
}

/**
 * Demo data never goes into someone else's database by accident: an external
 * server (NEO4J_URI) that already holds data is left alone unless --force.
 */
async function refuseToFillForeignDatabase(force: boolean): Promise<void> {
  if (!getEnv().NEO4J_URI || force) return;
  const [row] = await readQuery<{ hasData: boolean }>("MATCH (n) WITH n LIMIT 1 RETURN count(n) > 0 AS hasData");
  if (row?.hasData) {
    throw new Error(`${getEnv().NEO4J_URI} already holds data; not loading demo data into it. Re-run with --force to load anyway.`);
  }
}

/** Rebuilds when any source is newer than the last production build. */
async function buildAppIfStale(): Promise<void> {
  const buildId = path.join(process.cwd(), ".next", "BUILD_ID");
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = ["app", "components", "lib", "package-lock.json", "next.config.ts", "tsconfig.json"];
  if (builtAt > 0 && sources.every((source) => newestMtime(source) < builtAt)) return;
  console.log("Building the app (production build)…");
  const status = await runNpm(["run", "build"]);
  if (status !== 0) throw new Error("The app build failed (see above).");
}

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target, { withFileTypes: true })
    .reduce((newest, entry) => Math.max(newest, newestMtime(path.join(target, entry.name))), stat.mtimeMs);
}

function serveApp(port: string): Promise<number> {
  console.log(`Ringscope is starting on http://localhost:${port} (Ctrl-C stops the app; "npm run db:stop" stops the database).`);
  return runNpm(["run", "start", "--", "-p", port]);
}

function runNpm(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npm", args, { stdio: "inherit", env: { ...process.env, RINGSCOPE_DIST_DIR: ".next" } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}
