import Link from "next/link";
import { DatabaseUnavailable } from "@/components/status/database-unavailable";
import { describeChange, readWorklist, type WorklistEntry } from "@/lib/campaign/worklist";
import { checkDatabaseHealth, pageHealthReuseMs } from "@/lib/neo4j";

export const dynamic = "force-dynamic";

/**
 * The morning queue: every stored campaign, riskiest and largest first, with
 * what changed. `?since=<ISO time>` keeps only campaigns new or grown since
 * then. `ringscope campaigns --refresh` (or an ingest) refreshes it.
 */
export default async function CampaignsPage({ searchParams }: { searchParams: Promise<{ since?: string }> }) {
  const health = await checkDatabaseHealth({ reuseInfoForMs: pageHealthReuseMs });
  if (health.status !== "up") return <DatabaseUnavailable reason={health.reason} isExternal={health.isExternal} />;
  const { since } = await searchParams;
  const sinceIso = since && !Number.isNaN(Date.parse(since)) ? new Date(since).toISOString() : undefined;
  const entries = await readWorklist({ limit: 500, since: sinceIso });
  return (
    <section className="flex min-h-0 flex-1 flex-col gap-3 overflow-auto p-4">
      <h1 className="text-lg font-semibold">Campaigns{sinceIso ? ` new or grown since ${sinceIso}` : ""}</h1>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">No campaigns stored yet. Loading data with <code>npx ringscope ingest</code> builds the worklist; <code>npx ringscope campaigns --full</code> rebuilds it.</p>
      ) : (
        <WorklistTable entries={entries} sinceIso={sinceIso} />
      )}
    </section>
  );
}

function WorklistTable({ entries, sinceIso }: { entries: WorklistEntry[]; sinceIso: string | undefined }) {
  return (
    <table className="w-full border-collapse bg-white text-sm shadow-sm">
      <thead className="bg-slate-50 text-left text-xs text-slate-500 uppercase">
        <tr>
          <th className="px-3 py-2">Campaign</th>
          <th className="px-3 py-2">Risk</th>
          <th className="px-3 py-2 text-right">Accounts</th>
          <th className="px-3 py-2">Change</th>
          <th className="px-3 py-2">Reasons</th>
          <th className="px-3 py-2">Members</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.campaign_id} className="border-t border-slate-100">
            <td className="px-3 py-2 font-mono">
              <Link className="text-sky-700 underline" href={`/campaigns/${encodeURIComponent(entry.seeds[0] ?? "")}`}>
                {entry.campaign_id}
              </Link>
            </td>
            <td className={`px-3 py-2 font-semibold ${entry.risk >= 0.5 ? "text-red-600" : "text-slate-600"}`}>{entry.risk.toFixed(2)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{entry.size.toLocaleString("en")}</td>
            <td className="px-3 py-2">{describeChange(entry, sinceIso)}</td>
            <td className="px-3 py-2 text-slate-600">{entry.reasons.join(", ") || "—"}</td>
            <td className="px-3 py-2">
              <a className="text-sky-700 underline" href={`/api/accounts/${encodeURIComponent(entry.seeds[0] ?? "")}/campaign?format=csv`}>
                CSV
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
