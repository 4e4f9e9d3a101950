import { sessionPropertiesOfKind } from "@/lib/ingest/write/attribute-kinds";
import { readQueryInSlices } from "@/lib/neo4j";
import type { Evidence } from "./types";

/** What an account's own record and sessions say about the campaign's risk (see signals.ts). */
export interface AccountActivity {
  /** Sign-up time in epoch milliseconds; null when the input never gave it. */
  createdAt: number | null;
  /** Banned or suspended. */
  isEnforced: boolean;
  /** The hour (since the epoch) each session started in. */
  sessionHours: number[];
  /** Sessions from proxy, VPN, Tor or datacenter addresses. */
  riskySessions: number;
}

/** Session ids cited per evidence item. */
const CITED_SESSIONS = 3;
const ENFORCED_STATUSES = ["banned", "suspended"];
const RISKY_IP_CLASSES = ["proxy", "vpn", "tor", "datacenter"];

// One pass over each account's sessions serves both the risk signals and the
// citations: for a 24,000-member campaign (100,000 sessions) three separate
// reads of the members by account_id cost the server about three times the
// work. Accounts are found by node id, which the walk already holds: 24,000
// lookups by account_id took ~0.3 s more of server time. Each account comes
// as one flat list, [node, kind, value, kind, value, …], and the properties
// of each kind once: the driver checks every value it sends against every
// type it knows, and a map per item made a 24,000-member campaign's
// citations about half a second of Node CPU to send. A value is checked
// against every session property of its kind (an address may be a session's
// ip or its exit ip). Numbers come back as floats (exact here): the driver
// turns each integer into an object.
const memberSessionsCypher = `
UNWIND $accounts AS entry
MATCH (a:Account) WHERE id(a) = toInteger(entry[0])
OPTIONAL MATCH (a)-[:HAS_SESSION]->(s:Session)
WITH entry, a, s ORDER BY s.started_at, s.session_id
WITH entry, a, collect(s) AS sessions
RETURN entry[0] AS node,
       toFloat(a.created_at.epochMillis) AS createdAt,
       a.status IN $enforcedStatuses AS isEnforced,
       [s IN sessions | toFloat(s.started_at.epochSeconds / 3600)] AS sessionHours,
       toFloat(size([s IN sessions WHERE s.ip_class IN $riskyClasses])) AS riskySessions,
       [i IN range(1, size(entry) - 1, 2) |
         [s IN sessions WHERE any(property IN $properties[entry[i]] WHERE s[property] = entry[i + 1]) | s.session_id][..$cited]] AS cited`;

type MemberSessionsRow = {
  node: number;
  createdAt: number | null;
  isEnforced: boolean | null;
  sessionHours: number[];
  riskySessions: number;
  cited: string[][];
};

/** An account to read: its node id and its evidence, strongest first. */
export interface MemberToRead {
  node: number;
  evidence: Evidence[];
}

/**
 * Reads each account's activity and fills in a few citing sessions for its
 * strongest `citedPerAccount` evidence items; the activities come back in
 * the order the accounts were given.
 */
export async function readMemberSessions(accounts: readonly MemberToRead[], citedPerAccount: number): Promise<AccountActivity[]> {
  if (accounts.length === 0) return [];
  const properties: Record<string, string[]> = {};
  const entries = accounts.map(({ node, evidence }) => {
    const cited = evidence.slice(0, citedPerAccount);
    for (const item of cited) properties[item.kind] ??= sessionPropertiesOfKind(item.kind);
    return [node, ...cited.flatMap((item) => [item.kind, item.value])];
  });
  const params = { accounts: entries, properties, cited: CITED_SESSIONS, enforcedStatuses: ENFORCED_STATUSES, riskyClasses: RISKY_IP_CLASSES };
  const rows = await readQueryInSlices<MemberSessionsRow>(memberSessionsCypher, params, "accounts");
  // Rows come back in slice order, one per account that still exists.
  const byNode = new Map(rows.map((row) => [row.node, row]));
  return accounts.map(({ node, evidence }) => {
    const row = byNode.get(node);
    row?.cited.forEach((sessions, i) => {
      const item = evidence[i];
      if (item) item.sessions = sessions;
    });
    return {
      createdAt: row?.createdAt ?? null,
      isEnforced: row?.isEnforced === true,
      sessionHours: row?.sessionHours ?? [],
      riskySessions: row?.riskySessions ?? 0,
    };
  });
}
