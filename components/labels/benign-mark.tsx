"use client";

import { useState } from "react";
import { ActionStatus } from "@/components/api/use-api-action";
import { useLabelRequest } from "./use-label-request";

/**
 * Marks one attribute benign (a known office address, a corporate card) so it
 * stops linking accounts in later searches, or clears the mark. Either is
 * stored with who and when (POST /api/labels) and flags the stored campaigns
 * its users belong to for the next worklist refresh.
 */
export function BenignMark({
  attributeKey,
  isMarked: initiallyMarked,
  rerunHref,
  onChanged,
}: {
  attributeKey: string;
  isMarked: boolean;
  rerunHref?: string;
  /** Called once the mark is stored or cleared. */
  onChanged?: () => void;
}) {
  const [isMarked, setIsMarked] = useState(initiallyMarked);
  const label = useLabelRequest();
  const toggle = async () => {
    const benign = !isMarked;
    const isSaved = await label.send({ target: "attribute", key: attributeKey, benign }, () =>
      benign ? `Marked benign: it no longer links accounts.` : `Mark cleared: it links accounts again.`,
    );
    if (!isSaved) return;
    setIsMarked(benign);
    onChanged?.();
  };
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        disabled={label.state.status === "running"}
        onClick={() => void toggle()}
        aria-label={`${isMarked ? "Clear the benign mark on" : "Mark benign:"} ${attributeKey}`}
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-50 disabled:opacity-40"
      >
        {isMarked ? "Clear benign mark" : "Mark benign"}
      </button>
      <ActionStatus state={label.state} />
      {label.state.status === "done" && rerunHref ? (
        <a href={rerunHref} className="text-xs text-sky-700 underline">
          search again
        </a>
      ) : null}
    </span>
  );
}
