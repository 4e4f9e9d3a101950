import { closeDriver } from "@/lib/neo4j";
import { runDbCommand } from "./db-command";
import { describeError } from "./output";

const usage = `Usage: ringscope <command> [options]

Commands:
  db start            start the project's own Neo4j (builds it on first use)
  db stop             stop it gracefully
  db status           is it running, and what does it answer
  db schema           apply neo4j/schema.cypher (idempotent)
  help                this text`;

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  db: runDbCommand,
};

/** Runs one command and returns the process exit code; errors become one clear line. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help") {
    console.log(usage);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${usage}`);
    return 1;
  }
  try {
    return await command(args);
  } catch (error) {
    console.error(`ringscope ${name}: ${describeError(error)}`);
    return 1;
  } finally {
    await closeDriver();
  }
}
