import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeInputFolders } from "@/lib/ingest/testing/input-folder";
import { closeDriver } from "@/lib/neo4j";
import { openNodes } from "./open-nodes";
import { loadExplorerFixture } from "./testing/explorer-fixture";

beforeAll(loadExplorerFixture);
afterAll(async () => {
  removeInputFolders();
  await closeDriver();
});

describe("openNodes", () => {
  it("puts nodes on the canvas linked to what is already there, and lists ids it cannot find", async () => {
    const result = await openNodes({ ids: ["account:a2", "account:ghost"], onScreen: ["card:c1", "account:a3", "device:d1"] });
    expect(result.nodes).toMatchObject([{ id: "account:a2", kind: "account", label: "a2", status: "suspended" }]);
    expect(result.nodes[0]?.time).toMatch(/^2026-01-02T09:00/);
    expect(result.edges.map((edge) => edge.target).sort()).toEqual(["card:c1", "device:d1"]);
    expect(result.missing).toEqual(["account:ghost"]);
  });
});
