import { CampaignWorkspace } from "@/components/campaign/campaign-workspace";
import { NearMisses } from "@/components/campaign/near-misses";
import { TuningForm } from "@/components/campaign/tuning-form";
import { BenignMark } from "@/components/labels/benign-mark";
import { DatabaseUnavailable } from "@/components/status/database-unavailable";
import { tuningTextSchema } from "@/lib/campaign/options";
import { outlineMap } from "@/lib/campaign/campaign-map";
import { queuedCampaignOf } from "@/lib/campaign/queued-campaign";
import { HIGH_RISK } from "@/lib/campaign/risk";
import { campaignViewFor, type ShownView } from "@/lib/campaign/stored-views";
import { isAppError, type AppError } from "@/lib/errors/app-error";
import { formatUtcMinute } from "@/lib/format-utc";
import { parseOptions } from "@/lib/graph/option-schemas";
import { checkDatabaseHealth, pageHealthReuseMs } from "@/lib/neo4j";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * The campaign behind an account: risk and reasons, binding attributes, the
 * map of its sub-groups, every member with its ties, the near-misses, and
 * the thresholds to re-run with (kept in the address). A view computed
 * earlier for the same thresholds is shown while the graph has not changed
 * since (the worklist computes its large campaigns' views, and shows them for
 * any of their members); `?rerun=1` searches again.
 */
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ seed: string }>; searchParams: Promise<SearchParams> }) {
  const health = await checkDatabaseHealth({ reuseInfoForMs: pageHealthReuseMs });
  if (health.status !== "up") return <DatabaseUnavailable reason={health.reason} isExternal={health.isExternal} />;
  const seed = decodeURIComponent((await params).seed);
  const outcome = await showCampaign(seed, await searchParams);
  if (isAppError(outcome)) {
    return (
      <section className="flex flex-col gap-4 p-4">
        <p className="text-sm text-red-700">{outcome.message}</p>
        {outcome.code === "BAD_REQUEST" ? <TuningForm values={{}} /> : null}
      </section>
    );
  }
  const { shown, tuning } = outcome;
  const { view } = shown;
  const campaignId = (await queuedCampaignOf(seed))?.campaignId;
  const apiPath = `/api/accounts/${encodeURIComponent(seed)}/campaign`;
  const rerunHref = tunedHref(`/campaigns/${encodeURIComponent(seed)}`, tuning, { rerun: "1" });
  return (
    <section className="flex min-h-0 flex-1 flex-col gap-4 overflow-auto p-4">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-lg font-semibold">
          {view.stats.bounded ? "Campaign" : "Tight cluster"} behind {seed}: {view.stats.members.toLocaleString("en")} accounts
        </h1>
        <span className={`text-lg font-semibold ${view.risk.score >= HIGH_RISK ? "text-red-600" : "text-slate-600"}`}>risk {view.risk.score.toFixed(2)}</span>
        <span className="text-sm text-slate-500">{campaignId ? `in the worklist as ${campaignId}` : "not in the worklist"}</span>
        <a className="text-sm text-sky-700 underline" href={tunedHref(apiPath, tuning, { format: "csv", computed: shown.computedAt })}>
          Download members (CSV)
        </a>
        <ComputedAt shown={shown} rerunHref={rerunHref} />
      </header>
      <ul className="text-sm">
        {view.risk.reasons.map((reason) => (
          <li key={reason.code}>
            <span className="font-mono">{reason.weight >= 0 ? "+" : ""}{reason.weight.toFixed(2)}</span> {reason.text}
          </li>
        ))}
      </ul>
      <div>
        <h2 className="text-sm font-semibold">Binding attributes</h2>
        <p className="mb-1 text-xs text-slate-500">An attribute marked benign (a known office address, a corporate card) stops linking accounts in later searches.</p>
        <ul className="grid grid-cols-1 gap-1 text-sm md:grid-cols-2">
          {view.attributes.map((attribute) => (
            <li key={attribute.key} className="flex items-center gap-2">
              <span className="truncate">
                {attribute.kind} <span className="font-mono">{attribute.value}</span>: {attribute.inCampaign.toLocaleString("en")} members of {attribute.accounts.toLocaleString("en")} accounts
              </span>
              <BenignMark attributeKey={attribute.key} isMarked={false} rerunHref={rerunHref} />
            </li>
          ))}
        </ul>
      </div>
      <CampaignWorkspace
        outline={outlineMap(view.map)}
        rowsHref={tunedHref(apiPath, tuning, { format: "rows", computed: shown.computedAt })}
        groupsHref={tunedHref(apiPath, tuning, { format: "group", computed: shown.computedAt })}
        members={view.stats.members}
        campaignId={campaignId}
      />
      <NearMisses nearMisses={view.nearMisses} campaignId={campaignId} />
      <TuningForm values={tuning} />
    </section>
  );
}

type Tuning = ReturnType<typeof parseTuning>;

function parseTuning(searchParams: SearchParams) {
  const { alpha, maxStages, maxReached } = parseOptions(tuningTextSchema, searchParams);
  return { alpha, maxStages, maxReached };
}

function ComputedAt({ shown, rerunHref }: { shown: ShownView; rerunHref: string }) {
  if (!shown.stored) return <span className="text-sm text-slate-500">searched just now</span>;
  return (
    <span className="text-sm text-slate-500">
      computed {formatUtcMinute(shown.computedAt)}{shown.searchedFrom ? ` by the worklist's search from ${shown.searchedFrom.join(", ")}` : ""}, graph unchanged since{" "}
      <a className="text-sky-700 underline" href={rerunHref}>
        {shown.searchedFrom ? "search from this account" : "search again"}
      </a>
    </span>
  );
}

/** A link that keeps the page's thresholds, so it reaches the same run. */
function tunedHref(pathname: string, tuning: Tuning, extra: Record<string, string>): string {
  const query = new URLSearchParams(extra);
  for (const [name, value] of Object.entries(tuning)) if (value !== undefined) query.set(name, String(value));
  return `${pathname}?${query}`;
}

/** The campaign, or the error an investigator can act on (an unknown account, a threshold out of range). */
async function showCampaign(seed: string, searchParams: SearchParams): Promise<{ shown: ShownView; tuning: Tuning } | AppError> {
  try {
    const tuning = parseTuning(searchParams);
    return { shown: await campaignViewFor({ seeds: [seed], ...tuning }, { rerun: searchParams.rerun === "1" }), tuning };
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return error;
    throw error;
  }
}
