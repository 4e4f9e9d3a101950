import { AppError } from "@/lib/errors/app-error";
import { readQuery } from "@/lib/neo4j";

const missingCypher = `
UNWIND $ids AS id
OPTIONAL MATCH (a:Account {account_id: id})
WITH id, a WHERE a IS NULL
RETURN collect(id) AS missing`;

/** Throws a NOT_FOUND naming (up to five of) the given account ids the graph does not have. */
export async function assertAccountsExist(ids: string[]): Promise<void> {
  const [row] = await readQuery<{ missing: string[] }>(missingCypher, { ids });
  const missing = row?.missing ?? [];
  if (missing.length === 0) return;
  const listed = missing.slice(0, 5).map((id) => `"${id}"`).join(", ");
  throw new AppError("NOT_FOUND", `No account ${listed}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""} in the graph.`);
}
