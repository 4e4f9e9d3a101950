import fs from "node:fs/promises";
import path from "node:path";
import { writeQuery } from "./query";

/** neo4j/schema.cypher, relative to the project root (the working directory of every entry point). */
export const schemaFile = path.join(process.cwd(), "neo4j", "schema.cypher");

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

const defaultIndexWaitMs = 300_000;

/**
 * Applies every schema statement (all are IF NOT EXISTS, so this is idempotent)
 * and waits until the indexes are online, so a load that follows gets index-backed MERGE.
 * On a loaded database (after a bulk import) building the indexes takes
 * minutes: `timeoutMs` bounds each statement and the wait.
 */
export async function applySchema(options: { file?: string; timeoutMs?: number } = {}): Promise<{ statements: number }> {
  // turbopackIgnore: the app never reads the schema; without the hint the bundler traces the whole project for a file it cannot name.
  const statements = splitStatements(await fs.readFile(/*turbopackIgnore: true*/ options.file ?? schemaFile, "utf8"));
  const waitMs = options.timeoutMs ?? defaultIndexWaitMs;
  // A uniqueness constraint's statement returns only once its index is built and checked.
  for (const statement of statements) await writeQuery(statement, {}, options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs });
  await writeQuery("CALL db.awaitIndexes($seconds)", { seconds: Math.ceil(waitMs / 1000) }, { timeoutMs: waitMs + 10_000 });
  return { statements: statements.length };
}
