import type { StepAnswer } from "@/lib/graph/replay-view";
import type { ExplorerApi } from "./explorer-api";
import { explorerReducer, initialState, type ExplorerAction, type ExplorerState } from "./explorer-state";
import type { ViewStep } from "./explorer-view";
import type { LinkReplay } from "./view-url";

type ExpandStep = Extract<ViewStep, { type: "expand" }>;

/**
 * The requests behind each fetching step: each reads the state it starts
 * from (what is on screen, the settings) and resolves to the action that
 * records its answer. A link's replay (answered by the server for all its
 * steps at once) records each answer with the same actions.
 */

function onScreen(state: ExplorerState): string[] {
  return state.view.nodes.map((node) => node.id);
}

export async function openCommand(api: ExplorerApi, state: ExplorerState, ids: string[]): Promise<ExplorerAction> {
  const result = await api.open({ ids, onScreen: onScreen(state), hubThreshold: state.settings.hubThreshold });
  return { type: "opened", ids, result };
}

export async function expandCommand(
  api: ExplorerApi,
  state: ExplorerState,
  request: { ids: string[]; includeHubs: boolean; cap?: number },
): Promise<ExplorerAction> {
  const step: ExpandStep = { type: "expand", ids: request.ids, cap: request.cap ?? state.settings.cap, includeHubs: request.includeHubs };
  const result = await api.expand({ ids: step.ids, cap: step.cap, includeHubs: step.includeHubs, onScreen: onScreen(state), hubThreshold: state.settings.hubThreshold });
  return { type: "expanded", step, result };
}

/** The action that records one replayed step's answer, as if it had been asked live. */
function answerAction(step: ViewStep, answer: StepAnswer | undefined): ExplorerAction {
  if (step.type === "open" && answer?.type === "open") return { type: "opened", ids: step.ids, result: answer.result };
  if (step.type === "expand" && answer?.type === "expand") return { type: "expanded", step, result: answer.result };
  if (step.type === "remove") return { type: "remove", ids: step.ids };
  throw new Error("The server's replay does not match the link's steps");
}

/** Applies a replayed link's answers in order (as if each step had been asked live) and returns the restoring action. */
export function restoreCommand(state: ExplorerState, replay: Extract<LinkReplay, { status: "answered" }>): ExplorerAction {
  const { link, hubThreshold, answers } = replay;
  const replayed = link.steps.reduce(
    (current, step, index) => explorerReducer(current, answerAction(step, answers[index])),
    { ...initialState, settings: { ...state.settings, hubThreshold } },
  );
  return { type: "view-restored", view: { ...replayed.view, hidden: link.hidden }, hubThreshold };
}
