import { describe, expect, it } from "vitest";
import { confidence, evidenceFor, sharedUseOf, SharedUse } from "./evidence";
import { IsoTimes } from "./iso-time";
import { linksOf } from "./testing";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("SharedUse.overlap", () => {
  const use = new SharedUse("ip:1");
  use.add(0, HOUR);
  use.add(30 * 60_000, 2 * HOUR);
  use.add(200 * DAY, 200 * DAY);
  use.seal();

  it("counts the other members whose use overlaps, not the member itself", () => {
    expect(use.overlap(0, HOUR, true)).toEqual({ overlapping: 1, gap: 0 });
  });

  it("gives the gap to the nearest other use when none overlaps", () => {
    const { overlapping, gap } = use.overlap(200 * DAY, 200 * DAY, true);
    expect(overlapping).toBe(0);
    expect(gap).toBe(200 * DAY - 2 * HOUR);
  });
});

describe("evidenceFor", () => {
  const links = linksOf({ "ip:1": ["a", "b", "c"], "email_domain:gmail.com": ["a", "x", "y", "z"] }, 1000);
  // c used the address six months after a and b.
  for (const link of links.get("c") ?? []) [link.firstSeen, link.lastSeen] = [200 * DAY, 200 * DAY];
  for (const id of ["a", "b"]) for (const link of links.get(id) ?? []) link.lastSeen = HOUR;
  const inside = new Map([["ip:1", 3], ["email_domain:gmail.com", 1]]);
  const shared = sharedUseOf(["a", "b", "c"], ["ip:1"], links);
  const context = { links, inside, population: 1000, shared, times: new IsoTimes() };

  it("weighs sharing the same hour above sharing six months apart", () => {
    const [sameHour] = evidenceFor("a", true, context);
    const [monthsApart] = evidenceFor("c", true, context);
    expect(sameHour?.overlappingMembers).toBe(1);
    expect(monthsApart?.nearestGapHours).toBeGreaterThan(4000);
    expect(sameHour!.weight).toBeGreaterThan(monthsApart!.weight * 10);
  });

  it("cites nothing a member shares with no other member", () => {
    expect(evidenceFor("a", true, context).map((e) => e.kind)).toEqual(["ip"]);
  });

  it("combines evidence as a noisy-OR", () => {
    const evidence = evidenceFor("a", true, context);
    expect(confidence(evidence)).toBeCloseTo(evidence[0]!.weight, 3);
    expect(confidence([])).toBe(0);
  });
});
