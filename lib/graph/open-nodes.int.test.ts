import { describe, expect, it } from "vitest";
import { openNodes } from "./open-nodes";
import { useExplorerFixture } from "./testing/explorer-fixture";

useExplorerFixture();

describe("openNodes", () => {
  it("puts nodes on the canvas linked to what is already there, and lists ids it cannot find", async () => {
    const result = await openNodes({ ids: ["account:a2", "account:ghost"], onScreen: ["card:c1", "account:a3", "device:d1"] });
    expect(result.nodes).toMatchObject([{ id: "account:a2", kind: "account", label: "a2", status: "suspended" }]);
    expect(result.nodes[0]?.time).toMatch(/^2026-01-02T09:00/);
    expect(result.edges.map((edge) => edge.target).sort()).toEqual(["card:c1", "device:d1"]);
    expect(result.missing).toEqual(["account:ghost"]);
  });
});
