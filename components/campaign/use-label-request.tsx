"use client";

import { useState } from "react";
import type { LabelRequest } from "@/lib/campaign/labels";

export type LabelState = { status: "idle" } | { status: "saving" } | { status: "done"; text: string } | { status: "error"; text: string };

/** Sends one investigator decision to POST /api/labels and says how it went, in words for a status line. */
export function useLabelRequest(): { state: LabelState; send: (request: LabelRequest, describe: (changed: number) => string) => Promise<void> } {
  const [state, setState] = useState<LabelState>({ status: "idle" });
  async function send(request: LabelRequest, describe: (changed: number) => string) {
    setState({ status: "saving" });
    const response = await fetch("/api/labels", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
    const body = (await response.json()) as { changed?: number; error?: { message: string } };
    setState(response.ok ? { status: "done", text: describe(body.changed ?? 0) } : { status: "error", text: body.error?.message ?? "The change was not saved." });
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
