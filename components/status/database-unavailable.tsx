/**
 * Shown instead of the workspace when the database does not answer: what is
 * wrong, why, and the one command that usually fixes it. A page, not a crash.
 */
const headingId = "database-unavailable-title";

export function DatabaseUnavailable({ reason, isExternal }: { reason: string; isExternal: boolean }) {
  return (
    <div className="flex flex-1 items-start justify-center overflow-auto p-6 sm:p-10">
      <div
        role="alert"
        aria-labelledby={headingId}
        className="w-full max-w-2xl rounded-md border border-red-200 border-l-4 border-l-red-500 bg-white p-5 shadow-sm"
      >
        <h1 id={headingId} className="text-base font-semibold text-slate-900">
          The graph database is not reachable
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Ringscope reads accounts and the attributes they share from Neo4j, so there is nothing to explore until it answers.
        </p>

        <h2 className="mt-4 text-xs font-medium tracking-wide text-slate-500 uppercase">Reason</h2>
        <p className="mt-1 rounded bg-slate-50 px-3 py-2 font-mono text-xs break-words text-slate-800">{reason}</p>

        <h2 className="mt-4 text-xs font-medium tracking-wide text-slate-500 uppercase">How to fix it</h2>
        {isExternal ? (
          <p className="mt-1 text-sm text-slate-700">
            Ringscope is set to use another server (<Code>NEO4J_URI</Code>). Check that it is running and that{" "}
            <Code>NEO4J_USERNAME</Code> and <Code>NEO4J_PASSWORD</Code> are right, or unset <Code>NEO4J_URI</Code> and start the
            project&apos;s own database with <Code>npm run db:start</Code>.
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-700">
            Start the project&apos;s database with <Code>npm run db:start</Code>, then reload this page.
          </p>
        )}

        <a
          href="/"
          className="mt-5 inline-flex h-8 items-center rounded-md bg-slate-900 px-3 text-sm font-medium text-white hover:bg-slate-800 focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:ring-offset-2 focus-visible:outline-none"
        >
          Check again
        </a>
      </div>
    </div>
  );
}

function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8125rem] text-slate-900">{children}</code>;
}
