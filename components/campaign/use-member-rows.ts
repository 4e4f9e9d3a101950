"use client";

import { useEffect, useState } from "react";
import { callApi } from "@/components/api/call-api";
import type { MemberRow } from "@/lib/campaign/campaign-view";

export type MemberRowsState = { status: "loading" } | { status: "loaded"; rows: MemberRow[] } | { status: "error"; message: string };

/**
 * The member rows of the campaign view, fetched once the page is up: 24k
 * rows are 4 MB of JSON, which would otherwise ride in the page's payload
 * and hold back the first picture of the map. The route reads the view the
 * page showed (stored-views.ts), so the rows are those of the same run.
 */
export function useMemberRows(href: string): MemberRowsState {
  const [state, setState] = useState<MemberRowsState>({ status: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    callApi<MemberRow[]>(href, { signal: controller.signal }).then(
      (rows) => setState({ status: "loaded", rows }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [href]);
  return state;
}
