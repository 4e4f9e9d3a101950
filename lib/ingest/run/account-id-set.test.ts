import { describe, expect, it } from "vitest";
import { AccountIdSet } from "./account-id-set";

describe("AccountIdSet", () => {
  it("knows the ids added, cut from longer row text, exactly as given", () => {
    const row = 'acct_0000001,2026-02-23T09:15:00Z,"odd \ud800 id",acct_ü😀\t"q"';
    const ids = [row.slice(0, 12), row.slice(35, 46), row.slice(48)];
    const set = new AccountIdSet();
    for (const id of ids) set.add(id);
    for (const id of ids) expect(set.has(id)).toBe(true);
    expect(set.has("acct_0000002")).toBe(false);
    expect(set.has("odd \ufffd id")).toBe(false);
  });
});
