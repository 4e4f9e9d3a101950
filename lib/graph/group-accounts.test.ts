import { describe, expect, it } from "vitest";
import { assignToGroups } from "./group-accounts";

const attribute = (id: string) => ({ id, kind: "ip", label: id });

describe("assignToGroups", () => {
  it("puts each account in the largest group that claims it and drops groups left too small", () => {
    const grouping = assignToGroups(
      [
        { attribute: attribute("ip:big"), members: ["a", "b", "c", "d"] },
        { attribute: attribute("ip:overlap"), members: ["c", "d", "e"] },
        { attribute: attribute("ip:other"), members: ["e", "f", "g"] },
      ],
      ["a", "b", "c", "d", "e", "f", "g", "h"],
      { minGroupSize: 3, maxGroups: 10 },
    );
    expect(grouping.groups.map((group) => [group.attribute.id, group.members])).toEqual([
      ["ip:big", ["a", "b", "c", "d"]],
      ["ip:other", ["e", "f", "g"]],
    ]);
    expect(grouping.ungrouped).toEqual(["h"]);
  });

  it("stops at maxGroups", () => {
    const grouping = assignToGroups(
      [
        { attribute: attribute("ip:1"), members: ["a", "b"] },
        { attribute: attribute("ip:2"), members: ["c", "d"] },
      ],
      ["a", "b", "c", "d"],
      { minGroupSize: 2, maxGroups: 1 },
    );
    expect(grouping.groups).toHaveLength(1);
    expect(grouping.ungrouped).toEqual(["c", "d"]);
  });
});
