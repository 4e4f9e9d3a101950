import type { AccountStatus, NodeKind } from "@/components/graph/graph-model";
import type { Expansion } from "@/lib/graph/expand";
import type { AccountGrouping } from "@/lib/graph/group-accounts";
import type { OpenedNodes } from "@/lib/graph/open-nodes";
import type { PathResult } from "@/lib/graph/shortest-path";
import { defaultExpansionCap, defaultHubThreshold } from "@/lib/graph/option-schemas";
import { addToView, emptyView, removeFromView, toggleIds, type ExplorerView, type ViewStep } from "./explorer-view";

/**
 * The explorer's whole state and the one reducer that changes it. Pure: the
 * workspace component runs the requests and dispatches their answers here.
 * Views go through a history (undo/redo); filters and settings do not, since
 * they change what is drawn, not what was found.
 */

export type Activity = { status: "idle" } | { status: "loading"; what: string } | { status: "error"; message: string };

export interface Filters {
  hiddenKinds: readonly NodeKind[];
  hiddenStatuses: readonly AccountStatus[];
  /** ISO instants; nodes with a time outside are not drawn. */
  window: { from: string; to: string } | null;
}

export interface Settings {
  cap: number;
  hubThreshold: number;
  maxSteps: number;
  allowHubs: boolean;
  /** Draw with the WebGL renderer (off by default: without a GPU it is slower than the 2D canvas); remembered in the browser (use-remembered-webgl.ts). */
  isWebgl: boolean;
}

export interface ExplorerState {
  past: readonly ExplorerView[];
  view: ExplorerView;
  future: readonly ExplorerView[];
  activity: Activity;
  filters: Filters;
  settings: Settings;
  /** A one-line answer worth saying out loud ("No link within 4 steps"). */
  notice: string | null;
  /** Changes when the canvas should lay the graph out again. */
  layoutKey: number;
}

export const initialState: ExplorerState = {
  past: [],
  view: emptyView,
  future: [],
  activity: { status: "idle" },
  filters: { hiddenKinds: [], hiddenStatuses: [], window: null },
  settings: { cap: defaultExpansionCap, hubThreshold: defaultHubThreshold, maxSteps: 4, allowHubs: false, isWebgl: false },
  notice: null,
  layoutKey: 0,
};

/** Undo goes back at most this far; views are small, but not free. */
const historyLimit = 50;

export type ExplorerAction =
  | { type: "request-started"; what: string }
  | { type: "request-failed"; message: string }
  | { type: "opened"; ids: string[]; result: OpenedNodes }
  | { type: "expanded"; step: Extract<ViewStep, { type: "expand" }>; result: Expansion }
  | { type: "path-found"; result: PathResult }
  | { type: "grouped"; grouping: AccountGrouping }
  | { type: "group-toggled"; id: string }
  | { type: "hide"; ids: string[] }
  | { type: "show-hidden" }
  | { type: "remove"; ids: string[] }
  | { type: "pin-toggled"; ids: string[] }
  | { type: "clear" }
  /** A view rebuilt from a link: it starts a fresh history. */
  | { type: "view-restored"; view: ExplorerView; hubThreshold: number }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "relayout" }
  | { type: "filters-changed"; filters: Partial<Filters> }
  | { type: "settings-changed"; settings: Partial<Settings> };

