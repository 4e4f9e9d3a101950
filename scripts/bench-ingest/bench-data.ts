import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateScenario, type PresetName } from "@/lib/generate";

/** The benchmarks' input: a preset generated once (rng 1) into .ringscope/bench-data/ and reused by later runs. */
export async function ensureBenchData(projectDir: string, preset: PresetName): Promise<string> {
  const folder = path.join(projectDir, ".ringscope", "bench-data", `${preset}-rng1`);
  const marker = path.join(folder, ".complete");
  if (existsSync(marker)) return folder;
  console.log(`Generating the ${preset} preset into ${folder} (cached for later runs)…`);
  await generateScenario({ preset, outDir: folder, rng: 1 });
  writeFileSync(marker, new Date().toISOString());
  return folder;
}
