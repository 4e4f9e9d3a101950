import { describe, expect, it } from "vitest";
import { countNeighbours } from "./neighbour-counts";
import { useExplorerFixture } from "./testing/explorer-fixture";

useExplorerFixture();

describe("countNeighbours", () => {
  it("counts an account's attributes by kind and an attribute's accounts, in one call", async () => {
    const counts = await countNeighbours({ ids: ["account:a1", "ip:100.64.0.1", "account:nobody"] });
    expect(counts).toEqual([
      { id: "account:a1", counts: { ip: 2, device: 1, email: 1, email_domain: 1 } },
      { id: "ip:100.64.0.1", counts: { account: 13 } },
      { id: "account:nobody", counts: {} },
    ]);
  });
});
