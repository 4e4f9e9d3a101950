import { z } from "zod";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { jsonResponse, readSearchParams } from "@/app/api/_lib/request-input";
import { findCampaign } from "@/lib/campaign/find-campaign";
import { membersCsv } from "@/lib/campaign/members-csv";
import { tuningTextSchema } from "@/lib/campaign/options";
import { parseOptions } from "@/lib/graph/option-schemas";

export const dynamic = "force-dynamic";

// Query parameters arrive as text; the tuning the CLI takes as flags is accepted here too.
const querySchema = tuningTextSchema.extend({
  seed: z.array(z.string().trim().min(1)).default([]),
  format: z.enum(["json", "csv"]).default("json"),
});

/**
 * GET /api/accounts/<id>/campaign[?seed=<other>&seed=…]: the campaign behind
 * the account (and any extra seeds), the same JSON as `ringscope campaign --json`;
 * `format=csv` gives the member list for enforcement instead.
 */
export const GET = withErrorResponse(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { seed, format, ...tuning } = parseOptions(querySchema, readSearchParams(request, ["seed"]));
  const result = await findCampaign({ seeds: [id, ...seed], ...tuning });
  if (format === "json") return jsonResponse(result);
  return new Response(membersCsv(result), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="campaign-${id}.csv"`, "cache-control": "no-store" },
  });
});
