import { readQueryInSlices } from "@/lib/neo4j";

/**
 * One account's tie to a shared attribute, as the walk sees it: the
 * attribute's key, how many accounts use it, and when this account used it.
 * Attributes used by one account only never tie anyone and are left out.
 */
export interface AccountLink {
  key: string;
  accounts: number;
  /** How informative sharing it is: ln(population / accounts), so a card shared by a few outweighs a webmail domain. */
  weight: number;
  /** This account's first and last use, in epoch milliseconds (the evidence's timing). */
  firstSeen: number;
  lastSeen: number;
}

/**
 * Inverse document frequency of an attribute. The walk leaves an account
 * along its links in proportion to this weight and the sweep counts the cut
 * with it, so a webmail domain used by a third of all accounts barely moves
 * mass or conductance while a proxy exit used by a few hundred does.
 * diffusion.ts repeats this formula in Cypher: change both together.
 */
export function linkWeight(accounts: number, population: number): number {
  return Math.log(Math.max(population, accounts + 1) / accounts);
}

/** An account's weighted degree in the implicit account graph (sharing a with |a| accounts joins each pair by weight / |a|). */
export function accountDegree(links: readonly AccountLink[]): number {
  let degree = 0;
  for (const link of links) degree += degreeShare(link.weight, link.accounts);
  return degree;
}

/** What one shared attribute adds to the degree of each of its accounts. */
export function degreeShare(weight: number, accounts: number): number {
  return (weight * (accounts - 1)) / accounts;
}

// Benign-marked attributes (an investigator's "this is our office") never link.
// Parallel lists rather than maps: this read runs for every reached account,
// and plain lists cost the server and the client far less. The times come
// along because every member's links are read anyway, so the evidence needs
// no read of its own. The numbers come back as floats (exact: counts, node
// ids and epoch milliseconds stay far below 2^53): the driver turns each
// integer into an object to convert again, which for a 24,000-member
// campaign's million values cost a third of this read. Accounts are found by
// node id (see walk-accounts.ts); one without links still gets its row.
const linksCypher = `
UNWIND $nodes AS node
MATCH (a:Account) WHERE id(a) = toInteger(node)
OPTIONAL MATCH (a)-[u:USES]->(t:Attribute)
WHERE t.account_count > 1 AND t.benign_marked_at IS NULL
RETURN node, a.account_id AS id, collect(t.key) AS keys, collect(toFloat(t.account_count)) AS sizes,
       collect(toFloat(u.first_seen.epochMillis)) AS firsts, collect(toFloat(u.last_seen.epochMillis)) AS lasts`;

type LinkRow = {
  node: number;
  id: string;
  keys: string[];
  sizes: number[];
  firsts: number[];
  lasts: number[];
};

export interface AccountLinks {
  node: number;
  id: string;
  links: AccountLink[];
}

/**
 * One copy of each attribute key read so far. The driver decodes every
 * occurrence of a key into a string of its own, and a map lookup with a
 * string equal to the stored key but not the same one compares their
 * characters; with one shared copy it compares references. Refinement and
 * evidence count members per key over and over: for a 24,000-member
 * campaign (240,000 links) they ran a third and a quarter faster.
 */
export class KeyPool {
  private readonly keys = new Map<string, string>();

  intern(key: string): string {
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    this.keys.set(key, key);
    return key;
  }
}

/** Shared-attribute links of the accounts with the given node ids; ids that name no account are absent. */
export async function readAccountLinks(nodes: number[], population: number, keys: KeyPool): Promise<AccountLinks[]> {
  const rows = await readQueryInSlices<LinkRow>(linksCypher, { nodes }, "nodes");
  return rows.map((row) => ({ node: row.node, id: row.id, links: row.keys.map((key, i) => toLink(row, i, population, keys)) }));
}

function toLink(row: LinkRow, i: number, population: number, keys: KeyPool): AccountLink {
  const accounts = row.sizes[i] ?? 1;
  return { key: keys.intern(row.keys[i] ?? ""), accounts, weight: linkWeight(accounts, population), firstSeen: row.firsts[i] ?? 0, lastSeen: row.lasts[i] ?? 0 };
}

/** Accounts per attribute key, from whichever links mention it. */
export function attributeSizes(links: Map<string, AccountLink[]>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const own of links.values()) for (const link of own) sizes.set(link.key, link.accounts);
  return sizes;
}
