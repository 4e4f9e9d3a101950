"use client";

import { useState } from "react";
import { callApi } from "./call-api";

export type ActionState = { status: "idle" } | { status: "running" } | { status: "done"; text: string } | { status: "error"; text: string };

/**
 * One POST the user sets off with a button (a label, a worklist refresh), and
 * how it went in words for a status line. `run` resolves to whether it worked.
 */
export function useApiAction(): {
  state: ActionState;
  run: <Answer>(path: string, body: unknown, say: { done: (answer: Answer) => string; failed: string }) => Promise<boolean>;
} {
  const [state, setState] = useState<ActionState>({ status: "idle" });
  async function run<Answer>(path: string, body: unknown, say: { done: (answer: Answer) => string; failed: string }): Promise<boolean> {
    setState({ status: "running" });
    try {
      const answer = await callApi<Answer>(path, { method: "POST", body: body === undefined ? undefined : JSON.stringify(body) });
      setState({ status: "done", text: say.done(answer) });
      return true;
    } catch (error) {
      setState({ status: "error", text: `${say.failed}: ${(error as Error).message}` });
      return false;
    }
  }
  return { state, run };
}

/** The action's outcome (or, given `running`, what it is doing meanwhile); nothing before it starts. */
export function ActionStatus({ state, running }: { state: ActionState; running?: string }) {
  if (state.status === "idle" || (state.status === "running" && running === undefined)) return null;
  const colour = state.status === "error" ? "text-red-600" : state.status === "done" ? "text-emerald-700" : "text-slate-600";
  return (
    <span role="status" className={colour}>
      {state.status === "running" ? running : state.text}
    </span>
  );
}
