import { describe, expect, it } from "vitest";
import { groupLinksByAttribute } from "./write-links";

const span = { first: "2026-02-01T10:00:00Z", last: "2026-02-02T10:00:00Z" };

describe("groupLinksByAttribute", () => {
  it("joins each attribute with its links, sorted by key, with its label from the fixed map", () => {
    const rows = groupLinksByAttribute({
      attributes: [
        { key: "prompt:p1", kind: "prompt", value: "p1", ...span },
        { key: "api_org:o1", kind: "api_org", value: "o1", ...span },
        { key: "ip:10.0.0.1", kind: "ip", value: "10.0.0.1", ...span },
      ],
      links: [
        { accountId: "a2", key: "ip:10.0.0.1", newSessions: 1, ...span },
        { accountId: "a1", key: "prompt:p1", newSessions: 2, ...span },
        { accountId: "a1", key: "ip:10.0.0.1", newSessions: 0, ...span },
      ],
    });
    expect(rows.map((row) => [row.key, row.labels, row.links.map((link) => link.account_id)])).toEqual([
      ["api_org:o1", [], []],
      ["ip:10.0.0.1", ["IP"], ["a2", "a1"]],
      ["prompt:p1", ["Prompt"], ["a1"]],
    ]);
    expect(rows[1]?.links[0]).toEqual({ account_id: "a2", new_sessions: 1, ...span });
  });
});
