import { describe, expect, it } from "vitest";
import { isBounded } from "./discover";
import { ids } from "./testing";

const population = 1_000_000;
const ring = (conductance: number, members = ids("ring", 16)) => ({ members, conductance, inside: new Map<string, number>() });

describe("isBounded", () => {
  it("takes a set under the bound at the first stage that finds it", () => {
    expect(isBounded(ring(0.3), undefined, population)).toBe(true);
  });

  it("takes a set between the bound and the looser one only once the previous stage ended with the same members", () => {
    expect(isBounded(ring(0.4), undefined, population)).toBe(false);
    expect(isBounded(ring(0.4), ring(0.41, ids("other", 16)), population)).toBe(false);
    expect(isBounded(ring(0.4), ring(0.41, [...ids("ring", 15), "other"]), population)).toBe(false);
    expect(isBounded(ring(0.4), ring(0.4, [...ids("ring", 16)].reverse()), population)).toBe(true);
  });

  it("never takes a set above the looser bound, however stable: a proxy sub-group before its campaign appears", () => {
    expect(isBounded(ring(0.57), ring(0.57), population)).toBe(false);
  });

  it("scales both bounds to what a random set of the same share of the accounts would score", () => {
    const half = ids("half", 500);
    expect(isBounded(ring(0.3, half), undefined, 1_000)).toBe(false);
    expect(isBounded(ring(0.15, half), undefined, 1_000)).toBe(true);
  });
});
