// POST /api/graph/expand {ids, onScreen, cap, hubThreshold, includeHubs}: bounded, batched expansion of a selection.

import { jsonResponse, readJsonBody } from "@/app/api/_lib/request-input";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { expandNodes, expandOptionsSchema } from "@/lib/graph/expand";
import { parseOptions } from "@/lib/graph/option-schemas";

export const dynamic = "force-dynamic";

export const POST = withErrorResponse(async (request: Request) =>
  jsonResponse(await expandNodes(parseOptions(expandOptionsSchema, await readJsonBody(request)))),
);
