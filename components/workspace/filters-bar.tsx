import { accountStatuses, nodeKinds, type AccountStatus, type NodeKind } from "@/components/graph/graph-model";
import { accountStatusStyles, nodeKindStyles } from "@/components/graph/stylesheet";
import { toggleIds } from "./explorer-view";
import type { Filters } from "./explorer-state";

/** Which node kinds and account statuses the canvas draws. Filtering hides; nothing is removed. */
export function FiltersBar({ filters, onChange }: { filters: Filters; onChange: (filters: Partial<Filters>) => void }) {
  return (
    <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
      <legend className="sr-only">Filters</legend>
      <span className="font-medium text-slate-500">Show</span>
      {nodeKinds.map((kind) => (
        <Toggle
          key={kind}
          label={nodeKindStyles[kind].name}
          isOn={!filters.hiddenKinds.includes(kind)}
          onToggle={() => onChange({ hiddenKinds: toggleIds(filters.hiddenKinds, [kind]) as NodeKind[] })}
        />
      ))}
      <span className="text-slate-300">|</span>
      {accountStatuses.map((status) => (
        <Toggle
          key={status}
          label={`${accountStatusStyles[status].name} accounts`}
          isOn={!filters.hiddenStatuses.includes(status)}
          onToggle={() => onChange({ hiddenStatuses: toggleIds(filters.hiddenStatuses, [status]) as AccountStatus[] })}
        />
      ))}
    </fieldset>
  );
}

function Toggle({ label, isOn, onToggle }: { label: string; isOn: boolean; onToggle: () => void }) {
  return (
    <label className="inline-flex items-center gap-1">
      <input type="checkbox" checked={isOn} onChange={onToggle} />
      {label}
    </label>
  );
}
