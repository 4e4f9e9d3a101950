"use client";

import { useRouter } from "next/navigation";
import { ActionStatus, useApiAction } from "@/components/api/use-api-action";

/**
 * Refreshes the worklist on request (POST /api/worklist/refresh) and redraws
 * the page with its result. Only what changed since the last refresh is
 * searched again: seconds when little did, minutes after a large load.
 */
export function RefreshWorklistButton() {
  const router = useRouter();
  const { state, run } = useApiAction();
  const refresh = async () => {
    if (await run<{ text: string }>("/api/worklist/refresh", undefined, { done: ({ text }) => text, failed: "The worklist was not refreshed" })) router.refresh();
  };
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <button
        type="button"
        disabled={state.status === "running"}
        onClick={() => void refresh()}
        className="rounded bg-slate-800 px-2 py-1 text-white disabled:opacity-40"
      >
        Refresh worklist
      </button>
      <ActionStatus state={state} running="Searching again where accounts, marks or memberships changed since the last refresh…" />
    </div>
  );
}
