import { spawn } from "node:child_process";
import { openSync, closeSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ServerLayout } from "@/lib/local-neo4j";
import { readPeakRssBytes } from "@/lib/process/peak-rss";
import { arrayDelimiterOption } from "./import-table";
import type { ImportTables } from "./import-tables";

/**
 * The importer's JVM. Its heap holds little (the importer works off-heap);
 * off-heap is capped too, because the default (90% of RAM) is not ours to
 * take on a shared machine. Measured on the seed preset: see docs/graph-model.md.
 */
const importerHeap = "1g";
const importerOffHeap = "3g";

export interface ImporterOptions {
  /** The local server's home (NEO4J_HOME): the importer writes that server's store. The server must be stopped. */
  home: string;
  layout: ServerLayout;
  database: string;
  tables: ImportTables;
  /** Where the importer's log and report go. */
  workDir: string;
}

export interface ImporterRun {
  elapsedMs: number;
  peakRssBytes: number;
}

/**
 * Runs `neo4j-admin database import full` from the project's own Neo4j jars
 * (the same AdminTool the local server's set-initial-password uses), replacing
 * the database with the tables' contents.
 */
export async function runImporter(options: ImporterOptions): Promise<ImporterRun> {
  const began = Date.now();
  const logFile = path.join(options.workDir, "import.log");
  const log = openSync(logFile, "w");
  const child = spawn("java", importerArguments(options), {
    env: { ...process.env, NEO4J_HOME: options.home, NEO4J_CONF: options.layout.confDir },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  let peakRssBytes = 0;
  const sampler = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, readPeakRssBytes(child.pid))), 200);
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", (error) => reject(new Error(`Could not run java for the importer: ${error.message}`)));
    child.on("exit", (code) => resolve(code));
  }).finally(() => clearInterval(sampler));
  if (exitCode !== 0) {
    const tail = readFileSync(logFile, "utf8").split("\n").slice(-30).join("\n");
    throw new Error(`neo4j-admin database import failed (exit ${exitCode}); log ${logFile}:\n${tail}`);
  }
  return { elapsedMs: Date.now() - began, peakRssBytes };
}

function importerArguments(options: ImporterOptions): string[] {
  const { tables } = options;
  const multiline = tables.all.filter((table) => table.hasMultilineFields).map((table) => table.dataFile);
  return [
    `-Xms${importerHeap}`,
    `-Xmx${importerHeap}`,
    "-cp",
    `${options.layout.libDir}${path.sep}*`,
    "org.neo4j.cli.AdminTool",
    "database",
    "import",
    "full",
    // The database name comes before the options since 5.19.
    options.database,
    "--overwrite-destination=true",
    "--id-type=string",
    `--array-delimiter=${arrayDelimiterOption}`,
    `--max-off-heap-memory=${importerOffHeap}`,
    `--report-file=${path.join(options.workDir, "import.report")}`,
    `--nodes=Account=${tables.accounts.fileArgument}`,
    `--nodes=Session=${tables.sessions.fileArgument}`,
    `--nodes=Attribute=${tables.attributes.fileArgument}`,
    `--relationships=HAS_SESSION=${tables.hasSession.fileArgument}`,
    `--relationships=USES=${tables.uses.fileArgument}`,
    // Multi-line parsing is slow: only for the files that need it (a value with a line break).
    ...(multiline.length > 0 ? [`--multiline-fields=${multiline.join(",")}`, "--multiline-fields-format=v2"] : []),
  ];
}
