import { describe, expect, it } from "vitest";
import { parseCidr } from "./cidr";

describe("parseCidr", () => {
  it("turns a /24 into a three-octet prefix and its bounds", () => {
    expect(parseCidr("203.0.113.0/24")).toEqual({ version: 4, prefix: "203.0.113.", first: 3_405_803_776, last: 3_405_804_031 });
  });

  it("aligns a host address to its network and keeps only whole fixed octets in the prefix", () => {
    expect(parseCidr("203.0.113.77/23")).toMatchObject({ prefix: "203.0.", first: 3_405_803_520, last: 3_405_804_031 });
  });

  it("never puts the last octet in the prefix, so a /32 still matches its address", () => {
    expect(parseCidr("10.1.2.3/32")).toMatchObject({ prefix: "10.1.2.", last: parseCidr("10.1.2.3/32")?.first });
  });

  it("leaves text that is not CIDR-shaped to the prefix search", () => {
    expect(parseCidr("203.0.113")).toBeUndefined();
    expect(parseCidr("acct_12/24")).toBeUndefined();
  });

  it("rejects CIDR-shaped text that is out of range", () => {
    expect(() => parseCidr("300.0.0.0/24")).toThrow(/255/);
    expect(() => parseCidr("10.0.0.0/7")).toThrow(/\/8 and \/32/);
  });
});

describe("parseCidr for IPv6", () => {
  it("turns a /32 into its two leading groups and 32-hex-digit bounds, whatever the case and compression typed", () => {
    const range = { version: 6, prefix: "2001:db8:", first: "20010db8000000000000000000000000", last: "20010db8ffffffffffffffffffffffff" };
    expect(parseCidr("2001:db8::/32")).toEqual(range);
    expect(parseCidr("2001:0DB8:0:0:0:0:0:0/32")).toEqual(range);
  });

  it("aligns a host address to its network and keeps only whole groups in the prefix", () => {
    expect(parseCidr("2001:db8:1:2::7/56")).toEqual({
      version: 6,
      prefix: "2001:db8:1:",
      first: "20010db8000100000000000000000000",
      last: "20010db8000100ffffffffffffffffff",
    });
  });

  it("stops the prefix at a zero group, which the canonical text may write as '::'", () => {
    expect(parseCidr("2001:0:0:5::/64")?.prefix).toBe("2001:");
    expect(parseCidr("1:2:3:4:5:6:7:8/128")).toMatchObject({ prefix: "1:2:3:4:5:6:7:", first: "00010002000300040005000600070008", last: "00010002000300040005000600070008" });
  });

  it("rejects CIDR-shaped text that is no IPv6 range, saying why", () => {
    expect(() => parseCidr("2001:db8::/8")).toThrow(/\/16 and \/128/);
    expect(() => parseCidr("2001:db8::/129")).toThrow(/\/16 and \/128/);
    expect(() => parseCidr("2001:db8:::1/64")).toThrow(/no IPv6 address/);
    expect(() => parseCidr("::ffff:1.2.3.4/120")).toThrow(/searched as IPv4/);
  });
});
