import { readQuery } from "@/lib/neo4j";

/** Sessions per account, for drawing seeds by activity. */
export async function sessionCounts(ids: string[]): Promise<Map<string, number>> {
  const rows = await readQuery<{ id: string; sessions: number }>(
    "UNWIND $ids AS id MATCH (a:Account {account_id: id}) RETURN id, COUNT { (a)-[:HAS_SESSION]->() } AS sessions",
    { ids },
  );
  return new Map(rows.map((row) => [row.id, row.sessions]));
}

/** The member with the fewest sessions: the hardest seed, a light account at the campaign's edge. */
export function lightestMember(members: readonly string[], sessions: Map<string, number>): string {
  const lightest = [...members].sort((a, b) => (sessions.get(a) ?? 0) - (sessions.get(b) ?? 0))[0];
  if (lightest === undefined) throw new Error("a campaign without members");
  return lightest;
}
