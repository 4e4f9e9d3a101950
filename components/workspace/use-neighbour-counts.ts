"use client";

import { useEffect, useState } from "react";
import { sumCounts } from "./action-bar";
import { explorerApi } from "./explorer-api";

/** The selection's neighbour counts per kind, asked for whenever the selection changes; null until known. */
export function useNeighbourCounts(selectedIds: readonly string[]): Record<string, number> | null {
  const [counts, setCounts] = useState<{ key: string; counts: Record<string, number> } | null>(null);
  const ids = selectedIds.filter((id) => !id.startsWith("group:"));
  const key = ids.join("\n");
  useEffect(() => {
    if (key === "") return;
    const controller = new AbortController();
    explorerApi.neighbourCounts(key.split("\n"), controller.signal).then(
      (result) => setCounts({ key, counts: sumCounts(result) }),
      () => undefined, // Counts are a hint; the Expand button works without them.
    );
    return () => controller.abort();
  }, [key]);
  return counts?.key === key && key !== "" ? counts.counts : null;
}
