import { describe, expect, it } from "vitest";
import { countSessionsPerDay } from "./session-histogram";
import { hubUsers, useExplorerFixture } from "./testing/explorer-fixture";

useExplorerFixture();

describe("countSessionsPerDay", () => {
  it("counts the sessions of the given accounts per UTC day, oldest first", async () => {
    const days = await countSessionsPerDay({ ids: ["account:a1", "account:a2", "ip:100.64.0.1", ...hubUsers.slice(0, 3).map((id) => `account:${id}`)] });
    expect(days).toEqual([
      { day: "2026-01-10", sessions: 1 },
      { day: "2026-01-11", sessions: 1 },
      { day: "2026-01-12", sessions: 1 },
      { day: "2026-02-02", sessions: 3 },
    ]);
  });

  it("has nothing to count without accounts", async () => {
    expect(await countSessionsPerDay({ ids: ["ip:100.64.0.1"] })).toEqual([]);
  });
});
