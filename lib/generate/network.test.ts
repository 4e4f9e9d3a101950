import { isIPv4 } from "node:net";
import { describe, expect, it } from "vitest";
import { AddressBlock, formatIpv4, formatIpv6 } from "./network";

describe("formatIpv6", () => {
  it.each([
    [[0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], "2001:db8::1"],
    [[0x2001, 0xdb8, 0, 1, 0, 0, 0, 1], "2001:db8:0:1::1"],
    [[0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], "2001:db8:0:1:1:1:1:1"],
    [[0x2001, 0xdb8, 0xabcd, 0x12, 0x3400, 0xff, 0x1, 0xfffe], "2001:db8:abcd:12:3400:ff:1:fffe"],
    [[0, 0, 0, 0, 0, 0, 0, 0], "::"],
  ])("prints %j as %s (RFC 5952)", (groups, text) => {
    expect(formatIpv6(groups)).toBe(text);
    expect(new URL(`http://[${text}]/`).hostname).toBe(`[${text}]`);
  });
});

describe("AddressBlock", () => {
  it("hands out distinct host addresses inside the block, never .0 or .255", () => {
    const base = (73 << 24) >>> 0;
    const block = new AddressBlock(base, 16, 64600, "residential", 5);
    const addresses = Array.from({ length: 20_000 }, () => block.allocate());
    expect(new Set(addresses).size).toBe(addresses.length);
    const strays = addresses.filter((a) => a - base < 0 || a - base >= 2 ** 16 || (a & 255) === 0 || (a & 255) === 255);
    expect(strays).toEqual([]);
    expect(addresses.every((a) => isIPv4(formatIpv4(a)))).toBe(true);
  });

  it("refuses to run past its capacity", () => {
    const block = new AddressBlock(0x0a000000, 4, 1, "datacenter", 1);
    for (let k = 0; k < 8; k++) block.allocate();
    expect(() => block.allocate()).toThrow(/exhausted/);
  });
});
