import { CampaignWorkspace } from "@/components/campaign/campaign-workspace";
import { toMemberRow } from "@/components/campaign/member-rows";
import { DatabaseUnavailable } from "@/components/status/database-unavailable";
import { mapCampaign } from "@/lib/campaign/campaign-map";
import { findCampaign } from "@/lib/campaign/find-campaign";
import { isAppError } from "@/lib/errors/app-error";
import { checkDatabaseHealth } from "@/lib/neo4j";

export const dynamic = "force-dynamic";

/** The campaign behind an account: risk and reasons, binding attributes, every member with its ties. */
export default async function CampaignPage({ params }: { params: Promise<{ seed: string }> }) {
  const health = await checkDatabaseHealth();
  if (health.status !== "up") return <DatabaseUnavailable reason={health.reason} isExternal={health.isExternal} />;
  const seed = decodeURIComponent((await params).seed);
  const result = await findCampaign({ seeds: [seed] }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") return error;
    throw error;
  });
  if (isAppError(result)) return <p className="p-4 text-sm text-red-700">{result.message}</p>;
  return (
    <section className="flex min-h-0 flex-1 flex-col gap-4 overflow-auto p-4">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-lg font-semibold">
          {result.stats.bounded ? "Campaign" : "Tight cluster"} behind {seed}: {result.stats.members.toLocaleString("en")} accounts
        </h1>
        <span className={`text-lg font-semibold ${result.risk.score >= 0.5 ? "text-red-600" : "text-slate-600"}`}>risk {result.risk.score.toFixed(2)}</span>
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
      <CampaignWorkspace map={mapCampaign(result)} rows={result.accounts.map(toMemberRow)} />
    </section>
  );
}
