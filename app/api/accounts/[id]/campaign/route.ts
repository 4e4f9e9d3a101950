import { z } from "zod";
import { findCampaign } from "@/lib/campaign/find-campaign";
import { parseInput } from "@/lib/validation/parse";
import { withErrorResponse } from "@/app/api/_lib/json-error";

export const dynamic = "force-dynamic";

// Query parameters arrive as text; the numbers the CLI takes as flags are accepted here too.
const querySchema = z.object({
  seed: z.array(z.string().trim().min(1)).default([]),
  alpha: z.coerce.number().optional(),
  maxReached: z.coerce.number().int().optional(),
  nearMisses: z.coerce.number().int().optional(),
});

/**
 * GET /api/accounts/<id>/campaign[?seed=<other>&seed=…]: the campaign behind
 * the account (and any extra seeds), the same JSON as `ringscope campaign --json`.
 */
export const GET = withErrorResponse(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const url = new URL(request.url);
  const { seed, ...tuning } = parseInput(querySchema, {
    seed: url.searchParams.getAll("seed"),
    alpha: url.searchParams.get("alpha") ?? undefined,
    maxReached: url.searchParams.get("maxReached") ?? undefined,
    nearMisses: url.searchParams.get("nearMisses") ?? undefined,
  });
  const result = await findCampaign({ seeds: [id, ...seed], ...tuning });
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
