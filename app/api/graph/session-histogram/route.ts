// POST /api/graph/session-histogram {ids}: sessions per day of the accounts on screen, for the time bar.

import { jsonResponse, readJsonBody } from "@/app/api/_lib/request-input";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { countSessionsPerDay, sessionHistogramOptionsSchema } from "@/lib/graph/session-histogram";
import { parseOptions } from "@/lib/graph/option-schemas";

export const dynamic = "force-dynamic";

export const POST = withErrorResponse(async (request: Request) =>
  jsonResponse(await countSessionsPerDay(parseOptions(sessionHistogramOptionsSchema, await readJsonBody(request)))),
);
