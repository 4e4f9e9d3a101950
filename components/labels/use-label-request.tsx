"use client";

import { useState } from "react";
import type { LabelRequest } from "@/lib/campaign/labels";

export type LabelState = { status: "idle" } | { status: "saving" } | { status: "done"; text: string } | { status: "error"; text: string };

/** Sends one investigator decision to POST /api/labels and says how it went, in words for a status line; resolves to whether it was saved. */
export function useLabelRequest(): { state: LabelState; send: (request: LabelRequest, describe: (changed: number) => string) => Promise<boolean> } {
  const [state, setState] = useState<LabelState>({ status: "idle" });
  async function send(request: LabelRequest, describe: (changed: number) => string): Promise<boolean> {
    setState({ status: "saving" });
    try {
      const response = await fetch("/api/labels", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) });
      const body = (await response.json()) as { changed?: number; error?: { message: string } };
      setState(response.ok ? { status: "done", text: describe(body.changed ?? 0) } : { status: "error", text: body.error?.message ?? "The change was not saved." });
      return response.ok;
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
