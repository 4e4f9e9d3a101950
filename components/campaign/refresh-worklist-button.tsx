"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/api/call-api";

type RefreshState = { status: "idle" } | { status: "running" } | { status: "done"; text: string } | { status: "error"; text: string };

/**
 * Refreshes the worklist on request (POST /api/worklist/refresh) and redraws
 * the page with its result. Only what changed since the last refresh is
 * searched again: seconds when little did, minutes after a large load.
 */
export function RefreshWorklistButton() {
  const router = useRouter();
  const [state, setState] = useState<RefreshState>({ status: "idle" });
  const refresh = async () => {
    setState({ status: "running" });
    try {
      const { text } = await callApi<{ text: string }>("/api/worklist/refresh", { method: "POST" });
      setState({ status: "done", text });
      router.refresh();
    } catch (error) {
      setState({ status: "error", text: `The worklist was not refreshed: ${(error as Error).message}` });
    }
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
      <span role="status" className={state.status === "error" ? "text-red-600" : "text-slate-600"}>
        {state.status === "running" ? "Searching again where accounts, marks or memberships changed since the last refresh…" : state.status === "idle" ? "" : state.text}
      </span>
    </div>
  );
}
