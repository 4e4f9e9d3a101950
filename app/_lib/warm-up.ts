import { encodeViewLink } from "@/components/workspace/view-url";
import { hasCurrentView } from "@/lib/campaign/stored-views";
import { readWorklist } from "@/lib/campaign/worklist";
import { accountNodeId } from "@/lib/graph/node-id";
import { readQuery } from "@/lib/neo4j";
import { errorMessage } from "@/lib/errors/app-error";

/**
 * The first page a freshly started server answers is slow: Next.js loads the
 * route's code, the driver opens its connections, and Neo4j plans each query
 * the page runs (measured on the `tiny` scenario: 2.6 s for an explorer view
 * of 425 nodes, 0.2 s for the same view next time, of which ~1 s is query
 * planning). So, once the server listens, it asks itself for the pages an
 * investigator opens first, with real ids, and the first investigator does
 * not pay for that. Only reads: the campaign page is asked for only when its
 * view is stored and current (else it would search and store one).
 */
export function warmUpOnceListening(): void {
  // `next dev` compiles every page on its first request: warming it would only compete with the developer.
  if (process.env.NODE_ENV !== "production") return;
  // `next start` sets PORT before it loads the app, and queues requests until the app is ready.
  const origin = `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  setTimeout(() => void warmUp(origin), 0);
}

async function warmUp(origin: string): Promise<void> {
  const started = performance.now();
  try {
    const paths = await pagesToWarm();
    for (const path of paths) await readWhole(origin + path);
    console.log(`Warmed up ${paths.length} pages in ${Math.round(performance.now() - started)} ms.`);
  } catch (error) {
    console.warn(`Warm-up stopped: ${errorMessage(error)}`);
  }
}

/** The explorer with one account opened and expanded, then one of its attributes expanded; the worklist; its top campaign. */
async function pagesToWarm(): Promise<string[]> {
  const paths = ["/", "/campaigns"];
  const [tie] = await readQuery<{ accountId: string; attributeId: string }>(
    `MATCH (a:Account)-[:USES]->(x:Attribute) RETURN a.account_id AS accountId, x.key AS attributeId LIMIT 1`,
    {},
  );
  if (tie) {
    const account = accountNodeId(tie.accountId);
    const steps = [
      { type: "open" as const, ids: [account] },
      { type: "expand" as const, ids: [account], cap: 50, includeHubs: false },
      { type: "expand" as const, ids: [tie.attributeId], cap: 50, includeHubs: false },
    ];
    paths.push(`/${encodeViewLink({ steps, hidden: [] })}`);
  }
  const [top] = await readWorklist({ limit: 1 });
  const seed = top?.seeds[0];
  if (seed && (await hasCurrentView({ seeds: [seed] }))) {
    const encoded = encodeURIComponent(seed);
    paths.push(`/campaigns/${encoded}`, `/api/accounts/${encoded}/campaign?format=rows`);
  }
  return paths;
}

async function readWhole(url: string): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
}
