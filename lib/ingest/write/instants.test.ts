import { describe, expect, it } from "vitest";
import { compareInstants, earlierOf, laterOf, parseInstant } from "./instants";

const compare = (a: string, b: string) => compareInstants(parseInstant(a), parseInstant(b));

describe("compareInstants", () => {
  it("orders by instant across offsets and sub-millisecond fractions", () => {
    expect(compare("2026-02-23T11:15:00+02:00", "2026-02-23T09:15:00Z")).toBe(0);
    expect(compare("2026-02-23T11:14:59+02:00", "2026-02-23T09:15:00Z")).toBeLessThan(0);
    expect(compare("2026-02-23T09:15:00.000000001Z", "2026-02-23T09:15:00Z")).toBeGreaterThan(0);
    expect(compare("2026-02-23T09:15:00.5Z", "2026-02-23T09:15:00.499999999Z")).toBeGreaterThan(0);
    expect(compare("2026-02-23T09:15:00.123-05:30", "2026-02-23T14:45:00.123Z")).toBe(0);
  });

  it("keeps the first of two equal instants", () => {
    const plusTwo = parseInstant("2026-02-23T11:15:00+02:00");
    const utc = parseInstant("2026-02-23T09:15:00Z");
    expect(earlierOf(plusTwo, utc).text).toBe(plusTwo.text);
    expect(laterOf(utc, plusTwo).text).toBe(utc.text);
  });

  it("refuses text that is not a validated instant", () => {
    expect(() => parseInstant("yesterday")).toThrow();
  });
});
