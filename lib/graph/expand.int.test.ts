import { describe, expect, it } from "vitest";
import { expandNodes } from "./expand";
import { fixtureHubThreshold, hubUsers, useExplorerFixture } from "./testing/explorer-fixture";

useExplorerFixture();

const hubIp = "ip:100.64.0.1";
const hubThreshold = fixtureHubThreshold;

describe("expandNodes", () => {
  it("brings an account's attributes, linked to it, with the hub as a badge node and not its accounts", async () => {
    const result = await expandNodes({ ids: ["account:a1"], hubThreshold });
    expect(result.nodes.map((node) => node.id).sort()).toEqual(
      ["device:d1", "email:alice@mail.example", "email_domain:mail.example", hubIp, "ip:203.0.113.5"].sort(),
    );
    expect(result.nodes.find((node) => node.id === hubIp)).toMatchObject({ isHub: true, accountCount: 13, label: "100.64.0.1" });
    expect(result.nodes.filter((node) => node.kind === "account")).toEqual([]);
    expect(result.edges).toHaveLength(5);
    expect(result.edges.every((edge) => edge.source === "account:a1")).toBe(true);
    expect(result.seeds).toEqual([{ id: "account:a1", added: 5, remaining: 0, isHubGuarded: false }]);
  });

  it("leaves a hub closed unless asked", async () => {
    const result = await expandNodes({ ids: [hubIp], onScreen: ["account:a1"], hubThreshold });
    expect(result.nodes).toEqual([]);
    expect(result.seeds).toEqual([{ id: hubIp, added: 0, remaining: 0, isHubGuarded: true }]);
  });

  it("opens a hub when asked, up to the cap, and pages past what is on screen", async () => {
    const onScreen = ["account:a1"];
    const first = await expandNodes({ ids: [hubIp], onScreen, cap: 5, hubThreshold, includeHubs: true });
    expect(first.nodes).toHaveLength(5);
    expect(first.seeds).toEqual([{ id: hubIp, added: 5, remaining: 7, isHubGuarded: false }]);
    expect(first.edges.map((edge) => edge.target)).toEqual(Array(5).fill(hubIp));

    const shown = first.nodes.map((node) => node.id);
    const second = await expandNodes({ ids: [hubIp], onScreen: [...onScreen, ...shown], cap: 5, hubThreshold, includeHubs: true });
    const more = second.nodes.map((node) => node.id);
    expect(more).toHaveLength(5);
    expect(more.filter((id) => shown.includes(id) || onScreen.includes(id))).toEqual([]);
    expect(second.seeds[0]?.remaining).toBe(2);
    expect([...shown, ...more].every((id) => hubUsers.includes(id.replace("account:", "")))).toBe(true);
  });

  it("caps each seed of a batched request on its own and links new nodes to everything on screen", async () => {
    const result = await expandNodes({ ids: ["account:a2", "account:a3"], onScreen: ["account:a1", "device:d1"], cap: 1, hubThreshold });
    expect(result.seeds.map((seed) => [seed.id, seed.added])).toEqual([
      ["account:a2", 1],
      ["account:a3", 1],
    ]);
    // The shared card comes first for both seeds: it is the link between them, drawn once with both edges.
    expect(result.nodes.map((node) => node.id)).toEqual(["card:c1"]);
    expect(result.edges.map((edge) => edge.source).sort()).toEqual(["account:a2", "account:a3"]);
  });

  it("says clearly when the input is not a node id", async () => {
    await expect(expandNodes({ ids: ["nonsense"] })).rejects.toThrow(/node id/);
  });
});
