import type { TransactionRunner } from "@/lib/neo4j";
import { isBuiltInKind, labelByBuiltInKind } from "./attribute-kinds";
import type { AttributeDelta, LinkDelta } from "./link-deltas";

/*
 * Attribute nodes and USES links, shared by the account and session writers.
 * MERGE on Attribute relies on constraint `attribute_key`; on Account on
 * `account_id`. Every value is a parameter; the only text spliced in is a
 * label from `labelByBuiltInKind`.
 */

/**
 * Most rows of a batch touch attributes and links that exist and that they
 * do not change. The WHERE skips those writes: a write takes a lock and adds
 * to the transaction state, a read does neither. Each datetime is parsed once
 * per row (`first`, `last`): parsing is a good part of a row's cost.
 */
function updateIfChanged(target: string, extra: { condition: string; set: string } = { condition: "false", set: "" }): string {
  return `
WITH ${target}, row, first, last
WHERE ${extra.condition} OR first < ${target}.first_seen OR last > ${target}.last_seen
SET ${extra.set}${target}.first_seen = CASE WHEN first < ${target}.first_seen THEN first ELSE ${target}.first_seen END,
  ${target}.last_seen = CASE WHEN last > ${target}.last_seen THEN last ELSE ${target}.last_seen END`;
}

/** One statement per label (labels cannot be parameters); the label is set once, when the node is created. */
function mergeAttributesCypher(label: string | undefined): string {
  const extraLabel = label === undefined ? "" : `t:${label}, `;
  return `
UNWIND $rows AS row
WITH row, datetime(row.first) AS first, datetime(row.last) AS last
MERGE (t:Attribute {key: row.key})
ON CREATE SET ${extraLabel}t.kind = row.kind, t.value = row.value, t.account_count = 0,
  t.first_seen = first, t.last_seen = last${updateIfChanged("t")}`;
}

const mergeAttributesByLabel = new Map<string | undefined, string>([
  [undefined, mergeAttributesCypher(undefined)],
  ...Object.values(labelByBuiltInKind).map((label) => [label, mergeAttributesCypher(label)] as const),
]);

/**
 * account_count grows exactly when the USES link is created, so it always
 * equals the number of accounts linked, and a reload (which only matches)
 * leaves it alone. session_count grows by the batch's sessions that carry the
 * value for the first time (see planSessionBatch); links that gain no session
 * and no wider span are not written at all.
 */
const mergeLinksCypher = `
UNWIND $rows AS row
WITH row, datetime(row.first) AS first, datetime(row.last) AS last
MATCH (a:Account {account_id: row.account_id})
MATCH (t:Attribute {key: row.key})
MERGE (a)-[u:USES]->(t)
ON CREATE SET u.first_seen = first, u.last_seen = last, u.session_count = 0,
  t.account_count = t.account_count + 1${updateIfChanged("u", {
  condition: "row.new_sessions > 0",
  set: "u.session_count = u.session_count + toInteger(row.new_sessions), ",
})}`;

/** Merges the batch's Attribute nodes, then its links (which need both ends). */
export async function mergeAttributesAndLinks(
  tx: TransactionRunner,
  plan: { attributes: readonly AttributeDelta[]; links: readonly LinkDelta[] },
): Promise<void> {
  for (const [label, rows] of groupByLabel(plan.attributes)) {
    const cypher = mergeAttributesByLabel.get(label);
    if (cypher === undefined) throw new Error(`no attribute statement for label ${label}`);
    await tx.run(cypher, { rows });
  }
  if (plan.links.length === 0) return;
  const rows = plan.links.map((link) => ({
    account_id: link.accountId,
    key: link.key,
    new_sessions: link.newSessions,
    first: link.first,
    last: link.last,
  }));
  await tx.run(mergeLinksCypher, { rows });
}

function groupByLabel(attributes: readonly AttributeDelta[]): Map<string | undefined, AttributeDelta[]> {
  const groups = new Map<string | undefined, AttributeDelta[]>();
  for (const attribute of attributes) {
    const label = isBuiltInKind(attribute.kind) ? labelByBuiltInKind[attribute.kind] : undefined;
    const group = groups.get(label);
    if (group === undefined) groups.set(label, [attribute]);
    else group.push(attribute);
  }
  return groups;
}
