// POST /api/graph/open {ids, onScreen, hubThreshold}: known nodes (a chosen search result, a reopened view) with their links to the canvas.

import { jsonResponse, readJsonBody } from "@/app/api/_lib/request-input";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { openNodes, openNodesOptionsSchema } from "@/lib/graph/open-nodes";
import { parseOptions } from "@/lib/graph/option-schemas";

export const dynamic = "force-dynamic";

export const POST = withErrorResponse(async (request: Request) =>
  jsonResponse(await openNodes(parseOptions(openNodesOptionsSchema, await readJsonBody(request)))),
);