export function explorerReducer(state: ExplorerState, action: ExplorerAction): ExplorerState {
  switch (action.type) {
    case "request-started":
      return { ...state, activity: { status: "loading", what: action.what }, notice: null };
    case "request-failed":
      return { ...state, activity: { status: "error", message: action.message } };
    case "opened":
      return withView(state, onOpened(state.view, action.ids, action.result), { relayout: true, notice: missingNotice(action.result) });
    case "expanded":
      return withView(state, onExpanded(state.view, action.step, action.result), { relayout: true, notice: expansionNotice(action.result) });
    case "path-found":
      return action.result.status === "found"
        ? withView(state, onPathFound(state.view, action.result), { relayout: true, notice: `Linked in ${stepsText(action.result.steps)}` })
        : { ...state, activity: { status: "idle" }, notice: noPathNotice(action.result) };
    case "grouped":
      return withView(state, onGrouped(state.view, action.grouping), {
        relayout: true,
        notice: action.grouping.groups.length === 0 ? "No attribute is shared by enough of these accounts to group them" : null,
      });
    case "group-toggled":
      return withView(state, {
        ...state.view,
        groups: state.view.groups.map((group) => (group.id === action.id ? { ...group, isOpen: !group.isOpen } : group)),
      }, { relayout: true });
    case "hide":
      return withView(state, { ...state.view, hidden: [...new Set([...state.view.hidden, ...action.ids])] });
    case "show-hidden":
      return withView(state, { ...state.view, hidden: [] });
    case "remove":
      return withView(state, withStep(removeFromView(state.view, action.ids), { type: "remove", ids: action.ids }));
    case "pin-toggled":
      return withView(state, { ...state.view, pinned: toggleIds(state.view.pinned, action.ids) });
    case "clear":
      return withView(state, emptyView);
    case "view-restored":
      return {
        ...withView(state, action.view, { relayout: true }),
        past: [],
        settings: { ...state.settings, hubThreshold: action.hubThreshold },
      };
    case "undo":
      return travel(state, "back");
    case "redo":
      return travel(state, "forward");
    case "relayout":
      return { ...state, layoutKey: state.layoutKey + 1 };
    case "filters-changed":
      return { ...state, filters: { ...state.filters, ...action.filters } };
    case "settings-changed":
      return { ...state, settings: { ...state.settings, ...action.settings } };
  }
}

function withView(state: ExplorerState, view: ExplorerView, options: { relayout?: boolean; notice?: string | null } = {}): ExplorerState {
  return {
    ...state,
    past: [...state.past, state.view].slice(-historyLimit),
    view,
    future: [],
    activity: { status: "idle" },
    notice: options.notice ?? null,
    layoutKey: options.relayout ? state.layoutKey + 1 : state.layoutKey,
  };
}

function travel(state: ExplorerState, direction: "back" | "forward"): ExplorerState {
  const source = direction === "back" ? state.past : state.future;
  const target = source.at(-1);
  if (!target) return state;
  const rest = source.slice(0, -1);
  return direction === "back"
    ? { ...state, past: rest, view: target, future: [...state.future, state.view], notice: null }
    : { ...state, past: [...state.past, state.view], view: target, future: rest, notice: null };
}

function withStep(view: ExplorerView, step: ViewStep): ExplorerView {
  return { ...view, steps: [...view.steps, step] };
}

function onOpened(view: ExplorerView, ids: string[], result: OpenedNodes): ExplorerView {
  return withStep(addToView(view, result.nodes, result.edges), { type: "open", ids });
}

function onExpanded(view: ExplorerView, step: Extract<ViewStep, { type: "expand" }>, result: Expansion): ExplorerView {
  const next = withStep(addToView(view, result.nodes, result.edges), step);
  const seeds = { ...next.seeds };
  for (const seed of result.seeds) seeds[seed.id] = { remaining: seed.remaining, isHubGuarded: seed.isHubGuarded };
  return { ...next, seeds };
}

function onPathFound(view: ExplorerView, result: Extract<PathResult, { status: "found" }>): ExplorerView {
  const ids = result.nodes.map((node) => node.id);
  const next = withStep(addToView(view, result.nodes, result.edges), { type: "open", ids });
  return { ...next, path: ids };
}

/** Grouping replaces earlier groups: each account belongs to one group at a time. */
function onGrouped(view: ExplorerView, grouping: AccountGrouping): ExplorerView {
  return {
    ...view,
    groups: grouping.groups.map((group) => ({
      id: `group:${group.attribute.id}`,
      label: `${group.attribute.label} — ${group.members.length.toLocaleString("en")} accounts`,
      members: group.members,
      isOpen: false,
    })),
  };
}

function expansionNotice(result: Expansion): string | null {
  const guarded = result.seeds.filter((seed) => seed.isHubGuarded).length;
  if (guarded > 0) return `${guarded === 1 ? "A hub was" : `${guarded} hubs were`} left closed: open it on purpose with "Open hub".`;
  if (result.nodes.length === 0) return "Nothing new: every neighbour is already on the canvas.";
  return null;
}

function missingNotice(result: OpenedNodes): string | null {
  return result.missing.length > 0 ? `Not in the graph: ${result.missing.join(", ")}` : null;
}

function noPathNotice(result: Extract<PathResult, { status: "none" }>): string {
  return `No link within ${stepsText(result.maxSteps)}${result.allowHubs ? "" : " avoiding hubs"}.`;
}

function stepsText(steps: number): string {
  return steps === 1 ? "1 step" : `${steps} steps`;
}

