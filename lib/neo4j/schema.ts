import fs from "node:fs/promises";
import path from "node:path";
import { writeQuery } from "./query";

/** neo4j/schema.cypher, relative to the project root (the working directory of every entry point). */
// turbopackIgnore: the app never reads this file; without the hint the bundler traces the whole project.
export const schemaFile = path.join(/*turbopackIgnore: true*/ process.cwd(), "neo4j", "schema.cypher");

/** Splits a Cypher script into statements: a statement ends with ';' at the end of a line; // comments are dropped. */
export function splitStatements(script: string): string[] {
  const withoutComments = script
    .split("\n")
    .filter((line) => !line.trim().startsWith("//"))
    .join("\n");
  return withoutComments
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

/**
 * Applies every schema statement (all are IF NOT EXISTS, so this is idempotent)
 * and waits until the indexes are online, so a load that follows gets index-backed MERGE.
 */
export async function applySchema(file: string = schemaFile): Promise<{ statements: number }> {
  const statements = splitStatements(await fs.readFile(file, "utf8"));
  for (const statement of statements) await writeQuery(statement);
  await writeQuery("CALL db.awaitIndexes(300)", {}, { timeoutMs: 310_000 });
  return { statements: statements.length };
}
