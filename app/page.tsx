import { DatabaseStatusLine } from "@/components/status/database-status-line";
import { DatabaseUnavailable } from "@/components/status/database-unavailable";
import { ExplorerWorkspace } from "@/components/workspace/explorer-workspace";
import { checkDatabaseHealth, pageHealthReuseMs } from "@/lib/neo4j";

// The database can come and go between requests: ask it on every one.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  // checkDatabaseHealth never throws: a down database is an answer to render.
  const health = await checkDatabaseHealth({ reuseInfoForMs: pageHealthReuseMs });
  return (
    <>
      <DatabaseStatusLine health={health} />
      {health.status === "up" ? (
        <ExplorerWorkspace />
      ) : (
        <DatabaseUnavailable reason={health.reason} isExternal={health.isExternal} />
      )}
    </>
  );
}
