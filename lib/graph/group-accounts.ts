import { z } from "zod";
import type { GraphNode } from "@/components/graph/graph-model";
import { readQuery } from "@/lib/neo4j";
import { nodeProjection, toGraphNode, type NodeRow } from "./graph-node";
import { accountNodeId, splitNodeIds } from "./node-id";
import { hubThresholdSchema, nodeIdListSchema, parseOptions } from "./option-schemas";

/**
 * Groups a large set of accounts by the attributes they share, so the canvas
 * can draw one meta node with a count instead of hundreds of accounts. Each
 * account lands in one group only (a compound node has one parent): the
 * largest group it belongs to. Accounts that share nothing stay ungrouped.
 */

export const groupAccountsOptionsSchema = z.object({
  ids: nodeIdListSchema(5_000).min(1),
  minGroupSize: z.coerce.number().int().min(2).max(1_000).default(5),
  maxGroups: z.coerce.number().int().min(1).max(100).default(20),
  hubThreshold: hubThresholdSchema,
});
export type GroupAccountsOptions = z.input<typeof groupAccountsOptionsSchema>;

export interface AccountGroup {
  /** The attribute the members share. */
  attribute: GraphNode;
  /** Node ids of the accounts placed in this group. */
  members: string[];
}

export interface AccountGrouping {
  groups: AccountGroup[];
  /** Accounts of the input in no group. */
  ungrouped: string[];
}

type SharedRow = { attribute: NodeRow; accountIds: string[] };

const sharedCypher = `
MATCH (a:Account)-[:USES]->(n:Attribute)
WHERE a.account_id IN $accountIds
WITH n, collect(a.account_id) AS accountIds
WHERE size(accountIds) >= $minGroupSize
RETURN ${nodeProjection} AS attribute, accountIds
ORDER BY size(accountIds) DESC, n.key`;

export async function groupAccounts(options: GroupAccountsOptions): Promise<AccountGrouping> {
  const { ids, minGroupSize, maxGroups, hubThreshold } = parseOptions(groupAccountsOptionsSchema, options);
  const { accountIds } = splitNodeIds(ids);
  const rows = await readQuery<SharedRow>(sharedCypher, { accountIds, minGroupSize });
  return assignToGroups(
    rows.map((row) => ({ attribute: toGraphNode(row.attribute, hubThreshold), members: row.accountIds.map(accountNodeId) })),
    accountIds.map(accountNodeId),
    { minGroupSize, maxGroups },
  );
}

/**
 * Largest group first, each account to the first group that claims it; a
 * group left with fewer than minGroupSize unclaimed members is dropped.
 */
export function assignToGroups(
  candidates: readonly AccountGroup[],
  accounts: readonly string[],
  limits: { minGroupSize: number; maxGroups: number },
): AccountGrouping {
  const claimed = new Set<string>();
  const groups: AccountGroup[] = [];
  for (const candidate of candidates) {
    if (groups.length === limits.maxGroups) break;
    const members = candidate.members.filter((member) => !claimed.has(member));
    if (members.length < limits.minGroupSize) continue;
    for (const member of members) claimed.add(member);
    groups.push({ attribute: candidate.attribute, members });
  }
  return { groups, ungrouped: accounts.filter((account) => !claimed.has(account)) };
}
