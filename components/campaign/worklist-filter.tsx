import Link from "next/link";

const HOUR_MS = 3_600_000;
const QUICK_RANGES = [
  { label: "last 24 hours", hours: 24 },
  { label: "last 7 days", hours: 7 * 24 },
];

const linkClass = "rounded px-2 py-1 text-sky-700 underline hover:bg-sky-50 focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:outline-none";

/**
 * Which part of the worklist to show: all of it, or what is new or grown
 * since a moment (a quick range, or a day picked). A plain GET form, so the
 * choice lives in the address and can be bookmarked or shared.
 */
export function WorklistFilter({ since }: { since: string | undefined }) {
  const now = Date.now();
  return (
    <form method="get" action="/campaigns" className="flex flex-wrap items-center gap-2 text-sm" aria-label="Which campaigns to show">
      {since ? (
        <Link href="/campaigns" prefetch={false} className={linkClass}>
          All campaigns
        </Link>
      ) : (
        <span className="px-2 py-1 font-medium text-slate-700">All campaigns</span>
      )}
      {QUICK_RANGES.map(({ label, hours }) => (
        <Link key={label} href={`/campaigns?since=${new Date(now - hours * HOUR_MS).toISOString()}`} prefetch={false} className={linkClass}>
          New or grown in the {label}
        </Link>
      ))}
      <label className="flex items-center gap-1 text-slate-600">
        since
        <input type="date" name="since" required defaultValue={since?.slice(0, 10)} className="rounded border border-slate-300 bg-white px-2 py-1" />
      </label>
      <button type="submit" className="rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50">
        Show
      </button>
    </form>
  );
}
