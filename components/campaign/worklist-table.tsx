import Link from "next/link";
import { HIGH_RISK, riskReasonLabel } from "@/lib/campaign/risk";
import { describeChange, type WorklistEntry } from "@/lib/campaign/worklist";

/** The worklist's rows: each campaign opens from its seed account, whose members' CSV is one click away. */
export function WorklistTable({ entries, since }: { entries: WorklistEntry[]; since: string | undefined }) {
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
        {entries.map((entry) => {
          const seed = entry.seeds[0] ?? "";
          return (
            <tr key={entry.campaign_id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2">
                <Link className="font-mono text-sky-700 underline" href={`/campaigns/${encodeURIComponent(seed)}`} prefetch={false}>
                  {entry.campaign_id}
                </Link>
                <div className="text-xs text-slate-500">
                  found from <span className="font-mono">{seed}</span>
                </div>
              </td>
              <td className={`px-3 py-2 font-semibold ${entry.risk >= HIGH_RISK ? "text-red-600" : "text-slate-600"}`}>{entry.risk.toFixed(2)}</td>
              <td className="px-3 py-2 text-right tabular-nums">{entry.size.toLocaleString("en")}</td>
              <td className="px-3 py-2">{describeChange(entry, since)}</td>
              <td className="px-3 py-2">
                <ReasonChips codes={entry.reasons} />
              </td>
              <td className="px-3 py-2">
                <a className="text-sky-700 underline" href={`/api/accounts/${encodeURIComponent(seed)}/campaign?format=csv`}>
                  CSV
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The stored reason codes in words; one that lowers the risk (an organisation's own domain) stands apart in green. */
function ReasonChips({ codes }: { codes: string[] }) {
  if (codes.length === 0) return <span className="text-slate-400">none</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {codes.map((code) => {
        const { label, lowersRisk } = riskReasonLabel(code);
        return (
          <li
            key={code}
            title={lowersRisk ? `${code}: lowers the risk` : code}
            className={`rounded px-1.5 py-0.5 text-xs ${lowersRisk ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"}`}
          >
            {lowersRisk ? "− " : ""}
            {label}
          </li>
        );
      })}
    </ul>
  );
}
