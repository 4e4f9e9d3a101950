import { RefreshWorklistButton } from "@/components/campaign/refresh-worklist-button";
import { WorklistFilter } from "@/components/campaign/worklist-filter";
import { WorklistTable } from "@/components/campaign/worklist-table";
import { DatabaseUnavailable } from "@/components/status/database-unavailable";
import { HIGH_RISK } from "@/lib/campaign/risk";
import { countWorklist, parseSince, readWorklist } from "@/lib/campaign/worklist";
import { errorMessage } from "@/lib/errors/app-error";
import { formatUtcMinute } from "@/lib/format-utc";
import { checkDatabaseHealth, pageHealthReuseMs } from "@/lib/neo4j";
import { plural } from "@/lib/plural";

export const dynamic = "force-dynamic";

/** More rows than an investigator reads in a morning; the CLI's `--json` lists them all. */
const LISTED = 500;

/**
 * The morning queue: every stored campaign, riskiest and largest first, with
 * what changed. `?since=<date or time>` keeps only campaigns new or grown
 * since then. Every ingest refreshes it; so do the page's button and
 * `ringscope campaigns --refresh`.
 */
export default async function CampaignsPage({ searchParams }: { searchParams: Promise<{ since?: string }> }) {
  const health = await checkDatabaseHealth({ reuseInfoForMs: pageHealthReuseMs });
  if (health.status !== "up") return <DatabaseUnavailable reason={health.reason} isExternal={health.isExternal} />;
  const { since: sinceText } = await searchParams;
  const since = readSince(sinceText);
  const [entries, counts] = await Promise.all([readWorklist({ limit: LISTED, since: since.iso }), countWorklist({ since: since.iso })]);
  return (
    <section className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto p-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-lg font-semibold">Campaigns{since.iso ? ` new or grown since ${formatUtcMinute(since.iso)}` : ""}</h1>
          {counts.campaigns > 0 ? (
            <p className="text-sm text-slate-600">
              {plural(counts.campaigns, "campaign")}, {counts.highRisk.toLocaleString("en")} with risk{" "}
              {HIGH_RISK.toFixed(2)} or more{counts.campaigns > entries.length ? `; the ${entries.length} riskiest are listed` : ""}
            </p>
          ) : null}
        </div>
        <WorklistFilter since={since.iso} />
      </div>
      <RefreshWorklistButton />
      {since.error ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {since.error}. Showing every campaign.
        </p>
      ) : null}
      {entries.length > 0 ? <WorklistTable entries={entries} since={since.iso} /> : <NothingListed since={since.iso} />}
    </section>
  );
}

/** A `since` the page can use, or why it cannot: the list is then shown whole rather than not at all. */
function readSince(text: string | undefined): { iso?: string; error?: string } {
  if (!text) return {};
  try {
    return { iso: parseSince(text) };
  } catch (error) {
    return { error: errorMessage(error) };
  }
}

function NothingListed({ since }: { since: string | undefined }) {
  if (since) return <p className="text-sm text-slate-600">No campaign is new or has grown since {formatUtcMinute(since)}.</p>;
  return (
    <p className="text-sm text-slate-600">
      No campaigns stored yet. Loading data with <code>npx ringscope ingest</code> builds the worklist; <code>npx ringscope campaigns --full</code> rebuilds it.
    </p>
  );
}
