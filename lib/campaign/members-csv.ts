import type { CampaignMember, CampaignResult } from "./types";

/** A member's strongest ties as "kind value (members/accounts)", for the table and the CSV alike. */
export function strongestTies(member: CampaignMember, count = 3): string {
  return member.evidence
    .slice(0, count)
    .map((e) => `${e.kind} ${e.value} (${e.inCampaign}/${e.accounts})`)
    .join("; ");
}

const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The member list for enforcement: one row per account, its confidence and its three strongest ties. */
export function membersCsv(result: CampaignResult): string {
  const header = "account_id,score,manual,evidence";
  const rows = result.accounts.map((member) =>
    [member.account_id, member.score.toFixed(3), member.manual ?? "", strongestTies(member)]
      .map(quote)
      .join(","),
  );
  return `${[header, ...rows].join("\n")}\n`;
}
