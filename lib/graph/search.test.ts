import { describe, expect, it } from "vitest";
import { parseDateRange } from "./search";

describe("parseDateRange", () => {
  it("includes both days, in UTC", () => {
    expect(parseDateRange("2026-01-01..2026-01-31")).toEqual({ from: "2026-01-01T00:00:00.000Z", until: "2026-02-01T00:00:00.000Z" });
  });

  it("leaves other text to the other searches and rejects impossible ranges", () => {
    expect(parseDateRange("2026-01-01")).toBeUndefined();
    expect(() => parseDateRange("2026-13-01..2026-12-31")).toThrow(/not a date range/);
  });
});
