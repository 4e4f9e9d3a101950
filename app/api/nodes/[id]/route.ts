// GET /api/nodes/{node id, URL-encoded}: the details panel's properties, counts and session timeline.

import { jsonResponse } from "@/app/api/_lib/request-input";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { readNodeDetails } from "@/lib/graph/node-details";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  return jsonResponse(await readNodeDetails({ id }));
});
