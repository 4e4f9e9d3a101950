import { describe, expect, it } from "vitest";
import { parseNodeId, splitNodeIds } from "./node-id";

describe("parseNodeId", () => {
  it("reads accounts and attributes, keeping colons inside values (IPv6)", () => {
    expect(parseNodeId("account:acct_1")).toEqual({ type: "account", accountId: "acct_1" });
    expect(parseNodeId("ip:2001:db8::1")).toEqual({ type: "attribute", key: "ip:2001:db8::1" });
  });

  it("rejects text that is no node id", () => {
    expect(() => parseNodeId("acct_1")).toThrow(/not a node id/);
    expect(() => parseNodeId("ip:")).toThrow(/not a node id/);
  });

  it("splits a mixed list for queries that take accounts and attributes apart", () => {
    expect(splitNodeIds(["account:a", "ip:1.2.3.4", "account:b"])).toEqual({ accountIds: ["a", "b"], attributeKeys: ["ip:1.2.3.4"] });
  });
});
