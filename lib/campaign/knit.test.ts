import { describe, expect, it } from "vitest";
import { identifierKnitShare, seedsGroups, seedsIdentifierGroups } from "./knit";
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

describe("seedsGroups", () => {
  const ring = ids("r", 12);
  const household = ["h0", "h1"];
  // The ring and the household share a VPN exit with 18 strangers: 14 of its 32 users are in the set.
  const attributes = {
    "card:1": ring.slice(0, 6),
    "card:2": ring.slice(6),
    "payout_wallet:w": ring,
    "ip:home": household,
    "card:family": household,
    "ip:vpn": [...ring, ...household],
  };
  const sizes = { "ip:vpn": 32 };

  function groupsOf(seeds: string[]): string[] {
    const members = [...household, ...ring];
    const links = linksOf(attributes, population, sizes);
    return seedsGroups(members, seeds, links, countInside(new Set(members), links));
  }

  it("keeps only the household when a household member is the seed", () => {
    expect(groupsOf(["h0"])).toEqual(household);
  });

  it("keeps only the ring when a ring member is the seed", () => {
    expect(groupsOf(["r7"])).toEqual(ring);
  });

  it("keeps both when both are seeds", () => {
    expect(groupsOf(["h1", "r0"])).toHaveLength(14);
  });

  it("does not join groups through a mail domain, even one only they use", () => {
    const members = [...household, ...ring];
    const links = linksOf({ ...attributes, "email_domain:throwaway.example": ["h0", "r0"] }, population, sizes);
    expect(seedsGroups(members, ["h0"], links, countInside(new Set(members), links))).toEqual(household);
  });

  it("joins groups through an attribute only the set uses", () => {
    const members = [...household, ...ring];
    const links = linksOf({ ...attributes, "ip:proxy": ["h0", "r0", "r1"] }, population);
    expect(seedsGroups(members, ["h0"], links, countInside(new Set(members), links))).toHaveLength(14);
  });

  it("joins groups through two attributes the set owns that strangers also use, not through one", () => {
    const members = [...household, ...ring];
    // Each exit: the household, two ring members and one stranger; without either group, the rest of the set is most of its users.
    const shared = { "ip:exit-a": ["h0", "h1", "r0", "r1"], "ip:exit-b": ["h0", "h1", "r2", "r3"] };
    const sizes = { "ip:vpn": 32, "ip:exit-a": 5, "ip:exit-b": 5 };
    const one = linksOf({ ...attributes, "ip:exit-a": shared["ip:exit-a"] }, population, sizes);
    const two = linksOf({ ...attributes, ...shared }, population, sizes);
    expect(seedsGroups(members, ["h0"], one, countInside(new Set(members), one))).toEqual(household);
    expect(seedsGroups(members, ["h0"], two, countInside(new Set(members), two))).toHaveLength(14);
    expect(seedsGroups(members, ["r3"], two, countInside(new Set(members), two))).toHaveLength(14);
  });

  it("does not join a group through attributes the set owns only with that group's own use", () => {
    const members = [...household, ...ring];
    // The ring is most of each exit's use, the household one user beside many strangers: two rings behind the same VPN exits look like this.
    const shared = { "ip:exit-a": ["h0", ...ring], "ip:exit-b": ["h1", ...ring.slice(0, 6)] };
    const links = linksOf({ ...attributes, ...shared }, population, { "ip:vpn": 32, "ip:exit-a": 20, "ip:exit-b": 12 });
    expect(seedsGroups(members, ["h0"], links, countInside(new Set(members), links))).toEqual(household);
  });
});

describe("seedsIdentifierGroups", () => {
  it("keeps the seed's ring of two that fill one VPN exit between them", () => {
    const first = ids("a", 10);
    const second = ids("b", 8);
    const members = [...first, ...second];
    const links = linksOf(
      { "card:a": first, "device:a": first.slice(3), "card:b": second, "ip:vpn": members },
      population,
      { "ip:vpn": 25 },
    );
    const inside = countInside(new Set(members), links);
    expect(seedsIdentifierGroups(members, ["b2"], links, inside)).toEqual(second);
    expect(seedsGroups(members, ["b2"], links, inside)).toEqual(second);
  });
});
