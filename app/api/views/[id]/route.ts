// GET /api/views/{id}: a saved view's state, for the explorer to replay; 404 with a message for an unknown id.

import { withErrorResponse } from "@/app/api/_lib/json-error";
import { jsonResponse } from "@/app/api/_lib/request-input";
import { readSavedView } from "@/lib/graph/read-saved-view";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  return jsonResponse(await readSavedView({ id }));
});
