import { describe, expect, it } from "vitest";
import { openedGroup, outlineMap, type CampaignMap } from "@/lib/campaign/campaign-map";
import { FOLDED_GROUPS_ID, groupModel, overviewModel, pickedMembers } from "./campaign-graph-model";

// Four card groups and the loose members, all behind one proxy exit.
const map: CampaignMap = {
  attributes: [
    { key: "ip:10.0.0.1", kind: "ip", value: "10.0.0.1", accounts: 900, inCampaign: 9 },
    ...["A", "B", "C", "D"].map((card) => ({ key: `card:${card}`, kind: "card", value: card, accounts: 2, inCampaign: 2 })),
  ],
  groups: [
    ...[1, 2, 3, 4].map((n) => ({ id: `g${n}`, members: [`a${n}`, `b${n}`], identifiers: [n], isLoose: false })),
    { id: "g5", members: ["c1"], identifiers: [], isLoose: true },
  ],
  bindings: [{ attribute: 0, groups: [0, 1, 2, 3, 4].map((group) => ({ group, members: group === 4 ? 1 : 2 })) }],
  samples: [
    [
      { account: "a1", score: 0.9, ties: [1, 0] },
      { account: "b1", score: 0.8, ties: [1] },
    ],
  ],
};

describe("overviewModel", () => {
  it("draws each group with its size and identifier, tied to the attributes binding the groups", () => {
    const model = overviewModel(outlineMap(map));
    expect(model.nodes.map((node) => node.label)).toEqual([
      "2 accounts · card A",
      "2 accounts · card B",
      "2 accounts · card C",
      "2 accounts · card D",
      "1 account · no shared identifier",
      "10.0.0.1",
    ]);
    expect(model.edges).toHaveLength(5);
    expect(model.edges.every((edge) => edge.target === "ip:10.0.0.1")).toBe(true);
  });

  it("folds the smallest groups into one node, keeping the loose members drawn", () => {
    const model = overviewModel(outlineMap(map), 3);
    const groups = model.nodes.filter((node) => node.kind === "group");
    expect(groups.map((node) => node.id)).toEqual(["group:g1", "group:g5", FOLDED_GROUPS_ID]);
    expect(groups.at(-1)).toMatchObject({ label: "3 smaller groups · 6 accounts", memberCount: 6 });
    expect(model.edges.filter((edge) => edge.source === FOLDED_GROUPS_ID)).toHaveLength(1);
  });
});

describe("groupModel", () => {
  it("opens a group into its sampled members and their ties", () => {
    const model = groupModel(openedGroup(map, 0)!);
    expect(model.nodes.map((node) => node.id)).toEqual(["account:a1", "card:A", "ip:10.0.0.1", "account:b1"]);
    expect(model.edges).toHaveLength(3);
  });
});

describe("pickedMembers", () => {
  const opened = groupModel(openedGroup(map, 0)!);

  it("picks the selected members and the drawn members tied to a selected attribute", () => {
    expect([...pickedMembers(opened, ["account:b1"])]).toEqual(["b1"]);
    expect([...pickedMembers(opened, ["ip:10.0.0.1"])]).toEqual(["a1"]);
    expect([...pickedMembers(opened, ["card:A"])].sort()).toEqual(["a1", "b1"]);
  });

  it("picks nobody for a group, or for what is no longer drawn", () => {
    expect(pickedMembers(overviewModel(outlineMap(map)), ["group:g1", "card:A"]).size).toBe(0);
    expect(pickedMembers(opened, ["account:a2"]).size).toBe(0);
  });
});
