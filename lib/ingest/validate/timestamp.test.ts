import { describe, expect, it } from "vitest";
import { Invalid } from "./invalid";
import { compareTimestamps, parseTimestamp, type Timestamp } from "./timestamp";

function parsed(text: string): Timestamp {
  const result = parseTimestamp(text);
  if (result instanceof Invalid) throw new Error(result.reason);
  return result;
}

function reasonOf(text: string): string {
  const result = parseTimestamp(text);
  if (!(result instanceof Invalid)) throw new Error(`expected a rejection, got ${result.text}`);
  return result.reason;
}

describe("parseTimestamp", () => {
  it.each([
    ["2026-02-23T09:15:00Z", "2026-02-23T09:15:00Z"],
    ["2026-02-23T11:15:00+02:00", "2026-02-23T11:15:00+02:00"],
    ["2026-02-23T09:15:00.123Z", "2026-02-23T09:15:00.123Z"],
    ["2026-02-23T09:15:00,5-05:30", "2026-02-23T09:15:00.5-05:30"],
    ["2026-02-23t09:15:00z", "2026-02-23T09:15:00Z"],
    ["2026-02-23T11:15:00+0200", "2026-02-23T11:15:00+02:00"],
    ["2026-02-23T11:15:00+02", "2026-02-23T11:15:00+02:00"],
    ["2026-02-23T09:15Z", "2026-02-23T09:15:00Z"],
    ["2026-02-23T09:15:00-00:00", "2026-02-23T09:15:00+00:00"],
    ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00Z"],
  ])("accepts %s as %s", (input, expected) => {
    expect(parsed(input).text).toBe(expected);
  });

  it("computes the instant across offsets", () => {
    expect(parsed("2026-02-23T11:15:00+02:00").epochSeconds).toBe(Date.parse("2026-02-23T09:15:00Z") / 1000);
    expect(parsed("2026-02-23T04:15:00-05:00").epochSeconds).toBe(Date.parse("2026-02-23T09:15:00Z") / 1000);
    expect(parsed("1969-12-31T23:59:59Z").epochSeconds).toBe(-1);
    expect(parsed("2026-02-23T09:15:00.000001Z").nanos).toBe(1000);
  });

  it("orders by instant, then by fraction", () => {
    expect(compareTimestamps(parsed("2026-02-23T11:15:00+02:00"), parsed("2026-02-23T09:15:00Z"))).toBe(0);
    expect(compareTimestamps(parsed("2026-02-23T09:15:00.1Z"), parsed("2026-02-23T09:15:00.09Z"))).toBeGreaterThan(0);
    expect(compareTimestamps(parsed("2026-02-23T10:00:00+02:00"), parsed("2026-02-23T09:00:00Z"))).toBeLessThan(0);
  });

  it("rejects a time without a zone", () => {
    expect(reasonOf("2026-02-23T09:15:00")).toBe("timestamp without a zone '2026-02-23T09:15:00'");
    expect(reasonOf("2026-02-23T09:15:00.123")).toMatch(/^timestamp without a zone/);
  });

  it.each([
    ["2026-02-30T00:00:00Z", "not a real date"],
    ["2025-02-29T00:00:00Z", "not a real date"],
    ["2026-13-01T00:00:00Z", "not a real date"],
    ["0000-01-01T00:00:00Z", "not a real date"],
    ["2026-02-23T24:00:00Z", "not a real time"],
    ["2026-02-23T23:60:00Z", "not a real time"],
    ["2026-02-23T23:59:60Z", "not a real time"],
    ["2026-02-23T09:15:00+19:00", "zone offset out of range"],
    ["2026-02-23T09:15:00+02:60", "zone offset out of range"],
    ["2026-02-23", "timestamp without a time"],
    ["2026-02-23 09:15:00Z", "unparsable timestamp"],
    ["23/02/2026 09:15", "unparsable timestamp"],
    ["1771838100", "unparsable timestamp"],
    ["2026-02-23T09:15:00.1234567890Z", "unparsable timestamp"],
  ])("rejects %s (%s)", (input, reason) => {
    expect(reasonOf(input)).toMatch(new RegExp(`^${reason}`));
  });
});
