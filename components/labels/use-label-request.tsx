"use client";

import { useApiAction, type ActionState } from "@/components/api/use-api-action";
import type { LabelRequest } from "@/lib/campaign/labels";

/** Sends one investigator decision to POST /api/labels; `send` resolves to whether it was saved. */
export function useLabelRequest(): { state: ActionState; send: (request: LabelRequest, describe: (changed: number) => string) => Promise<boolean> } {
  const { state, run } = useApiAction();
  const send = (request: LabelRequest, describe: (changed: number) => string) =>
    run<{ changed: number }>("/api/labels", request, { done: ({ changed }) => describe(changed), failed: "The change was not saved" });
  return { state, send };
}
