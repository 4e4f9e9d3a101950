import { describe, expect, it } from "vitest";
import { searchGraph } from "./search";
import { fixtureHubThreshold, useExplorerFixture } from "./testing/explorer-fixture";

useExplorerFixture();

const ids = async (q: string, limit?: number) => (await searchGraph({ q, limit })).hits.map((hit) => hit.id);

describe("searchGraph", () => {
  it("finds an account by id, the exact match first", async () => {
    const { hits } = await searchGraph({ q: "a1" });
    expect(hits[0]).toMatchObject({ id: "account:a1", kind: "account", label: "a1", matchedOn: "id", status: "active" });
  });

  it("finds accounts by email prefix, whatever the case typed, and the email attribute too", async () => {
    const { hits } = await searchGraph({ q: "ALICE@" });
    expect(hits.map((hit) => [hit.id, hit.matchedOn]).sort()).toEqual([
      ["account:a1", "email"],
      ["email:alice@mail.example", "value"],
    ]);
  });

  it("finds accounts by phone prefix typed with spaces", async () => {
    expect((await ids("+49 30 111")).sort()).toEqual(["account:a3", "account:a4"]);
  });

  it("finds attributes of any kind by value prefix, with how many accounts use each", async () => {
    const { hits } = await searchGraph({ q: "100.64", hubThreshold: fixtureHubThreshold });
    expect(hits).toEqual([{ id: "ip:100.64.0.1", kind: "ip", label: "100.64.0.1", matchedOn: "value", accountCount: 13, isHub: true }]);
    expect(await ids("d1")).toEqual(["device:d1"]);
  });

  it("finds the IP addresses inside a CIDR range and none outside it", async () => {
    expect((await ids("203.0.113.0/24")).sort()).toEqual(["ip:203.0.113.200", "ip:203.0.113.5"]);
    expect((await ids("203.0.113.128/25")).sort()).toEqual(["ip:203.0.113.200"]);
    expect((await ids("203.0.112.0/23")).sort()).toEqual(["ip:203.0.113.200", "ip:203.0.113.5"]);
    expect(await ids("203.0.113.5/32")).toEqual(["ip:203.0.113.5"]);
  });

  it("finds the IPv6 addresses inside a CIDR range, however the stored text folds their zero groups", async () => {
    expect((await ids("2001:db8::/32")).sort()).toEqual(["ip:2001:db8:1::5", "ip:2001:db8:1:ff::1"]);
    expect(await ids("2001:DB8:1:FF::/64")).toEqual(["ip:2001:db8:1:ff::1"]);
    expect(await ids("2001:0:0:5::/64")).toEqual(["ip:2001:0:0:5::1"]);
    expect(await ids("2001:db9::1/128")).toEqual(["ip:2001:db9::1"]);
    expect(await ids("2001:db8:2::/48")).toEqual([]);
  });

  it("finds accounts that signed up in a date range, both days included, in sign-up order", async () => {
    expect(await ids("2026-01-02..2026-01-03")).toEqual(["account:a2", "account:a3"]);
  });

  it("lists a node once even when it matches on two fields", async () => {
    const found = await ids("a");
    expect(found).toContain("account:a1");
    expect(new Set(found).size).toBe(found.length);
  });

  it("stops at the limit and says the list was cut", async () => {
    const result = await searchGraph({ q: "u", limit: 5 });
    expect(result.hits).toHaveLength(5);
    expect(result.isTruncated).toBe(true);
    expect((await searchGraph({ q: "a1" })).isTruncated).toBe(false);
  });

  it("rejects malformed ranges with a message that says what is wrong", async () => {
    await expect(searchGraph({ q: "10.0.0.0/4" })).rejects.toThrow(/between \/8 and \/32/);
    await expect(searchGraph({ q: "10.0.0.0/4" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(searchGraph({ q: "2001:db8::/8" })).rejects.toThrow(/between \/16 and \/128/);
    await expect(searchGraph({ q: "2026-02-01..2026-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
