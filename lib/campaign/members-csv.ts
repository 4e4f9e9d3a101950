import type { MemberRow } from "./campaign-view";

const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** The member list for enforcement, as the campaign view lists it: one row per account, its confidence and its three strongest ties. */
export function membersCsv(rows: readonly MemberRow[]): string {
  const header = "account_id,score,manual,evidence";
  const lines = rows.map((row) => [row.id, row.score.toFixed(3), row.manual ? "added" : "", row.summary].map(quote).join(","));
  return `${[header, ...lines].join("\n")}\n`;
}
