import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { readQuery } from "@/lib/neo4j";
import { parseCidr, type IpRange } from "./cidr";
import { nodeProjection, toGraphNode, type NodeRow } from "./graph-node";
import { hubThresholdSchema, parseOptions } from "./option-schemas";

/**
 * Search: accounts by id, email or phone prefix; attributes of any kind by
 * value prefix; IP ranges in CIDR form ("203.0.113.0/24", "2001:db8::/32"); accounts by
 * sign-up date range ("2026-01-01..2026-01-31"). One box, so the query text
 * says which kind of search it is.
 */

export const searchOptionsSchema = z.object({
  q: z.string().trim().min(1, "type at least one character").max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  hubThreshold: hubThresholdSchema,
});
export type SearchOptions = z.input<typeof searchOptionsSchema>;

export interface SearchHit {
  /** The node id to open on the canvas. */
  id: string;
  kind: string;
  label: string;
  /** Which field matched: "id", "email", "phone", "value", "ip range", "sign-up". */
  matchedOn: string;
  status?: string;
  accountCount?: number;
  isHub?: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  /** True when more matched than `limit`: the list is cut, and the box says so. */
  isTruncated: boolean;
}

export async function searchGraph(options: SearchOptions): Promise<SearchResult> {
  const { q, limit, hubThreshold } = parseOptions(searchOptionsSchema, options);
  const signUp = parseDateRange(q);
  const range = signUp ? undefined : parseCidr(q);
  // One row more than asked tells whether the list was cut.
  const rows = signUp
    ? await searchSignUps(signUp, limit + 1)
    : range
      ? await searchIpRange(range, limit + 1)
      : await searchPrefix(q, limit + 1);
  const hits = uniqueById(rows.map((row) => toHit(row, hubThreshold)));
  return { hits: hits.slice(0, limit), isTruncated: hits.length > limit };
}

type HitRow = { node: NodeRow; matchedOn: string };

// LIMIT takes an integer and JavaScript numbers arrive as floats: hence toInteger.
// Each branch is limited on its own (index-backed STARTS WITH), then the union
// is ordered: exact matches first, then the attributes most accounts share.
const prefixCypher = `
CALL () {
  MATCH (n:Account) WHERE n.account_id STARTS WITH $q RETURN n, 'id' AS matchedOn LIMIT toInteger($limit)
  UNION
  MATCH (n:Account) WHERE n.email STARTS WITH $lowerQ RETURN n, 'email' AS matchedOn LIMIT toInteger($limit)
  UNION
  MATCH (n:Account) WHERE n.phone STARTS WITH $phoneQ RETURN n, 'phone' AS matchedOn LIMIT toInteger($limit)
  UNION
  MATCH (n:Attribute) WHERE n.value STARTS WITH $q RETURN n, 'value' AS matchedOn LIMIT toInteger($limit)
  UNION
  MATCH (n:Attribute) WHERE n.value STARTS WITH $lowerQ RETURN n, 'value' AS matchedOn LIMIT toInteger($limit)
}
WITH n, matchedOn, coalesce(n.account_id, n.value) = $q OR n.email = $lowerQ AS isExact
RETURN ${nodeProjection} AS node, matchedOn
ORDER BY isExact DESC, coalesce(n.account_count, 0) DESC, coalesce(n.account_id, n.key)
LIMIT toInteger($limit)`;

async function searchPrefix(q: string, limit: number): Promise<HitRow[]> {
  // Phones are stored in E.164 ("+14155550100"); people type them with spaces and dashes.
  const phoneQ = /^\+?[\d\s().-]+$/.test(q) ? q.replace(/[\s().-]/g, "") : q;
  return readQuery<HitRow>(prefixCypher, { q, lowerQ: q.toLowerCase(), phoneQ, limit });
}

// The leading part the range fixes is a string prefix, sought on the
// (kind, value) index (the IP label has no index of its own); the
// exact bounds are checked on a form of the address that orders like it:
// the number the four octets make, or the 32 hex digits of the eight groups
// (the "::" run filled in, each group padded to four digits).
const comparableAddress = {
  4: `WITH n, [part IN split(n.value, '.') | toInteger(part)] AS octets
WHERE size(octets) = 4
WITH n, ((octets[0] * 256 + octets[1]) * 256 + octets[2]) * 256 + octets[3] AS address`,
  6: `WITH n, split(n.value, '::') AS halves
WITH n, [g IN split(halves[0], ':') WHERE g <> ''] AS head, [g IN split(coalesce(halves[1], ''), ':') WHERE g <> ''] AS tail
WITH n, reduce(digits = '', g IN head + [i IN range(1, 8 - size(head) - size(tail)) | '0'] + tail | digits + right('000' + g, 4)) AS address`,
};

function ipRangeCypher(version: 4 | 6): string {
  return `
MATCH (n:Attribute) WHERE n.kind = 'ip' AND n.value STARTS WITH $prefix AND (n.value CONTAINS ':') = $isIpv6
${comparableAddress[version]}
WHERE $first <= address <= $last
RETURN ${nodeProjection} AS node, 'ip range' AS matchedOn
ORDER BY n.account_count DESC, address
LIMIT toInteger($limit)`;
}

async function searchIpRange({ version, ...range }: IpRange, limit: number): Promise<HitRow[]> {
  return readQuery<HitRow>(ipRangeCypher(version), { ...range, isIpv6: version === 6, limit });
}

const signUpCypher = `
MATCH (n:Account) WHERE datetime($from) <= n.created_at < datetime($until)
RETURN ${nodeProjection} AS node, 'sign-up' AS matchedOn
ORDER BY n.created_at, n.account_id
LIMIT toInteger($limit)`;

async function searchSignUps(range: { from: string; until: string }, limit: number): Promise<HitRow[]> {
  return readQuery<HitRow>(signUpCypher, { ...range, limit });
}

const dateRangePattern = /^(\d{4}-\d{2}-\d{2})\s*\.\.\s*(\d{4}-\d{2}-\d{2})$/;

/** "2026-01-01..2026-01-31" (both days included, UTC) → a half-open instant range; anything else → undefined. */
export function parseDateRange(text: string): { from: string; until: string } | undefined {
  const match = dateRangePattern.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const from = new Date(`${match[1]}T00:00:00Z`);
  const until = new Date(`${match[2]}T00:00:00Z`);
  if (Number.isNaN(from.getTime()) || Number.isNaN(until.getTime())) {
    throw new AppError("BAD_REQUEST", `"${text}" is not a date range: use YYYY-MM-DD..YYYY-MM-DD`);
  }
  if (until < from) throw new AppError("BAD_REQUEST", `"${text}" ends before it starts`);
  until.setUTCDate(until.getUTCDate() + 1);
  return { from: from.toISOString(), until: until.toISOString() };
}

/** An account can match on its id and its email at once; it is listed once, for the first (best-ordered) match. */
function uniqueById(hits: SearchHit[]): SearchHit[] {
  const seen = new Set<string>();
  return hits.filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
}

function toHit(row: HitRow, hubThreshold: number): SearchHit {
  const node = toGraphNode(row.node, hubThreshold);
  return {
    id: node.id,
    kind: node.kind,
    label: node.label,
    matchedOn: row.matchedOn,
    ...(node.status ? { status: node.status } : {}),
    ...(node.accountCount === undefined ? {} : { accountCount: node.accountCount }),
    ...(node.isHub ? { isHub: true } : {}),
  };
}
