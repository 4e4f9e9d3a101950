// POST /api/graph/replay {steps, hubThreshold}: every step of a shared view answered in one round trip, in order.

import { jsonResponse, readJsonBody } from "@/app/api/_lib/request-input";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { parseOptions } from "@/lib/graph/option-schemas";
import { replayView, replayViewOptionsSchema } from "@/lib/graph/replay-view";

export const dynamic = "force-dynamic";

export const POST = withErrorResponse(async (request: Request) =>
  jsonResponse(await replayView(parseOptions(replayViewOptionsSchema, await readJsonBody(request)))),
);
