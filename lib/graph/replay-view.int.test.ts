import { describe, expect, it } from "vitest";
import { replayView, type StepAnswer } from "./replay-view";
import { fixtureHubThreshold, useExplorerFixture } from "./testing/explorer-fixture";

useExplorerFixture();

const ids = (answer: StepAnswer | undefined) => (answer && answer.type !== "remove" ? answer.result.nodes.map((node) => node.id).sort() : []);

describe("replayView", () => {
  it("answers each step against what the earlier steps left on screen", async () => {
    const answers = await replayView({
      hubThreshold: fixtureHubThreshold,
      steps: [
        { type: "open", ids: ["account:a1"] },
        { type: "expand", ids: ["account:a1"], cap: 50, includeHubs: false },
        // Already on screen: nothing new.
        { type: "expand", ids: ["account:a1"], cap: 50, includeHubs: false },
        { type: "remove", ids: ["device:d1"] },
        // Taken away again, so a2's expansion brings the device back.
        { type: "expand", ids: ["account:a2"], cap: 50, includeHubs: false },
      ],
    });
    expect(answers.map((answer) => answer.type)).toEqual(["open", "expand", "expand", "remove", "expand"]);
    expect(ids(answers[0])).toEqual(["account:a1"]);
    expect(ids(answers[1])).toContain("device:d1");
    expect(ids(answers[2])).toEqual([]);
    expect(ids(answers[4])).toContain("device:d1");
  });

  it("refuses a step the explorer would refuse, naming it", async () => {
    await expect(replayView({ hubThreshold: fixtureHubThreshold, steps: [{ type: "expand", ids: [], cap: 0, includeHubs: false }] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
