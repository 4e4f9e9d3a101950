"use client";

import { useState } from "react";
import { callApi } from "@/components/api/call-api";
import type { LabelRequest } from "@/lib/campaign/labels";

export type LabelState = { status: "idle" } | { status: "saving" } | { status: "done"; text: string } | { status: "error"; text: string };

/** Sends one investigator decision to POST /api/labels and says how it went, in words for a status line; resolves to whether it was saved. */
export function useLabelRequest(): { state: LabelState; send: (request: LabelRequest, describe: (changed: number) => string) => Promise<boolean> } {
  const [state, setState] = useState<LabelState>({ status: "idle" });
  async function send(request: LabelRequest, describe: (changed: number) => string): Promise<boolean> {
    setState({ status: "saving" });
    try {
      const { changed } = await callApi<{ changed: number }>("/api/labels", { method: "POST", body: JSON.stringify(request) });
      setState({ status: "done", text: describe(changed) });
      return true;
    } catch (error) {
      setState({ status: "error", text: `The change was not saved: ${(error as Error).message}` });
      return false;
    }
  }
  return { state, send };
}

export function LabelStatus({ state }: { state: LabelState }) {
  if (state.status !== "done" && state.status !== "error") return null;
  return (
    <span role="status" className={state.status === "error" ? "text-red-600" : "text-emerald-700"}>
      {state.text}
    </span>
  );
}
