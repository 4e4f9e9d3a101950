import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { generateScenario, type PresetName } from "@/lib/generate";
import { TRUTH_FILE } from "@/lib/generate/truth";
import { ingestFolder } from "@/lib/ingest/run-ingest";

/**
 * Generated scenarios for the suites and benchmarks that need demo-like data
 * in a throwaway server: generated once into .ringscope/e2e-data/<preset>/
 * (or <preset>-rng<n> for another rng, <preset>-rng<n>-varied for a varied
 * mix; generation is deterministic) and loaded on demand.
 */
export async function ensureScenario(preset: PresetName, rng = 1, { varied = false } = {}): Promise<string> {
  const name = rng === 1 && !varied ? preset : `${preset}-rng${rng}${varied ? "-varied" : ""}`;
  const folder = path.resolve(".ringscope", "e2e-data", name);
  if (!existsSync(path.join(folder, TRUTH_FILE))) {
    console.log(`Generating the ${preset} scenario (rng ${rng}${varied ? ", varied mix" : ""}) into ${folder}…`);
    await generateScenario({ preset, outDir: folder, rng, varied });
  }
  return folder;
}

/** Loads a scenario into the database the environment points at; reports go to a temp folder, not beside the cached data. */
export async function loadScenario(folder: string): Promise<void> {
  const started = Date.now();
  const reportDir = await mkdtemp(path.join(os.tmpdir(), "ringscope-scenario-report-"));
  try {
    const report = await ingestFolder({ folder, reportDir });
    console.log(`Loaded ${report.totals.loaded.toLocaleString("en")} rows from ${folder} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await rm(reportDir, { recursive: true, force: true });
  }
}
