import type { TransactionRunner } from "@/lib/neo4j";
import { isBuiltInKind, labelByBuiltInKind } from "./attribute-kinds";
import type { AttributeDelta, LinkDelta } from "./link-deltas";

/*
 * Attribute nodes and USES links, shared by the account and session writers.
 * MERGE on Attribute relies on constraint `attribute_key`; the account lookup
 * on `account_id`. Every value is a parameter; the only label set is one from
 * `labelByBuiltInKind`, passed as a parameter (`$(row.labels)`).
 */

/** One Attribute node's delta with the deltas of the links that end at it. */
export interface AttributeWithLinks {
  key: string;
  kind: string;
  value: string;
  /** The extra label of a built-in kind, or none; from the fixed map only. */
  labels: string[];
  first: string;
  last: string;
  /** JavaScript numbers reach Cypher as floats: the statement casts new_sessions with toInteger. */
  links: Array<{ account_id: string; new_sessions: number; first: string; last: string }>;
}

/**
 * One statement for a batch's attributes and links, one attribute at a time
 * (`CALL (row)` runs per row): merge the node, widen its span, then merge its
 * links. Why this shape:
 * - Lock order. Write lanes run concurrently over disjoint accounts but share
 *   attributes. Rows come sorted by key and each attribute's writes (span,
 *   `account_count`, a new link's chain) happen before the next row's, so every
 *   transaction takes attribute locks in key order and two lanes cannot
 *   deadlock on them. Account and session locks belong to one lane only.
 * - Exact counters under concurrency. `account_count` grows in the link's
 *   ON CREATE, and `SET x = x + 1` (a direct dependency) makes Cypher lock the
 *   node before it reads; spans are set the same way, so a concurrent lane's
 *   widening is never lost. The WHERE before a span SET reads without a lock;
 *   committed spans only widen, so a stale read can only cause a write that
 *   changes nothing, never a skipped one.
 * - Unchanged attributes and links take no write lock (filtered before SET):
 *   a reload, and the recurring values of later batches, stay read-only.
 * - The attribute node is found once per batch, not once per link.
 */
const mergeAttributesAndLinksCypher = `
UNWIND $rows AS row
CALL (row) {
  WITH row, datetime(row.first) AS first, datetime(row.last) AS last
  MERGE (t:Attribute {key: row.key})
  ON CREATE SET t:$(row.labels), t.kind = row.kind, t.value = row.value, t.account_count = 0,
    t.first_seen = first, t.last_seen = last
  WITH t, row, first, last
  CALL (t, first, last) {
    WITH t, first, last WHERE first < t.first_seen OR last > t.last_seen
    SET t.first_seen = CASE WHEN first < t.first_seen THEN first ELSE t.first_seen END,
      t.last_seen = CASE WHEN last > t.last_seen THEN last ELSE t.last_seen END
  }
  WITH t, row
  UNWIND row.links AS link
  WITH t, link, datetime(link.first) AS first, datetime(link.last) AS last
  MATCH (a:Account {account_id: link.account_id})
  MERGE (a)-[u:USES]->(t)
  ON CREATE SET u.first_seen = first, u.last_seen = last, u.session_count = 0,
    t.account_count = t.account_count + 1
  WITH u, link, first, last
  WHERE link.new_sessions > 0 OR first < u.first_seen OR last > u.last_seen
  SET u.session_count = u.session_count + toInteger(link.new_sessions),
    u.first_seen = CASE WHEN first < u.first_seen THEN first ELSE u.first_seen END,
    u.last_seen = CASE WHEN last > u.last_seen THEN last ELSE u.last_seen END
}`;

/**
 * Merges the batch's Attribute nodes and their links. account_count grows
 * exactly when a USES link is created, so it always equals the number of
 * accounts linked, and a reload (which only matches) leaves it alone.
 * session_count grows by the batch's sessions that carry the value for the
 * first time (see planSessionBatch).
 */
export async function mergeAttributesAndLinks(
  tx: TransactionRunner,
  plan: { attributes: readonly AttributeDelta[]; links: readonly LinkDelta[] },
): Promise<void> {
  if (plan.attributes.length === 0) return;
  await tx.run(mergeAttributesAndLinksCypher, { rows: groupLinksByAttribute(plan) });
}

/** Joins each attribute with its links, sorted by key: the lock order every writer shares. */
export function groupLinksByAttribute(plan: {
  attributes: readonly AttributeDelta[];
  links: readonly LinkDelta[];
}): AttributeWithLinks[] {
  const rows = new Map<string, AttributeWithLinks>();
  for (const attribute of plan.attributes) {
    const labels = isBuiltInKind(attribute.kind) ? [labelByBuiltInKind[attribute.kind]] : [];
    rows.set(attribute.key, { ...attribute, labels, links: [] });
  }
  for (const link of plan.links) {
    const row = rows.get(link.key);
    if (row === undefined) throw new Error(`link to ${link.key} without its attribute delta`);
    row.links.push({ account_id: link.accountId, new_sessions: link.newSessions, first: link.first, last: link.last });
  }
  // Code-unit order (not localeCompare): any fixed total order works, as long as every lane uses the same.
  return [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
