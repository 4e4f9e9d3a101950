import { z } from "zod";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { jsonResponse, readSearchParams } from "@/app/api/_lib/request-input";
import { openedGroup, type CampaignMap, type OpenedGroup } from "@/lib/campaign/campaign-map";
import { findCampaign } from "@/lib/campaign/find-campaign";
import { membersCsv } from "@/lib/campaign/members-csv";
import { tuningTextSchema } from "@/lib/campaign/options";
import { campaignViewFor, viewShownAt } from "@/lib/campaign/stored-views";
import { AppError } from "@/lib/errors/app-error";
import { parseOptions } from "@/lib/graph/option-schemas";

export const dynamic = "force-dynamic";

// Query parameters arrive as text; the tuning the CLI takes as flags is accepted here too.
const querySchema = tuningTextSchema.extend({
  seed: z.array(z.string().trim().min(1)).default([]),
  format: z.enum(["json", "csv", "rows", "group"]).default("json"),
  group: z.coerce.number().int().nonnegative().optional(),
  /** When the view the asking page shows was computed: the answer must come from that same view. */
  computed: z.iso.datetime({ message: "computed must be the time the campaign view was computed, as ISO-8601 (2026-11-26T04:00:00.000Z)" }).optional(),
});

/**
 * GET /api/accounts/<id>/campaign[?seed=<other>&seed=…]: the campaign behind
 * the account (and any extra seeds), the same JSON as `ringscope campaign --json`;
 * `format=csv` gives the member list for enforcement instead, and
 * `format=rows` the campaign view's table rows, and `format=group&group=<n>`
 * the members of its map's group n (campaign-map.ts `openedGroup`), all from
 * the same view the campaign page shows (stored-views.ts): the list the
 * investigator reviewed, without a second search of a campaign of tens of
 * thousands. With `computed=<time>` they come from the very view the page
 * showed, computed then (`viewShownAt`), current or not: rows and groups of
 * another computation would not match what the page drew.
 */
export const GET = withErrorResponse(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { seed, format, group, computed, ...tuning } = parseOptions(querySchema, readSearchParams(request, ["seed"]));
  const options = { seeds: [id, ...seed], ...tuning };
  if (format === "json") return jsonResponse(await findCampaign(options));
  const { view } = computed === undefined ? await campaignViewFor(options) : await viewShownAt(options, computed);
  if (format === "rows") return jsonResponse(view.rows);
  if (format === "group") return jsonResponse(openedGroupOf(view.map, group));
  return new Response(membersCsv(view.rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="campaign-${id}.csv"`, "cache-control": "no-store" },
  });
});

function openedGroupOf(map: CampaignMap, index: number | undefined): OpenedGroup {
  if (index === undefined) throw new AppError("BAD_REQUEST", "format=group needs group=<index>, a group's position on the map (0 is the largest)");
  const opened = openedGroup(map, index);
  if (!opened) throw new AppError("NOT_FOUND", `This campaign's map has ${map.groups.length} groups: there is no group ${index}`);
  return opened;
}
