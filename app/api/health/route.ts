// GET /api/health: whether the graph database answers, which server and plugins it has (200 when up, 503 when down).

import { checkDatabaseHealth } from "@/lib/neo4j";
import { toHealthReport } from "@/app/api/_lib/health-report";
import { withErrorResponse } from "@/app/api/_lib/json-error";

// Health is read per request, never at build time or from a cache.
export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async () => {
  const report = toHealthReport(await checkDatabaseHealth(), new Date());
  return Response.json(report, { status: report.status === "up" ? 200 : 503, headers: { "cache-control": "no-store" } });
});
