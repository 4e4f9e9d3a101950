import { describe, expect, it } from "vitest";
import { parseCidr } from "./cidr";

describe("parseCidr", () => {
  it("turns a /24 into a three-octet prefix and its bounds", () => {
    expect(parseCidr("203.0.113.0/24")).toEqual({ prefix: "203.0.113.", first: 3_405_803_776, last: 3_405_804_031 });
  });

  it("aligns a host address to its network and keeps only whole fixed octets in the prefix", () => {
    const range = parseCidr("203.0.113.77/23");
    expect(range?.prefix).toBe("203.0.");
    expect(range && range.last - range.first + 1).toBe(512);
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
