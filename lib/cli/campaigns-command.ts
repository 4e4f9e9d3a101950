import { parseArgs } from "node:util";
import { describeChange, describeRefresh, parseSince, readWorklist, refreshWorklist, WORKLIST_MIN_SIZE, type WorklistEntry } from "@/lib/campaign/worklist";

export const campaignsUsage = "ringscope campaigns [--json] [--limit N] [--since ISO-TIME] [--refresh | --full] [--min-size N]";

/**
 * `ringscope campaigns`: the worklist. Reads the stored campaigns; `--refresh`
 * re-searches around what changed since the last run, `--full` re-searches
 * everything, and a graph never searched is searched in full first.
 */
export async function runCampaignsCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      json: { type: "boolean", default: false },
      limit: { type: "string", default: "50" },
      since: { type: "string" },
      refresh: { type: "boolean", default: false },
      full: { type: "boolean", default: false },
      "min-size": { type: "string", default: String(WORKLIST_MIN_SIZE) },
    },
  });
  const limit = positiveInteger("--limit", values.limit);
  const since = values.since === undefined ? undefined : parseSince(values.since);
  const isEmpty = (await readWorklist({ limit: 1 })).length === 0;
  if (values.refresh || values.full || isEmpty) {
    const refreshed = await refreshWorklist({
      minSize: positiveInteger("--min-size", values["min-size"]),
      incremental: !values.full && !isEmpty,
      onProgress: progressLine(),
    });
    console.error(`Worklist refreshed: ${describeRefresh(refreshed)}.`);
  }
  const entries = await readWorklist({ limit, since });
  console.log(values.json ? JSON.stringify(entries, null, 2) : formatWorklist(entries, since));
  return 0;
}

function progressLine(): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    if (Date.now() - last < 5_000) return;
    last = Date.now();
    console.error(`searching: ${done} of ${total} seed attributes`);
  };
}

function positiveInteger(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${flag} must be a positive integer, got "${text}"`);
  return value;
}

export function formatWorklist(entries: WorklistEntry[], since: string | undefined): string {
  if (entries.length === 0) return since ? `No campaign is new or has grown since ${since}.` : "No campaigns found.";
  const lines = ["campaign          risk  accounts  change            reasons"];
  for (const entry of entries) {
    lines.push(`${entry.campaign_id.padEnd(17)} ${entry.risk.toFixed(2)}  ${String(entry.size).padStart(8)}  ${describeChange(entry, since).padEnd(16)}  ${entry.reasons.join(", ")}`);
  }
  return lines.join("\n");
}
