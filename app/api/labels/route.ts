import { withErrorResponse } from "@/app/api/_lib/json-error";
import { jsonResponse, readJsonBody } from "@/app/api/_lib/request-input";
import { applyLabel, labelRequestSchema } from "@/lib/campaign/labels";
import { getEnv } from "@/lib/env";
import { parseOptions } from "@/lib/graph/option-schemas";

export const dynamic = "force-dynamic";

/**
 * POST /api/labels: mark an attribute benign (or clear it), label accounts
 * fraud / benign / unknown, or add and remove a campaign's members by hand.
 * The body is one of the shapes in lib/campaign/labels.ts; "who" is the
 * configured user (RINGSCOPE_USER) until login exists.
 */
export const POST = withErrorResponse(async (request: Request) => {
  const label = parseOptions(labelRequestSchema, await readJsonBody(request));
  return jsonResponse(await applyLabel(label, getEnv().RINGSCOPE_USER));
});
