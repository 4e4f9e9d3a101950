import { describe, expect, it } from "vitest";
import { describeRefresh, parseSince } from "./worklist";

describe("parseSince", () => {
  it("reads a day or a time as an instant", () => {
    expect(parseSince("2026-02-01")).toBe("2026-02-01T00:00:00.000Z");
    expect(parseSince("2026-02-01T09:30:00+02:00")).toBe("2026-02-01T07:30:00.000Z");
  });

  it("refuses what is not a time, saying what would do", () => {
    expect(() => parseSince("yesterday-ish")).toThrow(
      expect.objectContaining({
        code: "BAD_REQUEST",
        message: '"yesterday-ish" is not a date or time: use a date such as 2026-02-01 or a time such as 2026-02-01T09:00:00Z',
      }),
    );
  });
});

describe("describeRefresh", () => {
  it("counts in words that agree with their numbers", () => {
    expect(describeRefresh({ found: 1, searched: 1, dissolved: 0, views: 1 })).toBe(
      "1 campaign stored from 1 search, 0 dissolved, 1 campaign view computed again",
    );
    expect(describeRefresh({ found: 492, searched: 1513, dissolved: 2, views: 0 })).toBe(
      "492 campaigns stored from 1,513 searches, 2 dissolved, 0 campaign views computed again",
    );
  });
});
