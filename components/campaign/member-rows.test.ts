import { describe, expect, it } from "vitest";
import { toMemberRow } from "@/lib/campaign/campaign-view";
import type { CampaignMember } from "@/lib/campaign/types";
import { visibleMembers, windowOf } from "./member-rows";

const evidence = (value: string) => ({ kind: "card", value, accounts: 3, inCampaign: 3, weight: 0.5, firstSeen: "", lastSeen: "", overlappingMembers: 0, nearestGapHours: 0, sessions: [] });
const members = ([
  { account_id: "b", score: 0.5, evidence: [evidence("cfp_1")] },
  { account_id: "a", score: 0.9, evidence: [evidence("cfp_2"), evidence("cfp_3")] },
  { account_id: "c", score: 0.5, evidence: [] },
] satisfies CampaignMember[]).map(toMemberRow);

describe("visibleMembers", () => {
  it("sorts by score with ties broken by account id", () => {
    expect(visibleMembers(members, "", "score").map((m) => m.id)).toEqual(["a", "b", "c"]);
  });

  it("filters on account ids and evidence values", () => {
    expect(visibleMembers(members, "CFP_3", "account").map((m) => m.id)).toEqual(["a"]);
    expect(visibleMembers(members, "c", "account").map((m) => m.id)).toEqual(["a", "b", "c"]);
  });
});

describe("windowOf", () => {
  it("renders only the rows in view plus the overscan", () => {
    expect(windowOf(10_000, 600, 30, 24_000, 10)).toEqual({ first: 323, last: 364 });
    expect(windowOf(0, 600, 30, 5, 10)).toEqual({ first: 0, last: 5 });
  });
});
