import { describe, expect, it } from "vitest";
import { mapCampaign, openedGroup, outlineMap } from "./campaign-map";
import type { CampaignMember, Evidence } from "./types";

function tie(key: string, accounts = 50, inCampaign = 10): Evidence {
  const [kind, value] = key.split(":") as [string, string];
  return {
    kind,
    value,
    accounts,
    inCampaign,
    weight: 0.5,
    firstSeen: "2026-01-01T00:00:00.000Z",
    lastSeen: "2026-01-01T00:00:00.000Z",
    overlappingMembers: 1,
    nearestGapHours: 0,
    sessions: [],
  };
}

function member(id: string, score: number, keys: string[]): CampaignMember {
  return { account_id: id, score, evidence: keys.map((key) => tie(key)) };
}

// Two batches of accounts, each on its own card, both behind the same proxy
// exit and template; one account shares only the proxy exit.
const accounts = [
  member("a1", 0.9, ["card:A", "ip:10.0.0.1", "prompt:tpl1"]),
  member("a2", 0.8, ["card:A", "phone:+1", "ip:10.0.0.1"]),
  member("a3", 0.7, ["phone:+1", "prompt:tpl1"]),
  member("b1", 0.95, ["card:B", "ip:10.0.0.1", "prompt:tpl1"]),
  member("b2", 0.6, ["card:B", "ip:10.0.0.2"]),
  member("c1", 0.4, ["ip:10.0.0.1"]),
];

describe("mapCampaign", () => {
  const map = mapCampaign({ accounts });
  const keys = (indexes: number[]) => indexes.map((index) => map.attributes[index]!.key);

  it("groups members joined by identifiers, largest first, with the loose members last", () => {
    expect(map.groups.map((group) => group.members)).toEqual([["a1", "a2", "a3"], ["b1", "b2"], ["c1"]]);
    expect(map.groups.map((group) => group.isLoose)).toEqual([false, false, true]);
    expect(map.groups.map((group) => group.id)).toEqual(["g1", "g2", "g3"]);
  });

  it("names each group's identifiers, the most used first", () => {
    expect(keys(map.groups[0]!.identifiers)).toEqual(["card:A", "phone:+1"]);
    expect(keys(map.groups[2]!.identifiers)).toEqual([]);
  });

  it("binds groups by the crowd attributes they share, the most evidence first", () => {
    const bindings = map.bindings.map((binding) => ({ key: map.attributes[binding.attribute]!.key, groups: binding.groups }));
    expect(bindings).toEqual([
      { key: "ip:10.0.0.1", groups: [{ group: 0, members: 2 }, { group: 1, members: 1 }, { group: 2, members: 1 }] },
      { key: "prompt:tpl1", groups: [{ group: 0, members: 2 }, { group: 1, members: 1 }] },
    ]);
  });

  it("ranks a webmail domain every group uses below a proxy exit two groups share, by the evidence each gives", () => {
    const webmail = (evidence: Evidence[]) => [...evidence, { ...tie("email_domain:gmail.com", 9000, 5), weight: 0.01 }];
    const withWebmail = accounts.map((account) => ({ ...account, evidence: webmail(account.evidence) }));
    const ranked = mapCampaign({ accounts: withWebmail }, { bindings: 2, identifiersPerGroup: 5, sampledMembers: 150 });
    expect(ranked.bindings.map((binding) => ranked.attributes[binding.attribute]!.key)).toEqual(["ip:10.0.0.1", "prompt:tpl1"]);
  });

  it("draws the crowd attributes a one-group campaign's members make a share of, since it has no bindings to draw", () => {
    const ring = mapCampaign({
      accounts: [
        { account_id: "r1", score: 0.9, evidence: [tie("card:R", 3, 3), tie("ip:10.0.0.9", 20, 2), tie("email_domain:gmail.com", 9000, 2)] },
        { account_id: "r2", score: 0.8, evidence: [tie("card:R", 3, 3), tie("ip:10.0.0.9", 20, 2), tie("email_domain:gmail.com", 9000, 2)] },
        { account_id: "r3", score: 0.7, evidence: [tie("card:R", 3, 3), tie("email_domain:example.org", 40, 1)] },
      ],
    });
    expect(ring.bindings).toEqual([]);
    const drawnTies = ring.samples[0]!.map((sampled) => sampled.ties.map((index) => ring.attributes[index]!.key));
    expect(drawnTies).toEqual([["card:R", "ip:10.0.0.9"], ["card:R", "ip:10.0.0.9"], ["card:R"]]);
  });

  it("samples the strongest members of each group with their identifiers and drawn bindings", () => {
    const limited = mapCampaign({ accounts }, { bindings: 1, identifiersPerGroup: 1, sampledMembers: 1 });
    expect(limited.samples.map((sample) => sample.map((entry) => entry.account))).toEqual([["a1"], ["b1"], ["c1"]]);
    const ties = limited.samples[1]![0]!.ties.map((index) => limited.attributes[index]!.key);
    expect(ties).toEqual(["card:B", "ip:10.0.0.1"]);
    expect(limited.groups[0]!.identifiers).toHaveLength(1);
  });
});

describe("outlineMap and openedGroup", () => {
  const map = mapCampaign({ accounts });

  it("sends group sizes and only the attributes the overview names, still pointing at the same ones", () => {
    const outline = outlineMap(map);
    expect(outline.groups.map((group) => group.size)).toEqual([3, 2, 1]);
    expect(outline.groups[0]).not.toHaveProperty("members");
    expect(outline.groups[0]!.identifiers.map((index) => outline.attributes[index]!.key)).toEqual(["card:A", "phone:+1"]);
    expect(outline.bindings.map((binding) => outline.attributes[binding.attribute]!.key)).toEqual(["ip:10.0.0.1", "prompt:tpl1"]);
    // ip:10.0.0.2 is one member's tie, named by no group or binding.
    expect(outline.attributes.map((attribute) => attribute.key).sort()).toEqual(["card:A", "card:B", "ip:10.0.0.1", "phone:+1", "prompt:tpl1"]);
  });

  it("opens one group with all its members and its sample's ties in its own attribute list", () => {
    const opened = openedGroup(map, 1)!;
    expect(opened.members).toEqual(["b1", "b2"]);
    expect(opened.sample.map((entry) => [entry.account, entry.ties.map((index) => opened.attributes[index]!.key)])).toEqual([
      ["b1", ["card:B", "ip:10.0.0.1", "prompt:tpl1"]],
      ["b2", ["card:B"]],
    ]);
    expect(opened.attributes).toHaveLength(3);
    expect(openedGroup(map, 3)).toBeUndefined();
  });
});
