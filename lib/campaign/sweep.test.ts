import { describe, expect, it } from "vitest";
import { refineCut } from "./refine";
import { sweepCut } from "./sweep";
import { ids, linksOf } from "./testing";

const ring = ids("r", 12);
const crowd = ids("c", 300);
// A ring bound by two cards, each member also on a webmail domain with 300 outsiders.
const links = linksOf(
  {
    "card:1": ring.slice(0, 7),
    "card:2": ring.slice(5),
    "email_domain:gmail.com": [...ring, ...crowd],
    "ip:nat": [ring[0]!, ...crowd.slice(0, 200)],
  },
  10_000,
  { "email_domain:gmail.com": 3_000, "ip:nat": 250 },
);

describe("sweepCut", () => {
  it("keeps the ring and stops before the crowd it shares a webmail domain with", () => {
    const rank = new Map<string, number>([...ring.map((id, i) => [id, 0.05 - i * 0.001] as const), ...crowd.map((id) => [id, 0.0001] as const)]);
    const result = sweepCut({ rank, links, required: ["r3"], maxMembers: 5_000, nearMisses: 3 });
    expect(new Set(result.members)).toEqual(new Set(ring));
    expect(result.nearMisses).toHaveLength(3);
    expect(result.conductance).toBeLessThan(0.5);
  });

  it("puts the required seeds first even when they rank low", () => {
    const rank = new Map([["r1", 0.5], ["c1", 0.4]]);
    const result = sweepCut({ rank, links, required: ["r11"], maxMembers: 5_000, nearMisses: 0 });
    expect(result.members[0]).toBe("r11");
  });
});

describe("refineCut", () => {
  it("drops an outsider tied only through the shared webmail domain and adds a missed member", () => {
    const members = [...ring.slice(0, 11), "c7"];
    const result = refineCut({ members, candidates: ["r11", "c8"], links, fixed: new Set(["r0"]), maxMembers: 100 });
    expect(new Set(result.members)).toEqual(new Set(ring));
  });

  it("leaves out the other users of a small VPN exit the ring fills, but takes a member tied by two exits", () => {
    const vpnUsers = ids("v", 4);
    const smallExit = linksOf(
      {
        "card:1": ring.slice(0, 7),
        "card:2": ring.slice(5),
        "ip:vpn": [...ring, ...vpnUsers],
        "ip:exit-a": [...ring.slice(0, 6), "p0"],
        "ip:exit-b": [...ring.slice(6), "p0"],
      },
      10_000,
    );
    const result = refineCut({ members: ring, candidates: [...vpnUsers, "p0"], links: smallExit, fixed: new Set(["r0"]), maxMembers: 100 });
    expect(new Set(result.members)).toEqual(new Set([...ring, "p0"]));
  });

  it("never removes a fixed account", () => {
    const result = refineCut({ members: ["c7", "r0"], candidates: [], links, fixed: new Set(["c7"]), maxMembers: 100 });
    expect(result.members).toContain("c7");
  });
});
