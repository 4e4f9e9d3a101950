import type { CampaignResult } from "./types";

const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The member list for enforcement: one row per account, its confidence and its three strongest ties. */
export function membersCsv(result: CampaignResult): string {
  const header = "account_id,score,manual,evidence";
  const rows = result.accounts.map((member) =>
    [
      member.account_id,
      member.score.toFixed(3),
      member.manual ?? "",
      member.evidence.slice(0, 3).map((e) => `${e.kind} ${e.value} (${e.inCampaign}/${e.accounts})`).join("; "),
    ]
      .map(quote)
      .join(","),
  );
  return `${[header, ...rows].join("\n")}\n`;
}
