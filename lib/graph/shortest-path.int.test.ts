import { describe, expect, it } from "vitest";
import { findShortestPath } from "./shortest-path";
import { fixtureHubThreshold, useExplorerFixture } from "./testing/explorer-fixture";

useExplorerFixture();

const hubThreshold = fixtureHubThreshold;

describe("findShortestPath", () => {
  it("finds the chain of shared attributes between two accounts", async () => {
    const result = await findShortestPath({ from: "account:a1", to: "account:a4", hubThreshold });
    expect(result.status).toBe("found");
    if (result.status !== "found") return;
    expect(result.steps).toBe(3);
    expect(result.nodes.map((node) => node.id)).toEqual([
      "account:a1",
      "device:d1",
      "account:a2",
      "card:c1",
      "account:a3",
      "phone:+4930111222",
      "account:a4",
    ]);
    expect(result.edges).toHaveLength(6);
  });

  it("says none when the only chain is longer than the bound", async () => {
    expect(await findShortestPath({ from: "account:a1", to: "account:a4", maxSteps: 2, hubThreshold })).toEqual({
      status: "none",
      maxSteps: 2,
      allowHubs: false,
    });
  });

  it("avoids hubs unless allowed", async () => {
    const avoided = await findShortestPath({ from: "account:a1", to: "account:u01", hubThreshold });
    expect(avoided.status).toBe("none");
    const allowed = await findShortestPath({ from: "account:a1", to: "account:u01", hubThreshold, allowHubs: true });
    expect(allowed).toMatchObject({ status: "found", steps: 1 });
  });

  it("starts from an attribute as well as from an account", async () => {
    const result = await findShortestPath({ from: "device:d1", to: "account:a3", hubThreshold });
    expect(result).toMatchObject({ status: "found", steps: 2 });
  });

  it("says none for an account that shares nothing", async () => {
    expect((await findShortestPath({ from: "account:a1", to: "account:a5", hubThreshold })).status).toBe("none");
  });
});
