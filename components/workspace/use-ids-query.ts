"use client";

import { useEffect, useState } from "react";

/**
 * The answer of `fetcher` for a list of node ids, asked again whenever the
 * list changes (the previous request is aborted); null until it comes, and
 * for an empty list. A failure leaves null: callers use these answers as
 * hints and context, never as the only way to act. `fetcher` must be stable
 * (defined at module level).
 */
export function useIdsQuery<T>(ids: readonly string[], fetcher: (ids: string[], signal: AbortSignal) => Promise<T>): T | null {
  const [loaded, setLoaded] = useState<{ key: string; value: T } | null>(null);
  const key = ids.join("\n");
  useEffect(() => {
    if (key === "") return;
    const controller = new AbortController();
    fetcher(key.split("\n"), controller.signal).then(
      (value) => setLoaded({ key, value }),
      () => undefined,
    );
    return () => controller.abort();
  }, [key, fetcher]);
  return loaded?.key === key && key !== "" ? loaded.value : null;
}
