"use client";

import { useEffect, useState } from "react";
import { BenignMark } from "@/components/labels/benign-mark";
import type { NodeDetails, SessionSummary } from "@/lib/graph/node-details";
import { explorerApi } from "./explorer-api";
import { KindBadge } from "./kind-badge";
import { formatPropertyValue } from "./property-value";

type Loaded = { status: "loading"; id: string } | { status: "ready"; details: NodeDetails } | { status: "error"; id: string; message: string };

/** The selected node's properties, neighbour counts and, for an account, its latest sessions on a small timeline. */
export function DetailsPanel({ selectedIds }: { selectedIds: readonly string[] }) {
  const id = selectedIds.length === 1 ? selectedIds[0] : undefined;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Bumped after a change made from the panel, so its properties show it.
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    if (id === undefined || id.startsWith("group:")) return;
    const controller = new AbortController();
    // Reloading the node already shown keeps it on screen, so its buttons keep their status line.
    setLoaded((shown) => (shown?.status === "ready" && shown.details.id === id ? shown : { status: "loading", id }));
    explorerApi.details(id, controller.signal).then(
      (details) => setLoaded({ status: "ready", details }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ status: "error", id, message: (error as Error).message });
      },
    );
    return () => controller.abort();
  }, [id, revision]);

  return (
    <aside aria-label="Details" className="flex w-72 shrink-0 flex-col gap-3 overflow-y-auto rounded-md border border-slate-200 bg-white p-3 text-xs">
      <h2 className="text-sm font-semibold text-slate-800">Details</h2>
      <DetailsBody id={id} count={selectedIds.length} loaded={loaded} onChanged={() => setRevision((r) => r + 1)} />
    </aside>
  );
}

function DetailsBody({ id, count, loaded, onChanged }: { id: string | undefined; count: number; loaded: Loaded | null; onChanged: () => void }) {
  if (id === undefined) {
    return <p className="text-slate-500">{count > 1 ? `${count} nodes selected.` : "Select a node to see its properties."}</p>;
  }
  if (id.startsWith("group:")) return <p className="text-slate-500">A group of accounts. Open it to see its members.</p>;
  if (!loaded || loaded.status === "loading") return <p className="text-slate-500">Loading…</p>;
  if (loaded.status === "error") return <p role="alert" className="text-red-700">{loaded.message}</p>;
  const { details } = loaded;
  return (
    <>
      <p className="flex items-center gap-2">
        <KindBadge kind={details.kind} />
        <span className="truncate font-medium text-slate-900" title={details.id}>
          {details.id.slice(details.id.indexOf(":") + 1)}
        </span>
      </p>
      <section aria-label="Neighbour counts">
        <h3 className="mb-1 font-semibold text-slate-700">Links</h3>
        <ul className="flex flex-wrap gap-1">
          {Object.entries(details.counts).map(([kind, total]) => (
            <li key={kind} className="rounded bg-slate-100 px-1.5 py-0.5 tabular-nums">
              {kind.replace("account:", "")} {total.toLocaleString("en")}
            </li>
          ))}
        </ul>
      </section>
      {details.kind === "account" ? (
        <a className="self-start rounded bg-red-700 px-2 py-1 font-medium text-white" href={`/campaigns/${encodeURIComponent(details.id.slice(details.id.indexOf(":") + 1))}`}>
          Find campaign
        </a>
      ) : (
        <BenignMark key={details.id} attributeKey={details.id} isMarked={details.properties.benign_marked_at != null} onChanged={onChanged} />
      )}
      {details.sessions ? <SessionTimeline sessions={details.sessions} /> : null}
      <section aria-label="Properties">
        <h3 className="mb-1 font-semibold text-slate-700">Properties</h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5">
          {Object.entries(details.properties).map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="text-slate-500">{key}</dt>
              <dd className="truncate text-slate-900" title={typeof value === "string" ? value : JSON.stringify(value)}>
                {formatPropertyValue(value)}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </>
  );
}

/** The latest sessions as ticks on a strip (oldest left), then as a list. */
function SessionTimeline({ sessions }: { sessions: { latest: SessionSummary[]; total: number } }) {
  const times = sessions.latest.map((session) => Date.parse(session.startedAt));
  const first = Math.min(...times);
  const span = Math.max(...times) - first || 1;
  return (
    <section aria-label="Sessions">
      <h3 className="mb-1 font-semibold text-slate-700">
        Sessions ({sessions.latest.length} latest of {sessions.total.toLocaleString("en")})
      </h3>
      {times.length > 0 ? (
        <svg viewBox="0 0 100 10" className="mb-1 h-4 w-full" aria-hidden="true">
          <line x1="0" y1="5" x2="100" y2="5" stroke="#cbd5e1" strokeWidth="0.5" />
          {times.map((time, index) => (
            <line key={index} x1={((time - first) / span) * 98 + 1} x2={((time - first) / span) * 98 + 1} y1="1" y2="9" stroke="#0284c7" strokeWidth="0.8" />
          ))}
        </svg>
      ) : null}
      <ol className="flex flex-col gap-0.5">
        {sessions.latest.map((session) => (
          <li key={session.sessionId} className="flex justify-between gap-2 tabular-nums">
            <span>{session.startedAt.slice(0, 16).replace("T", " ")}</span>
            <span className="truncate text-slate-500">{session.ip ?? session.deviceId ?? ""}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
