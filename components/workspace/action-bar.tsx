import { useSyncExternalStore } from "react";
import { supportsWebgl2 } from "@/components/graph/render-options";
import type { NeighbourCounts } from "@/lib/graph/neighbour-counts";
import { maxExpansionCap, maxPathSteps } from "@/lib/graph/option-schemas";
import type { Settings } from "./explorer-state";

/** What the bar can offer for the current selection, worked out by the workspace. */
export interface SelectionOffer {
  count: number;
  /** Neighbour counts of the selection, summed per kind; null while loading or with nothing selected. */
  neighbourCounts: Record<string, number> | null;
  moreAvailable: number;
  hasHub: boolean;
  hasGroup: boolean;
  isPinned: boolean;
}

export type BarCommand =
  | "expand"
  | "show-more"
  | "open-hub"
  | "path"
  | "group"
  | "toggle-group"
  | "hide"
  | "show-hidden"
  | "remove"
  | "pin"
  | "fit"
  | "relayout"
  | "undo"
  | "redo"
  | "clear";

/** Keyboard shortcuts, shown in the buttons' titles and handled by the workspace. */
export const shortcuts: Partial<Record<BarCommand, string>> = {
  expand: "e",
  "show-more": "m",
  "open-hub": "o",
  path: "l",
  group: "g",
  hide: "h",
  remove: "Delete",
  pin: "p",
  fit: "f",
  relayout: "r",
  undo: "Ctrl+Z",
  redo: "Ctrl+Shift+Z",
};

export function sumCounts(counts: readonly NeighbourCounts[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const entry of counts) for (const [kind, count] of Object.entries(entry.counts)) total[kind] = (total[kind] ?? 0) + count;
  return total;
}

export function ActionBar({
  offer,
  hiddenCount,
  canUndo,
  canRedo,
  hasNodes,
  settings,
  onCommand,
  onSettingsChange,
}: {
  offer: SelectionOffer;
  hiddenCount: number;
  canUndo: boolean;
  canRedo: boolean;
  hasNodes: boolean;
  settings: Settings;
  onCommand: (command: BarCommand) => void;
  onSettingsChange: (settings: Partial<Settings>) => void;
}) {
  const hasSelection = offer.count > 0;
  const button = (command: BarCommand, label: string, isEnabled: boolean) => (
    <button
      type="button"
      disabled={!isEnabled}
      onClick={() => onCommand(command)}
      title={shortcuts[command] ? `${label} (${shortcuts[command]})` : label}
      className="h-7 rounded border border-slate-300 bg-white px-2 text-xs font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-40"
    >
      {label}
    </button>
  );

  return (
    <div role="toolbar" aria-label="Graph actions" className="flex flex-wrap items-center gap-1.5">
      <span className="text-xs text-slate-600 tabular-nums" aria-live="polite">
        {hasSelection ? `${offer.count} selected` : "Nothing selected"}
        {offer.neighbourCounts ? ` · neighbours: ${formatCounts(offer.neighbourCounts)}` : ""}
      </span>
      {button("expand", "Expand", hasSelection)}
      {button("show-more", offer.moreAvailable > 0 ? `Show more (${offer.moreAvailable.toLocaleString("en")})` : "Show more", offer.moreAvailable > 0)}
      {button("open-hub", "Open hub", offer.hasHub)}
      {button("path", "How are these two linked?", offer.count === 2)}
      {button("group", "Group accounts", hasNodes)}
      {button("toggle-group", "Open / collapse group", offer.hasGroup)}
      {button("hide", "Hide", hasSelection)}
      {button("show-hidden", hiddenCount > 0 ? `Show hidden (${hiddenCount})` : "Show hidden", hiddenCount > 0)}
      {button("remove", "Remove", hasSelection)}
      {button("pin", offer.isPinned ? "Unpin" : "Pin", hasSelection)}
      {button("fit", "Fit", hasNodes)}
      {button("relayout", "Relayout", hasNodes)}
      {button("undo", "Undo", canUndo)}
      {button("redo", "Redo", canRedo)}
      {button("clear", "Clear", hasNodes)}
      <span className="ml-auto flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <NumberSetting label="Per-node cap" value={settings.cap} min={1} max={maxExpansionCap} onChange={(cap) => onSettingsChange({ cap })} />
        <NumberSetting label="Hub threshold" value={settings.hubThreshold} min={1} max={1_000_000} onChange={(hubThreshold) => onSettingsChange({ hubThreshold })} />
        <NumberSetting label="Path steps" value={settings.maxSteps} min={1} max={maxPathSteps} onChange={(maxSteps) => onSettingsChange({ maxSteps })} />
        <label className="inline-flex items-center gap-1">
          <input type="checkbox" checked={settings.allowHubs} onChange={(event) => onSettingsChange({ allowHubs: event.target.checked })} />
          Paths through hubs
        </label>
        <WebglSetting isOn={settings.isWebgl} onChange={(isWebgl) => onSettingsChange({ isWebgl })} />
      </span>
    </div>
  );
}

function NumberSetting({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange: (value: number) => void }) {
  return (
    <label className="inline-flex items-center gap-1">
      {label}
      <input
        type="number"
        value={value}
        min={min}
        max={max}
        onChange={(event) => {
          const next = Number(event.target.value);
          if (Number.isInteger(next) && next >= min && next <= max) onChange(next);
        }}
        className="h-7 w-16 rounded border border-slate-300 px-1 tabular-nums"
      />
    </label>
  );
}

const neverChanges = () => () => {};

/** The renderer switch; says so when the browser has no WebGL 2 and the canvas stays on 2D. */
function WebglSetting({ isOn, onChange }: { isOn: boolean; onChange: (isOn: boolean) => void }) {
  // Asked once on the client; the server render assumes support so the first paint matches most browsers.
  const isSupported = useSyncExternalStore(neverChanges, supportsWebgl2, () => true);
  return (
    <label className="inline-flex items-center gap-1" title="Recreates the canvas; faster with a GPU, slower without one">
      <input type="checkbox" checked={isOn} onChange={(event) => onChange(event.target.checked)} />
      WebGL renderer
      {isOn && !isSupported ? <span className="text-amber-800">(not available in this browser: drawing in 2D)</span> : null}
    </label>
  );
}

function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  return entries.length === 0 ? "none" : entries.map(([kind, count]) => `${kind} ${count.toLocaleString("en")}`).join(" · ");
}
