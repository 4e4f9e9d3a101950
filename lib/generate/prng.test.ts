import { describe, expect, it } from "vitest";
import { fmix32, permuteBelow, permuteBits, Rng, seedFor } from "./prng";

describe("Rng", () => {
  it("repeats its stream for the same seed and not for another", () => {
    const draw = (seed: number) => Array.from({ length: 8 }, ((rng) => () => rng.nextUint32())(new Rng(seed)));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it("stays inside its ranges", () => {
    const rng = new Rng(1);
    const floats = Array.from({ length: 10_000 }, () => rng.float());
    expect(floats.every((f) => f >= 0 && f < 1)).toBe(true);
    const ranged = new Set(Array.from({ length: 1_000 }, () => rng.range(3, 5)));
    expect([...ranged].sort()).toEqual([3, 4, 5]);
  });

  it("restarts on reseed", () => {
    const rng = new Rng(9);
    const first = rng.nextUint32();
    rng.nextUint32();
    expect(rng.reseed(9).nextUint32()).toBe(first);
  });
});

describe("bijections", () => {
  it("permuteBits maps [0, 2^k) onto itself without collisions", () => {
    for (const bits of [1, 5, 12, 16]) {
      const seen = new Set<number>();
      for (let x = 0; x < 2 ** bits; x++) seen.add(permuteBits(x, bits, 0xdeadbeef));
      expect(seen.size).toBe(2 ** bits);
      expect(Math.max(...seen)).toBe(2 ** bits - 1);
    }
  });

  it("permuteBelow maps [0, n) onto itself without collisions", () => {
    const seen = new Set<number>();
    for (let x = 0; x < 1000; x++) seen.add(permuteBelow(x, 1000, 77));
    expect(seen.size).toBe(1000);
    expect(Math.max(...seen)).toBe(999);
  });

  it("fmix32 does not collide on a sample", () => {
    const seen = new Set<number>();
    for (let x = 0; x < 100_000; x++) seen.add(fmix32(x));
    expect(seen.size).toBe(100_000);
  });

  it("derives distinct streams per label and index", () => {
    expect(seedFor(1, "a")).not.toBe(seedFor(1, "b"));
    expect(seedFor(1, "a", 1)).not.toBe(seedFor(1, "a", 2));
  });
});
