import { describe, expect, it } from "vitest";
import { identifierKnitShare } from "./knit";
import { countInside } from "./refine";
import { ids, linksOf } from "./testing";

const population = 1_000_000;

function knitShare(members: string[], attributes: Record<string, string[]>, sizes: Record<string, number> = {}): number {
  const links = linksOf(attributes, population, sizes);
  return identifierKnitShare(members, links, countInside(new Set(members), links));
}

describe("identifierKnitShare", () => {
  const ring = ids("r", 12);

  it("chains a ring whose cards and devices overlap into one group", () => {
    const share = knitShare(ring, {
      "card:1": ring.slice(0, 4),
      "card:2": ring.slice(4, 8),
      "card:3": ring.slice(8),
      "device:a": [ring[3]!, ring[4]!],
      "device:b": [ring[7]!, ring[8]!],
    });
    expect(share).toBe(1);
  });

  it("counts only the largest group when the identifiers leave members apart", () => {
    const share = knitShare(ring, { "card:1": ring.slice(0, 6), "card:2": ring.slice(6, 9) });
    expect(share).toBe(0.5);
  });

  it("does not chain members through addresses, domains or extra kinds, however much the set owns them", () => {
    const share = knitShare(ring, { "ip:203.0.113.7": ring, "email_domain:corp.example": ring, "payout_wallet:w1": ring });
    expect(share).toBeCloseTo(1 / 12);
  });

  it("does not chain members through an identifier mostly outsiders use", () => {
    const share = knitShare(ring, { "card:corporate": ring }, { "card:corporate": 30 });
    expect(share).toBeCloseTo(1 / 12);
  });
});
