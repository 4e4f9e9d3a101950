import type { MemberRow } from "@/lib/campaign/campaign-view";

/** How the member table can be ordered. */
export type MemberSort = "score" | "account" | "ties";

/** The members shown: filtered by a text (account id or any tie) and sorted; pure, so it is unit-tested. */
export function visibleMembers(rows: readonly MemberRow[], filter: string, sort: MemberSort): MemberRow[] {
  const needle = filter.trim().toLowerCase();
  const matching = needle ? rows.filter((row) => row.id.toLowerCase().includes(needle) || row.summary.toLowerCase().includes(needle)) : [...rows];
  const byAccount = (a: MemberRow, b: MemberRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const compare: Record<MemberSort, (a: MemberRow, b: MemberRow) => number> = {
    score: (a, b) => b.score - a.score || byAccount(a, b),
    account: byAccount,
    ties: (a, b) => b.ties - a.ties || byAccount(a, b),
  };
  return matching.sort(compare[sort]);
}

/** The slice of rows a scroll position shows, with a few rows either side so fast scrolling never shows blanks. */
export function windowOf(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 10): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(total, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last };
}
