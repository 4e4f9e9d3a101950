import { toAppError } from "@/app/api/_lib/json-error";
import { DatabaseStatusLine } from "@/components/status/database-status-line";
import { DatabaseUnavailable } from "@/components/status/database-unavailable";
import { ExplorerWorkspace } from "@/components/workspace/explorer-workspace";
import { readLinkRequest, type LinkReplay } from "@/components/workspace/view-url";
import { defaultHubThreshold } from "@/lib/graph/option-schemas";
import { readSavedView } from "@/lib/graph/read-saved-view";
import { replayView } from "@/lib/graph/replay-view";
import { checkDatabaseHealth, pageHealthReuseMs } from "@/lib/neo4j";

// The database can come and go between requests: ask it on every one.
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // checkDatabaseHealth never throws: a down database is an answer to render.
  const health = await checkDatabaseHealth({ reuseInfoForMs: pageHealthReuseMs });
  return (
    <>
      <DatabaseStatusLine health={health} />
      {health.status === "up" ? (
        // Not awaited: the page streams at once and the answers follow it, while the browser starts the workspace.
        <ExplorerWorkspace linkReplay={replayLink(await searchParams)} />
      ) : (
        <DatabaseUnavailable reason={health.reason} isExternal={health.isExternal} />
      )}
    </>
  );
}

/** The view the address names (inline or saved), replayed; never rejects, so a failure reaches the workspace as its message. */
async function replayLink(searchParams: SearchParams): Promise<LinkReplay> {
  const request = readLinkRequest(toSearch(searchParams));
  if (!request) return { status: "none" };
  try {
    const link = request.type === "view" ? request.link : (await readSavedView({ id: request.id })).state;
    const hubThreshold = link.hubThreshold ?? defaultHubThreshold;
    return { status: "answered", link, hubThreshold, answers: await replayView({ steps: link.steps, hubThreshold }) };
  } catch (error) {
    return { status: "failed", message: toAppError(error).message };
  }
}

function toSearch(searchParams: SearchParams): string {
  const pairs = Object.entries(searchParams).flatMap(([key, value]) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((one) => [key, one]));
  return new URLSearchParams(pairs).toString();
}
