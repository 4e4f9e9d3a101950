import type { ExplorerApi } from "./explorer-api";
import { explorerReducer, initialState, type ExplorerAction, type ExplorerState } from "./explorer-state";
import type { ViewStep } from "./explorer-view";

type ExpandStep = Extract<ViewStep, { type: "expand" }>;
import type { ViewLink } from "./view-url";

/**
 * The requests behind each fetching step, shared by the live workspace and
 * the replay of a link: each reads the state it starts from (what is on
 * screen, the settings) and resolves to the action that records its answer.
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

async function stepAction(api: ExplorerApi, state: ExplorerState, step: ViewStep): Promise<ExplorerAction> {
  switch (step.type) {
    case "open":
      return openCommand(api, state, step.ids);
    case "expand":
      return expandCommand(api, state, step);
    case "remove":
      return { type: "remove", ids: step.ids };
  }
}

/** Replays a link's steps in order, each against the view the previous ones built, and returns the restoring action. */
export async function replayCommand(api: ExplorerApi, state: ExplorerState, link: ViewLink): Promise<ExplorerAction> {
  const hubThreshold = link.hubThreshold ?? state.settings.hubThreshold;
  let replayed: ExplorerState = { ...initialState, settings: { ...state.settings, hubThreshold } };
  for (const step of link.steps) replayed = explorerReducer(replayed, await stepAction(api, replayed, step));
  return { type: "view-restored", view: { ...replayed.view, hidden: link.hidden }, hubThreshold };
}
