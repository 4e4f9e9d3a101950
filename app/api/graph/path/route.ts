// GET /api/graph/path?from=…&to=…&maxSteps=…&allowHubs=…&hubThreshold=…: "how are these two linked?".

import { jsonResponse, readSearchParams } from "@/app/api/_lib/request-input";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { findShortestPath, shortestPathOptionsSchema } from "@/lib/graph/shortest-path";
import { parseOptions } from "@/lib/graph/option-schemas";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request) =>
  jsonResponse(await findShortestPath(parseOptions(shortestPathOptionsSchema, readSearchParams(request)))),
);
