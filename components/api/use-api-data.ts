"use client";

import { useEffect, useState } from "react";
import { callApi } from "./call-api";
import { errorMessage } from "@/lib/errors/app-error";

export type ApiDataState<T> = { status: "idle" } | { status: "loading" } | { status: "loaded"; data: T } | { status: "error"; message: string };

/**
 * What a GET of one of the app's routes answers, fetched after the page is
 * up and again whenever `href` changes; `null` asks for nothing. Pages use
 * it for data too large for their first payload (a campaign's 24k member
 * rows, an opened group's members), so the first picture does not wait for it.
 * The answer is only ever reported for the href it came from: while a new
 * href loads, the state says loading, never the previous href's data.
 */
export function useApiData<T>(href: string | null): ApiDataState<T> {
  const [answer, setAnswer] = useState<{ href: string; state: ApiDataState<T> } | undefined>(undefined);
  useEffect(() => {
    if (href === null) return;
    const controller = new AbortController();
    callApi<T>(href, { signal: controller.signal }).then(
      (data) => setAnswer({ href, state: { status: "loaded", data } }),
      (error: unknown) => {
        if (!controller.signal.aborted) setAnswer({ href, state: { status: "error", message: errorMessage(error) } });
      },
    );
    return () => controller.abort();
  }, [href]);
  if (href === null) return { status: "idle" };
  return answer?.href === href ? answer.state : { status: "loading" };
}
