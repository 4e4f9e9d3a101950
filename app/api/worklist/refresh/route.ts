import { withErrorResponse } from "@/app/api/_lib/json-error";
import { jsonResponse } from "@/app/api/_lib/request-input";
import { describeRefresh, refreshOnRequest } from "@/lib/campaign/worklist";

export const dynamic = "force-dynamic";

/**
 * POST /api/worklist/refresh: searches again around what changed since the
 * last refresh (new accounts on an identifier, benign marks, hand-made
 * membership changes) and answers what it did, in numbers and in words.
 */
export const POST = withErrorResponse(async () => {
  const { found, searched, dissolved, views } = await refreshOnRequest();
  const done = { found, searched, dissolved, views };
  return jsonResponse({ ...done, text: `Worklist refreshed: ${describeRefresh(done)}.` });
});
