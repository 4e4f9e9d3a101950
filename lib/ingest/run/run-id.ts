import { randomBytes } from "node:crypto";
import path from "node:path";

/** A run id that sorts by start time and names a folder on any OS: `20260223T091500Z-3fa2`. */
export function newRunId(startedAt: Date): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  return `${stamp}-${randomBytes(2).toString("hex")}`;
}

/**
 * Where a run's report goes unless told: beside the input, so reports travel
 * with the data they describe and runs over one folder sit together:
 * `/data/feb/` → `/data/feb.ringscope-runs/<run-id>/`.
 */
export function defaultReportDir(inputFolder: string, runId: string): string {
  const resolved = path.resolve(inputFolder);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}.ringscope-runs`, runId);
}
