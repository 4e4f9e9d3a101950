import { z } from "zod";
import { expandNodes, type Expansion } from "./expand";
import { openNodes, type OpenedNodes } from "./open-nodes";
import { hubThresholdSchema, parseOptions } from "./option-schemas";
import { viewStepSchema } from "./view-link";

/**
 * Answers all of a shared view's steps in one request: a reopened link (or
 * saved view) would otherwise wait for one round trip per step, each
 * started only when the last had been drawn. Each step runs against what
 * the earlier ones put on screen, exactly as the explorer would have asked:
 * opens and expansions add the nodes they return, removals take theirs away.
 */

/** A link's worth of steps; the longest the explorer writes before saving a view is far below this. */
export const maxReplaySteps = 500;

export const replayViewOptionsSchema = z.object({
  steps: z.array(viewStepSchema).max(maxReplaySteps),
  hubThreshold: hubThresholdSchema,
});
export type ReplayViewOptions = z.input<typeof replayViewOptionsSchema>;

/** Each step's answer, in the order of the steps. */
export type StepAnswer = { type: "open"; result: OpenedNodes } | { type: "expand"; result: Expansion } | { type: "remove" };

export async function replayView(options: ReplayViewOptions): Promise<StepAnswer[]> {
  const { steps, hubThreshold } = parseOptions(replayViewOptionsSchema, options);
  const onScreen = new Set<string>();
  const answers: StepAnswer[] = [];
  for (const step of steps) {
    switch (step.type) {
      case "open": {
        const result = await openNodes({ ids: step.ids, onScreen: [...onScreen], hubThreshold });
        for (const node of result.nodes) onScreen.add(node.id);
        answers.push({ type: "open", result });
        break;
      }
      case "expand": {
        const result = await expandNodes({ ids: step.ids, cap: step.cap, includeHubs: step.includeHubs, onScreen: [...onScreen], hubThreshold });
        for (const node of result.nodes) onScreen.add(node.id);
        answers.push({ type: "expand", result });
        break;
      }
      case "remove":
        for (const id of step.ids) onScreen.delete(id);
        answers.push({ type: "remove" });
        break;
    }
  }
  return answers;
}
