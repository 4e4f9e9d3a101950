import { describe, expect, it } from "vitest";
import { isoTime, IsoTimes } from "./iso-time";

describe("isoTime", () => {
  it("writes what toISOString writes, at the edges of days, years and eras", () => {
    const edges = [0, -1, 999, 1_000, -86_400_000, 951_782_400_000, 1_709_164_799_999, 253_402_300_799_999, -62_167_219_200_000, 8.64e15];
    for (const ms of edges) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });

  it("writes what toISOString writes for any whole or fractional millisecond in four millennia", () => {
    let seed = 7;
    const next = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 20_000; i++) {
      const ms = (next() - 0.5) * 1.3e14 + (i % 2 === 0 ? 0 : next());
      expect(isoTime(ms)).toBe(new Date(ms).toISOString());
    }
  });
});

describe("IsoTimes", () => {
  it("writes each instant as isoTime does, also when asked for it again", () => {
    const times = new IsoTimes();
    const first = times.of(1_709_164_799_999);
    expect(first).toBe(isoTime(1_709_164_799_999));
    expect(times.of(1_709_164_799_999)).toBe(first);
    expect(times.of(0)).toBe("1970-01-01T00:00:00.000Z");
  });
});
