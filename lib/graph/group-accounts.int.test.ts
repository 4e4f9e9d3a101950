import { describe, expect, it } from "vitest";
import { groupAccounts } from "./group-accounts";
import { fixtureHubThreshold, hubUsers, useExplorerFixture } from "./testing/explorer-fixture";

useExplorerFixture();

describe("groupAccounts", () => {
  it("groups accounts by the attribute most of them share, each account in one group, with the count", async () => {
    const ids = ["account:a1", "account:a2", ...hubUsers.map((id) => `account:${id}`)];
    const grouping = await groupAccounts({ ids, minGroupSize: 5, hubThreshold: fixtureHubThreshold });
    // The carrier's email domain (12) is covered by the hub IP (13): no group of its own.
    expect(grouping.groups).toHaveLength(1);
    expect(grouping.groups[0]?.attribute).toMatchObject({ id: "ip:100.64.0.1", isHub: true, accountCount: 13 });
    expect(grouping.groups[0]?.members.sort()).toEqual(["account:a1", ...hubUsers.map((id) => `account:${id}`)].sort());
    expect(grouping.ungrouped).toEqual(["account:a2"]);
  });

  it("leaves accounts ungrouped when no attribute is shared by enough of them", async () => {
    const grouping = await groupAccounts({ ids: ["account:a1", "account:a2"], minGroupSize: 3 });
    expect(grouping).toEqual({ groups: [], ungrouped: ["account:a1", "account:a2"] });
  });
});
