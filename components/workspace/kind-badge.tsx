import { isNodeKind } from "@/components/graph/graph-model";
import { nodeKindStyles } from "@/components/graph/stylesheet";

/** A node kind as a small coloured badge, in the canvas's colour for that kind. */
export function KindBadge({ kind }: { kind: string }) {
  const style = nodeKindStyles[isNodeKind(kind) ? kind : "other"];
  return (
    <span
      className="inline-block shrink-0 rounded px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-white uppercase"
      style={{ backgroundColor: style.color }}
    >
      {isNodeKind(kind) ? style.shortName : kind}
    </span>
  );
}
