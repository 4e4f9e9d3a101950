import { describe, expect, it } from "vitest";
import { Invalid } from "./invalid";
import { normaliseIp } from "./ip";

function reasonOf(result: string | Invalid): string {
  if (!(result instanceof Invalid)) throw new Error(`expected a rejection, got ${result}`);
  return result.reason;
}

describe("normaliseIp", () => {
  it.each([
    ["192.168.0.1", "192.168.0.1"],
    ["0.0.0.0", "0.0.0.0"],
    ["255.255.255.255", "255.255.255.255"],
    ["1.02.3.4", "1.2.3.4"],
    ["1.2.3.007", "1.2.3.7"],
    ["00.0.0.0", "0.0.0.0"],
  ])("keeps IPv4 %s as %s", (input, expected) => {
    expect(normaliseIp(input)).toBe(expected);
  });

  it.each([
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"], // first of two equal runs
    ["2001:db8:0:1:0:0:0:1", "2001:db8:0:1::1"], // longest run, not the first
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"], // a single zero group stays
    ["2001:db8::", "2001:db8::"],
    ["::", "::"],
    ["::1", "::1"],
    ["0:0:0:0:0:0:0:1", "::1"],
    ["FE80::ABCD:0:0:1", "fe80::abcd:0:0:1"],
    ["1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"],
    ["64:ff9b::192.0.2.33", "64:ff9b::c000:221"],
  ])("compresses IPv6 %s to %s", (input, expected) => {
    expect(normaliseIp(input)).toBe(expected);
  });

  it.each([
    ["::ffff:1.2.3.4", "1.2.3.4"],
    ["::FFFF:10.0.0.1", "10.0.0.1"],
    ["0:0:0:0:0:ffff:0102:0304", "1.2.3.4"],
    ["::ffff:c0a8:1", "192.168.0.1"],
  ])("writes IPv4-mapped %s as IPv4 %s", (input, expected) => {
    expect(normaliseIp(input)).toBe(expected);
  });

  it.each([
    "300.1.2.3",
    "1.2.3",
    "1.2.3.4.5",
    "1.2.3.-4",
    "1.2.3.4/24",
    "1.2.3.4:80",
    "a.b.c.d",
    "",
    "1:2:3:4:5:6:7:8:9",
    "1:2:3:4:5:6:7",
    "1::2::3",
    "1:::2",
    ":1::2",
    "1::2:",
    "12345::1",
    "g::1",
    "fe80::1%eth0",
    "[::1]",
    "1.2.3.4::",
    "::ffff:300.1.2.3",
    "1:2:3:4:5:6:7:1.2.3.4",
  ])("rejects %s as a malformed IP", (input) => {
    expect(reasonOf(normaliseIp(input))).toMatch(/^malformed IP/);
  });

  it("says which octet is out of range", () => {
    expect(reasonOf(normaliseIp("300.1.2.3"))).toBe("malformed IP '300.1.2.3': octet 300 is out of range");
  });

  it("rejects a leading zero where octal and decimal disagree", () => {
    expect(reasonOf(normaliseIp("010.1.2.3"))).toContain("ambiguous");
    expect(reasonOf(normaliseIp("1.2.3.08"))).toContain("ambiguous");
  });
});
