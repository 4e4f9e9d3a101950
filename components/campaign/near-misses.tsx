"use client";

import { ActionStatus } from "@/components/api/use-api-action";
import { useLabelRequest } from "@/components/labels/use-label-request";
import type { NearMiss } from "@/lib/campaign/types";

/** The accounts just outside the campaign, closest first, each with why it was left out; one click adds it by hand. */
export function NearMisses({ nearMisses, campaignId }: { nearMisses: NearMiss[]; campaignId?: string }) {
  const label = useLabelRequest();
  if (nearMisses.length === 0) return null;
  const add = (id: string, account: string) =>
    label.send({ target: "members", campaignId: id, add: [account] }, () => `Added ${account} to ${id}; re-run to see the campaign with it.`);
  return (
    <section aria-label="Near-misses" className="flex flex-col gap-1 text-sm">
      <h2 className="font-semibold">Near-misses: the closest accounts left out, and why</h2>
      <ActionStatus state={label.state} />
      <ul className="flex flex-col gap-1">
        {nearMisses.map((miss) => (
          <li key={miss.account_id} className="flex items-baseline gap-2">
            <a className="shrink-0 font-mono text-sky-700 underline" href={`/campaigns/${encodeURIComponent(miss.account_id)}`}>
              {miss.account_id}
            </a>
            <span className="text-slate-600">{miss.reason}</span>
            {campaignId ? (
              <button
                type="button"
                disabled={label.state.status === "running"}
                onClick={() => void add(campaignId, miss.account_id)}
                className="shrink-0 rounded border border-slate-300 px-2 disabled:opacity-40"
              >
                Add {miss.account_id}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
