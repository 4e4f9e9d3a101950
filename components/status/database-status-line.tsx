import type { DatabaseHealth } from "@/lib/neo4j";

/** One quiet line under the header: which server answers and which plugins it has. */
export function DatabaseStatusLine({ health }: { health: DatabaseHealth }) {
  if (health.status === "down") {
    return (
      <StatusBar>
        <Dot className="bg-red-500" />
        <span>Graph database not reachable</span>
      </StatusBar>
    );
  }
  const { server } = health;
  return (
    <StatusBar>
      <Dot className="bg-emerald-500" />
      <span>
        {server.name} {server.version} <span className="text-slate-400">({server.edition})</span>
      </span>
      <Separator />
      <span>
        database <span className="font-mono">{health.database}</span>
      </span>
      <Separator />
      <PluginStatus name="APOC" version={server.apocVersion} />
      <Separator />
      <PluginStatus name="GDS" version={server.gdsVersion} />
    </StatusBar>
  );
}

function PluginStatus({ name, version }: { name: string; version: string | null }) {
  if (version) return <span>{`${name} ${version}`}</span>;
  return <span className="text-amber-700">{`${name} not installed — some features unavailable`}</span>;
}

function StatusBar({ children }: { children: React.ReactNode }) {
  return (
    <p
      aria-label="Database status"
      className="flex shrink-0 flex-wrap items-center gap-x-2 gap-y-0.5 border-b border-slate-200 bg-white px-4 py-1.5 text-xs text-slate-600"
    >
      {children}
    </p>
  );
}

function Dot({ className }: { className: string }) {
  return <span aria-hidden="true" className={`inline-block size-2 rounded-full ${className}`} />;
}

function Separator() {
  return (
    <span aria-hidden="true" className="text-slate-300">
      ·
    </span>
  );
}
