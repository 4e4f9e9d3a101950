import { describe, expect, it } from "vitest";
import { isBounded, isHeldBySeeds } from "./discover";
import { countInside, type RefinedCut } from "./refine";
import { ids, linksOf } from "./testing";

const population = 1_000_000;
const ring = ids("ring", 16);
// Four cards of four members each, chained by two devices.
const ringIdentifiers = {
  "card:1": ring.slice(0, 4),
  "card:2": ring.slice(4, 8),
  "card:3": ring.slice(8, 12),
  "card:4": ring.slice(12),
  "device:a": ring.slice(3, 9),
  "device:b": ring.slice(11, 13),
};
const ringLinks = linksOf(ringIdentifiers, population);
// The same accounts, strangers behind one carrier address, two of them a household sharing a card.
const crowdLinks = linksOf({ "ip:198.51.100.9": ring, "card:household": ring.slice(0, 2) }, population, { "ip:198.51.100.9": 40 });

const cut = (conductance: number, members: string[], links = ringLinks): RefinedCut => ({ members, conductance, inside: countInside(new Set(members), links) });

describe("isBounded", () => {
  it("takes a set under the bound at the first stage that finds it", () => {
    expect(isBounded(cut(0.3, ring), undefined, ringLinks, population)).toBe(true);
  });

  it("takes a ring between the bound and the looser one only once the previous stage ended with the same members", () => {
    expect(isBounded(cut(0.4, ring), undefined, ringLinks, population)).toBe(false);
    expect(isBounded(cut(0.4, ring), cut(0.41, ids("other", 16)), ringLinks, population)).toBe(false);
    expect(isBounded(cut(0.4, ring), cut(0.41, [...ring.slice(1), "other"]), ringLinks, population)).toBe(false);
    expect(isBounded(cut(0.4, ring), cut(0.4, [...ring].reverse()), ringLinks, population)).toBe(true);
  });

  it("never takes a stable crowd its identifiers do not chain together at the looser bound", () => {
    const crowd = cut(0.4, ring, crowdLinks);
    expect(isBounded(crowd, crowd, crowdLinks, population)).toBe(false);
  });

  it("never takes a set above the looser bound, however stable: a proxy sub-group before its campaign appears", () => {
    expect(isBounded(cut(0.57, ring), cut(0.57, ring), ringLinks, population)).toBe(false);
  });

  it("scales the bounds to what a random set of the same share of the accounts would score", () => {
    const half = ids("half", 500);
    expect(isBounded(cut(0.3, half), undefined, ringLinks, 1_000)).toBe(false);
    expect(isBounded(cut(0.15, half), undefined, ringLinks, 1_000)).toBe(true);
  });
});

describe("isHeldBySeeds", () => {
  // Two card rings fill a small VPN exit; a household member's one tie beyond its home is that exit.
  const rings = [...ring, ...ids("other", 8)];
  const household = "home0";
  const light = "proxy0";
  const exitLinks = linksOf(
    {
      ...ringIdentifiers,
      "card:other": ids("other", 8),
      "ip:vpn": [...rings, household],
      "ip:home": [household, "home1"],
      "ip:proxy": [...ring.slice(0, 5), light],
      "prompt:template": [...ring.slice(3, 10), light],
    },
    population,
    { "ip:vpn": 30 },
  );
  const set = (...extra: string[]) => cut(0.3, [...rings, ...extra], exitLinks);

  it("does not hold a seed tied to the set by one shared address", () => {
    expect(isHeldBySeeds(set(household), [household], exitLinks)).toBe(false);
  });

  it("holds a seed with a card the set owns, or two other ties, such as a light proxy member's exit and template", () => {
    expect(isHeldBySeeds(set(), ["ring3"], exitLinks)).toBe(true);
    expect(isHeldBySeeds(set(light), [light], exitLinks)).toBe(true);
  });

  it("holds the set when any one of several seeds is held", () => {
    expect(isHeldBySeeds(set(household), [household, "ring0"], exitLinks)).toBe(true);
  });
});
