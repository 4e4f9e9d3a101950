import { CampaignWorkspace } from "@/components/campaign/campaign-workspace";
import { toMemberRow } from "@/components/campaign/member-rows";
import { NearMisses } from "@/components/campaign/near-misses";
import { TuningForm } from "@/components/campaign/tuning-form";
import { DatabaseUnavailable } from "@/components/status/database-unavailable";
import { mapCampaign } from "@/lib/campaign/campaign-map";
import { findCampaign } from "@/lib/campaign/find-campaign";
import { tuningTextSchema } from "@/lib/campaign/options";
import type { CampaignResult } from "@/lib/campaign/types";
import { storedCampaignOf } from "@/lib/campaign/worklist";
import { isAppError, type AppError } from "@/lib/errors/app-error";
import { parseOptions } from "@/lib/graph/option-schemas";
import { checkDatabaseHealth } from "@/lib/neo4j";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The campaign behind an account: risk and reasons, binding attributes, the
 * map of its sub-groups, every member with its ties, the near-misses, and
 * the thresholds to re-run with (kept in the address).
 */
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ seed: string }>; searchParams: Promise<SearchParams> }) {
  const health = await checkDatabaseHealth();
  if (health.status !== "up") return <DatabaseUnavailable reason={health.reason} isExternal={health.isExternal} />;
  const seed = decodeURIComponent((await params).seed);
  const outcome = await runCampaign(seed, await searchParams);
  if (isAppError(outcome)) {
    return (
      <section className="flex flex-col gap-4 p-4">
        <p className="text-sm text-red-700">{outcome.message}</p>
        {outcome.code === "BAD_REQUEST" ? <TuningForm values={{}} /> : null}
      </section>
    );
  }
  const { result, tuning } = outcome;
  const campaignId = await storedCampaignOf(seed);
  return (
    <section className="flex min-h-0 flex-1 flex-col gap-4 overflow-auto p-4">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-lg font-semibold">
          {result.stats.bounded ? "Campaign" : "Tight cluster"} behind {seed}: {result.stats.members.toLocaleString("en")} accounts
        </h1>
        <span className={`text-lg font-semibold ${result.risk.score >= 0.5 ? "text-red-600" : "text-slate-600"}`}>risk {result.risk.score.toFixed(2)}</span>
        <span className="text-sm text-slate-500">{campaignId ? `in the worklist as ${campaignId}` : "not in the worklist"}</span>
        <a className="text-sm text-sky-700 underline" href={`/api/accounts/${encodeURIComponent(seed)}/campaign?format=csv`}>
          Download members (CSV)
        </a>
      </header>
      <ul className="text-sm">
        {result.risk.reasons.map((reason) => (
          <li key={reason.code}>
            <span className="font-mono">{reason.weight >= 0 ? "+" : ""}{reason.weight.toFixed(2)}</span> {reason.text}
          </li>
        ))}
      </ul>
      <div>
        <h2 className="mb-1 text-sm font-semibold">Binding attributes</h2>
        <ul className="grid grid-cols-1 gap-1 text-sm md:grid-cols-2">
          {result.attributes.slice(0, 12).map((attribute) => (
            <li key={attribute.key} className="truncate">
              {attribute.kind} <span className="font-mono">{attribute.value}</span>: {attribute.inCampaign.toLocaleString("en")} members of {attribute.accounts.toLocaleString("en")} accounts
            </li>
          ))}
        </ul>
      </div>
      <CampaignWorkspace map={mapCampaign(result)} rows={result.accounts.map(toMemberRow)} campaignId={campaignId} />
      <NearMisses nearMisses={result.nearMisses} campaignId={campaignId} />
      <TuningForm values={tuning} />
    </section>
  );
}

type Tuning = ReturnType<typeof parseTuning>;

function parseTuning(searchParams: SearchParams) {
  const { alpha, maxStages, maxReached } = parseOptions(tuningTextSchema, searchParams);
  return { alpha, maxStages, maxReached };
}

/** The campaign, or the error an investigator can act on (an unknown account, a threshold out of range). */
async function runCampaign(seed: string, searchParams: SearchParams): Promise<{ result: CampaignResult; tuning: Tuning } | AppError> {
  try {
    const tuning = parseTuning(searchParams);
    return { result: await findCampaign({ seeds: [seed], ...tuning }), tuning };
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return error;
    throw error;
  }
}
