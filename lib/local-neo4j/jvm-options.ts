import fs from "node:fs";
import path from "node:path";

/**
 * The JVM flags the server wants, read from `server.jvm.additional` lines of
 * neo4j/conf/neo4j.conf. Neo4j's own launcher script would apply these; we
 * start the entry point directly, so we apply them here from the same file.
 */
export function readJvmOptions(confDir: string): string[] {
  const conf = fs.readFileSync(path.join(confDir, "neo4j.conf"), "utf8");
  return conf
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("server.jvm.additional="))
    .map((line) => line.slice("server.jvm.additional=".length).trim())
    .filter((option) => option.length > 0);
}
