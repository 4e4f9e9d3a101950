import { describe, expect, it } from "vitest";
import { formatTimestamp, monthLabel, monthOf, TimeStyle, truncateForStyle } from "./timeline";

describe("formatTimestamp", () => {
  const at = Date.UTC(2025, 8, 30, 23, 15, 7, 89);

  it("prints every style with a zone", () => {
    expect(formatTimestamp(at, TimeStyle.utc)).toBe("2025-09-30T23:15:07Z");
    expect(formatTimestamp(at, TimeStyle.utcMillis)).toBe("2025-09-30T23:15:07.089Z");
    expect(formatTimestamp(at, TimeStyle.plus2)).toBe("2025-10-01T01:15:07+02:00");
    expect(formatTimestamp(at, TimeStyle.plus2Millis)).toBe("2025-10-01T01:15:07.089+02:00");
  });

  it("names the same instant in every style", () => {
    for (const style of [TimeStyle.utc, TimeStyle.utcMillis, TimeStyle.plus2, TimeStyle.plus2Millis]) {
      expect(Date.parse(formatTimestamp(at, style))).toBe(truncateForStyle(at, style));
    }
  });
});

describe("months", () => {
  it("labels and finds the session file month", () => {
    expect(monthLabel(0)).toBe("2025-03");
    expect(monthLabel(11)).toBe("2026-02");
    expect(monthOf(Date.UTC(2025, 2, 31, 23, 59))).toBe(0);
    expect(monthOf(Date.UTC(2025, 3, 1))).toBe(1);
    expect(monthOf(Date.UTC(2026, 1, 28))).toBe(11);
  });
});
