// GET /api/search?q=…&limit=…&hubThreshold=…: the search box's typeahead (accounts, attributes, IP ranges, sign-up dates).

import { jsonResponse, readSearchParams } from "@/app/api/_lib/request-input";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { searchGraph, searchOptionsSchema } from "@/lib/graph/search";
import { parseOptions } from "@/lib/graph/option-schemas";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (request: Request) =>
  jsonResponse(await searchGraph(parseOptions(searchOptionsSchema, readSearchParams(request)))),
);
