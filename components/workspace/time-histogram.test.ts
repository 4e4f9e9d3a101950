import { describe, expect, it } from "vitest";
import { buildHistogram, fractionOf, instantAt } from "./time-histogram";

describe("buildHistogram", () => {
  it("counts sign-ups and sessions per equal-width bucket, the latest instant in the last bucket", () => {
    const histogram = buildHistogram(
      [
        { time: "2026-01-01T00:00:00Z", series: "signups" },
        { time: "2026-01-01T12:00:00Z", series: "sessions", count: 3 },
        { time: "2026-01-05T00:00:00Z", series: "signups" },
      ],
      4,
    );
    expect(histogram?.buckets).toEqual([
      { signups: 1, sessions: 3 },
      { signups: 0, sessions: 0 },
      { signups: 0, sessions: 0 },
      { signups: 1, sessions: 0 },
    ]);
  });

  it("has nothing to draw without instants", () => {
    expect(buildHistogram([], 10)).toBeNull();
  });

  it("maps fractions to instants and back", () => {
    const histogram = buildHistogram([{ time: "2026-01-01T00:00:00Z", series: "signups" }, { time: "2026-01-11T00:00:00Z", series: "signups" }], 10);
    if (!histogram) throw new Error("expected a histogram");
    expect(instantAt(histogram, 0.5)).toBe("2026-01-06T00:00:00.000Z");
    expect(fractionOf(histogram, "2026-01-06T00:00:00.000Z")).toBe(0.5);
    expect(fractionOf(histogram, "2030-01-01T00:00:00.000Z")).toBe(1);
  });
});
