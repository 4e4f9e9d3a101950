// GET /api/graph/neighbour-counts?id=…&id=…: per-kind neighbour counts, shown before an expansion.

import { jsonResponse, readSearchParams } from "@/app/api/_lib/request-input";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { countNeighbours, neighbourCountsOptionsSchema } from "@/lib/graph/neighbour-counts";
import { parseOptions } from "@/lib/graph/option-schemas";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request) => {
  const { id: ids } = readSearchParams(request, ["id"]);
  return jsonResponse(await countNeighbours(parseOptions(neighbourCountsOptionsSchema, { ids })));
});
