// POST /api/graph/groups {ids, minGroupSize, maxGroups, hubThreshold}: accounts on screen grouped by the attributes they share.

import { jsonResponse, readJsonBody } from "@/app/api/_lib/request-input";
import { withErrorResponse } from "@/app/api/_lib/json-error";
import { groupAccounts, groupAccountsOptionsSchema } from "@/lib/graph/group-accounts";
import { parseOptions } from "@/lib/graph/option-schemas";

export const dynamic = "force-dynamic";

export const POST = withErrorResponse(async (request: Request) =>
  jsonResponse(await groupAccounts(parseOptions(groupAccountsOptionsSchema, await readJsonBody(request)))),
);
