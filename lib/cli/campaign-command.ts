import fs from "node:fs";
import { parseArgs } from "node:util";
import { findCampaign } from "@/lib/campaign/find-campaign";
import type { CampaignResult } from "@/lib/campaign/types";
import { userPath } from "./output";

export const campaignUsage =
  "ringscope campaign --seed <account_id> [--seed …] [--seeds-file FILE] [--json] [--alpha A] [--max-reached N] [--near-misses N]";

/** `ringscope campaign`: the campaign behind one or more seed accounts, as JSON or a short report. */
export async function runCampaignCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      seed: { type: "string", multiple: true, default: [] },
      "seeds-file": { type: "string" },
      json: { type: "boolean", default: false },
      alpha: { type: "string" },
      "max-reached": { type: "string" },
      "near-misses": { type: "string" },
    },
  });
  const seeds = [...values.seed, ...(values["seeds-file"] ? readSeedsFile(values["seeds-file"]) : [])];
  if (seeds.length === 0) {
    console.error(`Usage: ${campaignUsage}`);
    return 1;
  }
  const result = await findCampaign({
    seeds,
    alpha: optionalNumber("--alpha", values.alpha),
    maxReached: optionalNumber("--max-reached", values["max-reached"]),
    nearMisses: optionalNumber("--near-misses", values["near-misses"]),
  });
  console.log(values.json ? JSON.stringify(result, null, 2) : formatReport(result));
  return 0;
}

/** One account id per line; blank lines and `#` comments are skipped, so a reviewer's notes can stay in the file. */
export function readSeedsFile(file: string): string[] {
  return fs
    .readFileSync(userPath(file), "utf8")
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, "").trim())
    .filter((line) => line.length > 0);
}

function optionalNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`${flag} must be a number, got "${text}"`);
  return value;
}

export function formatReport(result: CampaignResult): string {
  const { stats, risk } = result;
  const lines = [
    `${stats.bounded ? "Campaign" : "Tight cluster (no bounded community)"} from ${result.seeds.join(", ")}: ` +
      `${stats.members} accounts, risk ${risk.score.toFixed(2)}` +
      ` (${stats.millis.total} ms; conductance ${stats.conductance}, ${stats.reached} accounts read)`,
    ...risk.reasons.map((reason) => `  ${reason.weight >= 0 ? "+" : "-"}${Math.abs(reason.weight).toFixed(2)}  ${reason.text}`),
    "Binding attributes:",
    ...result.attributes.slice(0, 8).map((a) => `  ${a.kind} ${a.value}: ${a.inCampaign} members of ${a.accounts} accounts`),
  ];
  if (result.nearMisses.length > 0) lines.push(`Nearest left out: ${result.nearMisses[0]!.account_id} (${result.nearMisses[0]!.reason})`);
  return lines.join("\n");
}
