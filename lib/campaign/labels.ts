import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { readQuery, writeQuery } from "@/lib/neo4j";
import { assertAccountsExist } from "./accounts-exist";
import { searchAgainAroundCypher } from "./worklist-marks";

/**
 * What investigators decide, stored in Neo4j with who decided and when, and
 * respected by every later discovery run:
 * - an attribute marked benign (a known office address) stops linking;
 * - accounts get a review label (fraud / benign / unknown);
 * - a campaign's members can be added or removed by hand.
 */
export const reviewLabels = ["fraud", "benign", "unknown"] as const;

export const labelRequestSchema = z.discriminatedUnion("target", [
  z.object({ target: z.literal("attribute"), key: z.string().trim().min(3).regex(/^[^:]+:.+$/, 'an attribute key is "<kind>:<value>"'), benign: z.boolean() }),
  z.object({ target: z.literal("accounts"), ids: z.array(z.string().trim().min(1)).min(1).max(100_000), label: z.enum(reviewLabels) }),
  z.object({
    target: z.literal("members"),
    campaignId: z.string().trim().min(1),
    add: z.array(z.string().trim().min(1)).max(100_000).default([]),
    remove: z.array(z.string().trim().min(1)).max(100_000).default([]),
  }),
]);

export type LabelRequest = z.input<typeof labelRequestSchema>;

// Every write discovery reads (a benign mark, a membership change) stamps the
// time in the same transaction, so a stored campaign view computed before it
// is known to be out of date (stored-views.ts). Review labels are only kept,
// for the enforcement that follows: no view depends on them, so they leave
// the stored views current (bulk labelling a 24k campaign does not make its
// next opening search again).
const stampLabelsChanged = "CALL () { MERGE (s:ChangeStamp {name: 'labels'}) SET s.changed_at = datetime() }";

/** Cypher reading the time of the last label write as `labelsChangedAt` (null before the first). */
export const labelsChangedAtCypher = "OPTIONAL MATCH (stamp:ChangeStamp {name: 'labels'}) WITH *, stamp.changed_at AS labelsChangedAt";

const markAttributeCypher = `
${stampLabelsChanged}
MATCH (t:Attribute {key: $key})
SET t.benign_marked_at = CASE WHEN $benign THEN datetime() ELSE null END,
    t.benign_marked_by = CASE WHEN $benign THEN $by ELSE null END
${searchAgainAroundCypher}
RETURN t.key AS key`;

const labelAccountsCypher = `
UNWIND $ids AS id
MATCH (a:Account {account_id: id})
SET a.review_label = $label, a.review_by = $by, a.review_at = datetime()
RETURN count(a) AS labelled`;

const setMembershipCypher = `
${stampLabelsChanged}
MATCH (c:Campaign {campaign_id: $campaignId})
SET c.search_again = datetime()
WITH c
UNWIND $changes AS change
MATCH (a:Account {account_id: change.id})
MERGE (a)-[m:MANUAL_MEMBER]->(c)
SET m.include = change.include, m.by = $by, m.at = datetime()
RETURN count(m) AS changed`;

/** Applies one labelling request; `by` is the investigator (the configured user until login exists). */
export async function applyLabel(request: z.output<typeof labelRequestSchema>, by: string): Promise<{ changed: number }> {
  switch (request.target) {
    case "attribute": {
      const { rows } = await writeQuery<{ key: string }>(markAttributeCypher, { key: request.key, benign: request.benign, by });
      if (rows.length === 0) throw new AppError("NOT_FOUND", `No attribute "${request.key}" in the graph.`);
      return { changed: rows.length };
    }
    case "accounts": {
      await assertAccountsExist(request.ids);
      const { rows } = await writeQuery<{ labelled: number }>(labelAccountsCypher, { ids: request.ids, label: request.label, by });
      return { changed: rows[0]?.labelled ?? 0 };
    }
    case "members": {
      const changes = [...request.add.map((id) => ({ id, include: true })), ...request.remove.map((id) => ({ id, include: false }))];
      await assertAccountsExist(changes.map((change) => change.id));
      const { rows } = await writeQuery<{ changed: number }>(setMembershipCypher, { campaignId: request.campaignId, changes, by });
      if ((rows[0]?.changed ?? 0) === 0 && changes.length > 0) throw new AppError("NOT_FOUND", `No campaign "${request.campaignId}" (run ringscope campaigns to list them).`);
      return { changed: rows[0]?.changed ?? 0 };
    }
  }
}

const manualMembershipCypher = `
UNWIND $seeds AS seed
MATCH (:Account {account_id: seed})-[:MEMBER_OF|MANUAL_MEMBER]->(c:Campaign)
WITH DISTINCT c
MATCH (a:Account)-[m:MANUAL_MEMBER]->(c)
RETURN collect(DISTINCT CASE WHEN m.include THEN a.account_id END) AS added,
       collect(DISTINCT CASE WHEN NOT m.include THEN a.account_id END) AS removed`;

/** Hand-made membership changes of the stored campaigns the seeds belong to. */
export async function readManualMembership(seeds: string[]): Promise<{ added: string[]; removed: string[] }> {
  const [row] = await readQuery<{ added: string[]; removed: string[] }>(manualMembershipCypher, { seeds });
  return { added: row?.added ?? [], removed: row?.removed ?? [] };
}
