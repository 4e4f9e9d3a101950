import { closeDriver } from "@/lib/neo4j";
import { campaignUsage, runCampaignCommand } from "./campaign-command";
import { campaignsUsage, runCampaignsCommand } from "./campaigns-command";
import { labelUsage, runLabelCommand } from "./label-command";
import { dbUsage, runDbCommand } from "./db-command";
import { demoUsage, runDemoCommand } from "./demo-command";
import { generateUsage, runGenerateCommand } from "./generate-command";
import { ingestUsage, runIngestCommand } from "./ingest-command";
import { errorMessage } from "@/lib/errors/app-error";

const usage = `Usage: ringscope <command> [options]

Commands:
  db start            start the project's own Neo4j (builds it on first use)
  db stop             stop it gracefully
  db status           is it running, and what does it answer
  db schema           apply neo4j/schema.cypher (idempotent)
  ingest <folder> [--report-dir DIR] [--dry-run] [--batch-size N]
                      load an input folder (accounts, sessions; CSV/JSONL, gzip)
  ingest --bulk <folder> [--report-dir DIR]
                      first load into the empty local database via neo4j-admin import
  generate --preset tiny|demo|bench|seed --out <folder> [--rng N] [--varied]
                      write a synthetic scenario (contract format + truth.json)
  campaign --seed <account_id> [--seed …] [--seeds-file FILE] [--json]
                      the whole campaign behind seed accounts: members with evidence, risk
  campaigns [--json] [--limit N] [--since TIME] [--refresh | --full] [--min-size N]
                      the worklist: every campaign in the graph, riskiest first
  label attribute <kind:value> --benign | --clear
  label accounts <account_id>… --as fraud|benign|unknown
  label members <campaign_id> [--add ids] [--remove ids]
                      an investigator's decisions (stored with --by, default RINGSCOPE_USER)
  demo [--port 3000] [--force] [--no-serve]
                      start the database, load the demo data once, serve the app
  help                this text

ringscope <command> --help shows a command's options.`;

interface Command {
  run: (args: string[]) => Promise<number>;
  /** Every option of the command, shown by --help and after a mistyped option. */
  usage: string;
}

const commands: Record<string, Command> = {
  db: { run: runDbCommand, usage: dbUsage },
  ingest: { run: runIngestCommand, usage: ingestUsage },
  generate: { run: runGenerateCommand, usage: generateUsage },
  demo: { run: runDemoCommand, usage: demoUsage },
  campaign: { run: runCampaignCommand, usage: campaignUsage },
  campaigns: { run: runCampaignsCommand, usage: campaignsUsage },
  label: { run: runLabelCommand, usage: labelUsage },
};

/** What node:util's parseArgs throws for an unknown option, a missing value or a stray argument. */
function isArgumentError(error: unknown): boolean {
  return error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("ERR_PARSE_ARGS_");
}

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
  if (args.includes("--help") || args.includes("-h")) {
    console.log(`Usage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args);
  } catch (error) {
    console.error(`ringscope ${name}: ${errorMessage(error)}${isArgumentError(error) ? `\nUsage: ${command.usage}` : ""}`);
    return 1;
  } finally {
    await closeDriver();
  }
}
