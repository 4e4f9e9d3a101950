"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { SearchHit } from "@/lib/graph/search";
import { ActionBar, shortcuts, sumCounts, type BarCommand, type SelectionOffer } from "./action-bar";
import { DetailsPanel } from "./details-panel";
import { drawView, toPanelState } from "./draw-view";
import { explorerApi } from "./explorer-api";
import { expandCommand, openCommand, restoreCommand } from "./explorer-commands";
import { explorerReducer, initialState, type ExplorerAction, type ExplorerState } from "./explorer-state";
import { FiltersBar } from "./filters-bar";
import { GraphPanel } from "./graph-panel";
import { Legend } from "./legend";
import { SearchBox } from "./search-box";
import { TimeBar } from "./time-bar";
import { useIdsQuery } from "./use-ids-query";
import { useRememberedWebgl } from "./use-remembered-webgl";
import { encodeSavedLink, encodeViewLink, maxLinkLength, readLinkRequest, type LinkReplay, type ViewLink } from "./view-url";

/**
 * The investigator's workspace: search, the canvas with its actions, the
 * details panel, filters and the time bar. All state lives in one reducer
 * (explorer-state.ts); this component runs requests, dispatches their
 * answers, and keeps the address bar in step with the view. `linkReplay`
 * is the server's replay of the view the address names (app/page.tsx).
 */
export function ExplorerWorkspace({ linkReplay }: { linkReplay: Promise<LinkReplay> }) {
  const [state, dispatch] = useReducer(explorerReducer, initialState);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [fitKey, setFitKey] = useState(0);
  const [isUrlReady, setIsUrlReady] = useState(false);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  const run = useCallback(async (what: string, command: (current: ExplorerState) => Promise<ExplorerAction>) => {
    dispatch({ type: "request-started", what });
    try {
      dispatch(await command(stateRef.current));
    } catch (error) {
      dispatch({ type: "request-failed", message: (error as Error).message });
    }
  }, []);

  useReopenFromUrl(run, setIsUrlReady, linkReplay);
  useViewInUrl(state, isUrlReady);
  useRememberedWebgl(state.settings.isWebgl, (isWebgl) => dispatch({ type: "settings-changed", settings: { isWebgl } }));

  const { view, filters, settings } = state;
  const graph = useMemo(() => drawView(view, filters), [view, filters]);
  const timeBarNodes = useMemo(() => drawView(view, { ...filters, window: null }).nodes, [view, filters]);
  const panelState = toPanelState(state, graph);
  const neighbourCounts = useIdsQuery(
    useMemo(() => selectedIds.filter((id) => !id.startsWith("group:")), [selectedIds]),
    fetchSummedCounts,
  );
  const offer = useMemo(() => selectionOffer(state, selectedIds, neighbourCounts), [state, selectedIds, neighbourCounts]);

  const onCommand = useCallback(
    (command: BarCommand) => {
      const current = stateRef.current;
      const nodes = selectedIds.filter((id) => !id.startsWith("group:"));
      if (needsNodes(command) && nodes.length === 0) return;
      switch (command) {
        case "expand":
          return void run("the neighbours", (s) => expandCommand(explorerApi, s, { ids: nodes, includeHubs: false }));
        case "show-more": {
          // Only seeds already opened have anything remaining, so opening hubs here asks for nothing new.
          const ids = nodes.filter((id) => (current.view.seeds[id]?.remaining ?? 0) > 0);
          return void run("more neighbours", (s) => expandCommand(explorerApi, s, { ids, includeHubs: true }));
        }
        case "open-hub": {
          const ids = nodes.filter((id) => current.view.nodes.some((node) => node.id === id && node.isHub));
          return void run("the hub's accounts", (s) => expandCommand(explorerApi, s, { ids, includeHubs: true }));
        }
        case "path": {
          const [from, to] = selectedIds;
          if (!from || !to) return;
          return void run("the link between the two", async (s) => ({
            type: "path-found",
            result: await explorerApi.path({ from, to, ...s.settings }),
          }));
        }
        case "group": {
          const ids = current.view.nodes.filter((node) => node.kind === "account").map((node) => node.id);
          return void run("groups", async (s) => ({ type: "grouped", grouping: await explorerApi.group({ ids, hubThreshold: s.settings.hubThreshold }) }));
        }
        case "toggle-group":
          for (const id of selectedIds.filter((selected) => selected.startsWith("group:"))) dispatch({ type: "group-toggled", id });
          return;
        case "hide":
        case "remove":
          dispatch({ type: command, ids: selectedIds });
          return setSelectedIds([]);
        case "pin":
          return dispatch({ type: "pin-toggled", ids: selectedIds });
        case "fit":
          return setFitKey((key) => key + 1);
        case "show-hidden":
        case "relayout":
        case "undo":
        case "redo":
        case "clear":
          return dispatch({ type: command });
      }
    },
    [run, selectedIds],
  );

  useShortcuts(onCommand);

  const onChoose = useCallback(
    (hit: SearchHit) => {
      void run(hit.label, (s) => openCommand(explorerApi, s, [hit.id])).then(() => setSelectedIds([hit.id]));
    },
    [run],
  );

  const onOpenNode = useCallback(
    (id: string) => {
      if (id.startsWith("group:")) dispatch({ type: "group-toggled", id });
      else void run("the neighbours", (s) => expandCommand(explorerApi, s, { ids: [id], includeHubs: false }));
    },
    [run],
  );

  return (
    <div className="flex min-h-0 flex-1 flex-col gap-2 p-4">
      <SearchBox hubThreshold={settings.hubThreshold} onChoose={onChoose} />
      <ActionBar
        offer={offer}
        hiddenCount={view.hidden.length}
        canUndo={state.past.length > 0}
        canRedo={state.future.length > 0}
        hasNodes={view.nodes.length > 0}
        settings={settings}
        onCommand={onCommand}
        onSettingsChange={(changed) => dispatch({ type: "settings-changed", settings: changed })}
      />
      <FiltersBar filters={filters} onChange={(changed) => dispatch({ type: "filters-changed", filters: changed })} />
      <ActivityLine state={state} />
      <div className="flex min-h-0 flex-1 gap-2">
        <GraphPanel
          state={panelState}
          selectedIds={selectedIds}
          onSelectionChange={setSelectedIds}
          pinnedIds={view.pinned}
          fitKey={fitKey}
          onOpenNode={onOpenNode}
          isWebgl={settings.isWebgl}
        />
        <DetailsPanel selectedIds={selectedIds} />
      </div>
      <TimeBar nodes={timeBarNodes} window={filters.window} onWindowChange={(window) => dispatch({ type: "filters-changed", filters: { window } })} />
      <Legend />
    </div>
  );
}

