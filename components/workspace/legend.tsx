import { accountStatuses, nodeKinds } from "@/components/graph/graph-model";
import { accountStatusStyles, nodeKindStyles } from "@/components/graph/stylesheet";

/** Always on screen: what each colour means. Kind colours from the canvas stylesheet, so the two cannot drift. */
export function Legend() {
  return (
    <aside aria-label="Legend" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[11px] text-slate-600">
      {nodeKinds.map((kind) => (
        <Swatch key={kind} color={nodeKindStyles[kind].color} label={nodeKindStyles[kind].name} />
      ))}
      <span className="text-slate-400">|</span>
      {accountStatuses.map((status) => (
        <Swatch key={status} color={accountStatusStyles[status].color} label={`${accountStatusStyles[status].name} account`} isRound />
      ))}
      <Swatch color="#f59e0b" label="Hub (badge)" isRing />
      <Swatch color="#f97316" label="Path" isRing />
    </aside>
  );
}

function Swatch({ color, label, isRound = false, isRing = false }: { color: string; label: string; isRound?: boolean; isRing?: boolean }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span
        aria-hidden="true"
        className={`inline-block size-2.5 ${isRound || isRing ? "rounded-full" : "rounded-sm"}`}
        style={isRing ? { border: `2px solid ${color}` } : { backgroundColor: color }}
      />
      {label}
    </span>
  );
}
