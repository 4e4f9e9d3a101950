// POST /api/views {state}: stores a view too long for a link and answers {id} for a `?saved=<id>` link.

import { withErrorResponse } from "@/app/api/_lib/json-error";
import { jsonResponse, readJsonBody } from "@/app/api/_lib/request-input";
import { getEnv } from "@/lib/env";
import { parseOptions } from "@/lib/graph/option-schemas";
import { saveView, saveViewRequestSchema } from "@/lib/graph/save-view";

export const dynamic = "force-dynamic";

// "created_by" is the configured user (RINGSCOPE_USER) until login exists.
export const POST = withErrorResponse(async (request: Request) => {
  const { state } = parseOptions(saveViewRequestSchema, await readJsonBody(request));
  return jsonResponse(await saveView({ state, createdBy: getEnv().RINGSCOPE_USER }));
});
