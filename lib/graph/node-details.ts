import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { readQuery, type Plain } from "@/lib/neo4j";
import { parseNodeId } from "./node-id";
import { nodeIdSchema, parseOptions } from "./option-schemas";

/**
 * What the details panel shows for one node: its stored properties, its
 * neighbour counts and, for an account, a short timeline of its latest
 * sessions (the total says how many there are in all).
 */

export const nodeDetailsOptionsSchema = z.object({ id: nodeIdSchema });
export type NodeDetailsOptions = z.input<typeof nodeDetailsOptionsSchema>;

export type SessionSummary = {
  sessionId: string;
  startedAt: string;
  endedAt: string | null;
  ip: string | null;
  deviceId: string | null;
};

export interface NodeDetails {
  id: string;
  kind: string;
  /** Stored properties as plain values (datetimes as ISO text), sorted by name. */
  properties: Record<string, Plain>;
  /** Neighbour kind → how many; for an attribute, its accounts by status too ("account:banned"). */
  counts: Record<string, number>;
  /** Accounts only: the latest sessions, newest first, and how many sessions in all. */
  sessions?: { latest: SessionSummary[]; total: number };
}

/** Sessions the timeline shows; the panel is small and the total says how many more there are. */
export const timelineLength = 20;

type AccountRow = {
  properties: Record<string, Plain>;
  counts: { kind: string; total: number }[];
  latest: SessionSummary[];
  total: number;
};

const accountCypher = `
MATCH (a:Account {account_id: $accountId})
CALL (a) {
  OPTIONAL MATCH (a)-[:USES]->(t:Attribute)
  WITH t.kind AS kind, count(t) AS total WHERE kind IS NOT NULL
  RETURN collect({kind: kind, total: total}) AS counts
}
CALL (a) {
  OPTIONAL MATCH (a)-[:HAS_SESSION]->(s:Session)
  WITH s ORDER BY s.started_at DESC
  WITH collect(s) AS sessions
  RETURN size(sessions) AS total,
         [s IN sessions[..$timelineLength] | {sessionId: s.session_id, startedAt: toString(s.started_at),
          endedAt: toString(s.ended_at), ip: s.ip, deviceId: s.device_id}] AS latest
}
RETURN properties(a) AS properties, counts, latest, total`;

type AttributeRow = { kind: string; properties: Record<string, Plain>; counts: { kind: string; total: number }[] };

// A hub's status breakdown walks all its links; bounded by account_count and
// read once per click, which a few thousand links afford.
const attributeCypher = `
MATCH (t:Attribute {key: $key})
CALL (t) {
  OPTIONAL MATCH (a:Account)-[:USES]->(t)
  WITH coalesce(a.status, 'unknown') AS status, count(a) AS total WHERE total > 0
  RETURN collect({kind: 'account:' + status, total: total}) AS counts
}
RETURN t.kind AS kind, properties(t) AS properties, [{kind: 'account', total: t.account_count}] + counts AS counts`;

export async function readNodeDetails(options: NodeDetailsOptions): Promise<NodeDetails> {
  const { id } = parseOptions(nodeDetailsOptionsSchema, options);
  const ref = parseNodeId(id);
  if (ref.type === "account") {
    const [row] = await readQuery<AccountRow>(accountCypher, { accountId: ref.accountId, timelineLength });
    if (!row) throw notFound(id);
    return { id, kind: "account", properties: sorted(row.properties), counts: toCounts(row.counts), sessions: { latest: row.latest, total: row.total } };
  }
  const [row] = await readQuery<AttributeRow>(attributeCypher, { key: ref.key });
  if (!row) throw notFound(id);
  return { id, kind: row.kind, properties: sorted(row.properties), counts: toCounts(row.counts) };
}

function toCounts(rows: { kind: string; total: number }[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [row.kind, row.total]));
}

function sorted(properties: Record<string, Plain>): Record<string, Plain> {
  return Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b)));
}

function notFound(id: string): AppError {
  return new AppError("NOT_FOUND", `No node ${id} in the graph`);
}
