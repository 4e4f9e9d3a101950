import { z } from "zod";
import { readQuery } from "@/lib/neo4j";
import { splitNodeIds } from "./node-id";
import { nodeIdListSchema, parseOptions } from "./option-schemas";

/**
 * Sessions per day of the accounts on screen, for the time bar. Reads the
 * sessions over each account's HAS_SESSION links; attribute ids in the input
 * are ignored (sessions belong to accounts).
 */

export const sessionHistogramOptionsSchema = z.object({ ids: nodeIdListSchema(5_000) });
export type SessionHistogramOptions = z.input<typeof sessionHistogramOptionsSchema>;

export type SessionDay = { day: string; sessions: number };

const histogramCypher = `
MATCH (a:Account)-[:HAS_SESSION]->(s:Session) WHERE a.account_id IN $accountIds
WITH date(datetime({epochMillis: s.started_at.epochMillis})) AS day, count(*) AS sessions
RETURN toString(day) AS day, sessions
ORDER BY day`;

export async function countSessionsPerDay(options: SessionHistogramOptions): Promise<SessionDay[]> {
  const { ids } = parseOptions(sessionHistogramOptionsSchema, options);
  const { accountIds } = splitNodeIds(ids);
  if (accountIds.length === 0) return [];
  return readQuery<SessionDay>(histogramCypher, { accountIds });
}
