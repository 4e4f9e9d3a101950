import { describe, expect, it } from "vitest";
import { readNodeDetails } from "./node-details";
import { useExplorerFixture } from "./testing/explorer-fixture";

useExplorerFixture();

describe("readNodeDetails", () => {
  it("shows an account's properties, counts and its sessions newest first", async () => {
    const details = await readNodeDetails({ id: "account:a1" });
    expect(details.properties).toMatchObject({ account_id: "a1", email: "alice@mail.example", status: "active" });
    expect(details.properties.created_at).toMatch(/^2026-01-01T09:00/);
    expect(details.counts).toEqual({ ip: 2, device: 1, email: 1, email_domain: 1 });
    expect(details.sessions?.total).toBe(2);
    expect(details.sessions?.latest.map((session) => [session.sessionId, session.ip])).toEqual([
      ["s2", "203.0.113.5"],
      ["s1", "100.64.0.1"],
    ]);
  });

  it("shows an attribute's accounts by status", async () => {
    const details = await readNodeDetails({ id: "card:c1" });
    expect(details.kind).toBe("card");
    expect(details.properties).toMatchObject({ key: "card:c1", value: "c1", account_count: 2 });
    expect(details.counts).toEqual({ account: 2, "account:suspended": 1, "account:banned": 1 });
    expect(details.sessions).toBeUndefined();
  });

  it("answers not found for a node that does not exist", async () => {
    await expect(readNodeDetails({ id: "account:nobody" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
