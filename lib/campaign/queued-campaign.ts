import { readQuery } from "@/lib/neo4j";

/** A campaign of the worklist as one of its members sees it. */
export type QueuedCampaign = {
  campaignId: string;
  /** The seeds the worklist searched it from. */
  seeds: string[];
};

const queuedCampaignCypher = `
MATCH (:Account {account_id: $id})-[:MEMBER_OF]->(c:Campaign) WHERE c.dissolved_at IS NULL
RETURN c.campaign_id AS campaignId, c.seeds AS seeds ORDER BY c.size DESC, c.campaign_id LIMIT 1`;

/** The worklist campaign an account is a member of (the largest, should it be in several), if any. */
export async function queuedCampaignOf(accountId: string): Promise<QueuedCampaign | undefined> {
  const [row] = await readQuery<QueuedCampaign>(queuedCampaignCypher, { id: accountId });
  return row;
}