async function fetchSummedCounts(ids: string[], signal: AbortSignal): Promise<Record<string, number>> {
  return sumCounts(await explorerApi.neighbourCounts(ids, signal));
}

function needsNodes(command: BarCommand): boolean {
  return command === "expand" || command === "show-more" || command === "open-hub" || command === "hide" || command === "remove" || command === "pin";
}

/** Loading, errors that leave the drawing in place, and notices, in one line above the canvas. */
function ActivityLine({ state }: { state: ExplorerState }) {
  if (state.activity.status === "error" && state.view.nodes.length > 0) {
    return (
      <p role="alert" className="text-xs text-red-700">
        {state.activity.message}
      </p>
    );
  }
  const text = state.activity.status === "loading" ? `Loading ${state.activity.what}…` : (state.notice ?? "");
  return (
    <p role="status" aria-label="Explorer status" className="min-h-4 text-xs text-slate-700">
      {text}
    </p>
  );
}

function selectionOffer(state: ExplorerState, selectedIds: readonly string[], neighbourCounts: Record<string, number> | null): SelectionOffer {
  const selected = new Set(selectedIds);
  const { view } = state;
  return {
    count: selectedIds.length,
    neighbourCounts,
    moreAvailable: selectedIds.reduce((sum, id) => sum + (view.seeds[id]?.remaining ?? 0), 0),
    hasHub: view.nodes.some((node) => selected.has(node.id) && node.isHub),
    hasGroup: selectedIds.some((id) => id.startsWith("group:")),
    isPinned: selectedIds.length > 0 && selectedIds.every((id) => view.pinned.includes(id)),
  };
}

/**
 * On first load, a `view` link (or a `saved` view's id) in the address bar
 * is restored from the server's replay; the URL is written only after that.
 * An unknown saved id ends in the server's 404 message, shown where the
 * drawing would be.
 */
function useReopenFromUrl(
  run: (what: string, command: (current: ExplorerState) => Promise<ExplorerAction>) => Promise<void>,
  setIsUrlReady: (ready: boolean) => void,
  linkReplay: Promise<LinkReplay>,
): void {
  useEffect(() => {
    const request = readLinkRequest(window.location.search);
    if (!request) {
      setIsUrlReady(true);
      return;
    }
    const what = request.type === "saved" ? "the saved view" : "the view from the link";
    void run(what, async (s) => {
      const replay = await linkReplay;
      if (replay.status === "failed") throw new Error(replay.message);
      if (replay.status === "none") throw new Error("The server found no view in this address.");
      return restoreCommand(s, replay);
    }).finally(() => setIsUrlReady(true));
  }, [run, setIsUrlReady, linkReplay]);
}

/** Keeps the address bar on the view: inline while the link is short enough, else the id of the view saved on the server. */
function useViewInUrl(state: ExplorerState, isUrlReady: boolean): void {
  const { steps, hidden } = state.view;
  const { hubThreshold } = state.settings;
  useEffect(() => {
    if (!isUrlReady) return;
    const link: ViewLink = { steps: [...steps], hidden: [...hidden], hubThreshold };
    const search = encodeViewLink(link);
    if (search.length <= maxLinkLength) return writeSearch(search);
    const controller = new AbortController();
    explorerApi.saveView(link, controller.signal).then(
      ({ id }) => writeSearch(encodeSavedLink(id)),
      // Not saved (server down): the long link still reopens the view in this browser, so keep that rather than a stale one.
      () => {
        if (!controller.signal.aborted) writeSearch(search);
      },
    );
    return () => controller.abort();
  }, [steps, hidden, hubThreshold, isUrlReady]);
}

function writeSearch(search: string): void {
  if (search !== window.location.search) window.history.replaceState(null, "", `${window.location.pathname}${search}`);
}

const commandByKey: Record<string, BarCommand> = Object.fromEntries(
  Object.entries(shortcuts)
    .filter(([, key]) => !key.startsWith("Ctrl"))
    .map(([command, key]) => [key, command as BarCommand]),
);

/** Single-key shortcuts, ignored while typing in a field. */
function useShortcuts(onCommand: (command: BarCommand) => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "z") {
        event.preventDefault();
        onCommand(event.shiftKey ? "redo" : "undo");
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const command = commandByKey[event.key] ?? (event.key === "Backspace" ? "remove" : undefined);
      if (command) {
        event.preventDefault();
        onCommand(command);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [onCommand]);
}
