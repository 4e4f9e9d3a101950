import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { getEnv, stateDir } from "@/lib/env";
import { AppError, errorMessage, isAppError } from "@/lib/errors/app-error";
import { discoverFiles, type InputFile } from "@/lib/ingest/read/discover-files";
import { recordFinish, runLoad, startReport, type IngestProgress, type IngestReport } from "@/lib/ingest/run-ingest";
import type { BatchSink, LateRejection } from "@/lib/ingest/run/batch-sink";
import type { BulkStats } from "@/lib/ingest/run/report";
import { recordRunStarted } from "@/lib/ingest/write/write-ingest-run";
import { hasDatabaseStore, instanceStatus, localInstanceOptions, prepareInstance, serverLayout, startInstance, stopInstance } from "@/lib/local-neo4j";
import { applySchema, checkDatabaseHealth, closeDriver, localDatabase, readQuery, resolveConnection } from "@/lib/neo4j";
import { defaultBatchSize } from "../batcher";
import { ExternalSort } from "./external-sort";
import { foldAccounts } from "./fold-accounts";
import { ImportTables } from "./import-tables";
import { findOwnerConflicts, rejectWithRawText } from "./owner-conflicts";
import { runImporter } from "./run-importer";
import { StagingSink } from "./staging-sink";
import { totalAttributes } from "./total-attributes";

export interface BulkIngestOptions {
  folder: string;
  reportDir?: string;
  onProgress?: (progress: IngestProgress) => void;
  /** One line per phase after reading ("Sorting…", "Importing…"), for the CLI. */
  onPhase?: (message: string) => void;
}

/** Building the constraints' and indexes' trees over a loaded store takes minutes; failing a finished load over it would be worse. */
const schemaBuildTimeoutMs = 60 * 60_000;

/** The small sorts (conflicts, their rejects, attribute links) get less buffer than the two big ones. */
const smallSortMemory = "128M";

/**
 * `ringscope ingest --bulk`: the first load of a large input into the empty
 * local database through Neo4j's offline importer, giving the graph the
 * online path would. Reading, validation, rejects and the report are the
 * online path's own (runLoad with a staging sink); the rows then go through
 * external sorts and the online planners into import files; the server is
 * stopped (when it runs), `neo4j-admin database import full` replaces the
 * store, and the server is started with the schema applied and the run
 * recorded.
 */
export async function bulkIngestFolder(options: BulkIngestOptions): Promise<IngestReport> {
  refuseExternalServer();
  const input = path.resolve(options.folder);
  const discovered = await discoverFiles(input);
  if (isUnwrittenLocalStore()) await prepareInstance({ ...localInstanceOptions(), log: options.onPhase });
  else await refuseNonEmptyDatabase();
  const connection = resolveConnection();
  const report = await startReport({
    input,
    discovered,
    reportDir: options.reportDir,
    dryRun: false,
    database: { uri: connection.uri, isChecked: true },
    batchSize: defaultBatchSize,
  });
  const workDir = path.join(stateDir(), "bulk", report.runId);
  await mkdir(workDir, { recursive: true });
  const load = new BulkLoad(discovered.files, workDir, report, options.onPhase ?? (() => {}));
  try {
    await runLoad({ report, files: discovered.files, sink: load.sink, onProgress: options.onProgress, isRunRecorded: false });
  } finally {
    load.abort();
    await rm(workDir, { recursive: true, force: true });
  }
  // A load that failed after the import (the server went away while the schema was applied) is not recorded: its report says how to finish it.
  if (report.status === "completed") await recordRun(report, discovered.files);
  return report;
}

function refuseExternalServer(): void {
  const external = getEnv().NEO4J_URI;
  if (external) {
    throw new AppError("BAD_REQUEST", `--bulk loads only into the locally managed server, but NEO4J_URI names ${external}: unset it, or load without --bulk.`);
  }
}

/**
 * The local server is stopped and has never written its database (a fresh
 * clone): the importer fills the store before the server's first start, which
 * saves a start and a stop. `npm run demo` loads this way on a new machine.
 */
export function isUnwrittenLocalStore(): boolean {
  if (getEnv().NEO4J_URI) return false;
  const instance = localInstanceOptions();
  return instanceStatus(instance).state === "stopped" && !hasDatabaseStore(instance.home, localDatabase);
}

/** The importer replaces the whole store, so it may only ever replace an empty one. */
async function refuseNonEmptyDatabase(): Promise<void> {
  const health = await checkDatabaseHealth();
  if (health.status === "down") throw new AppError("DATABASE_UNAVAILABLE", `${health.reason}${health.uri ? ` (${health.uri})` : ""}`);
  const [row] = await readQuery<{ nodes: number }>("MATCH (n) RETURN count(n) AS nodes");
  const nodes = row?.nodes ?? 0;
  if (nodes > 0) {
    const home = localInstanceOptions().home;
    throw new AppError(
      "CONFLICT",
      `--bulk loads only into an empty database, and this one holds ${nodes.toLocaleString("en-US")} nodes. ` +
        `Load without --bulk, or start from empty: npm run db:stop, delete ${home}, npm run db:start.`,
    );
  }
}

/** The IngestRun node, written once the imported store is up (the importer would have replaced an earlier one). */
async function recordRun(report: IngestReport, files: readonly InputFile[]): Promise<void> {
  await recordRunStarted({ runId: report.runId, startedAt: report.startedAt, input: report.input, files: files.map((file) => file.name) });
  await recordFinish(report);
}

/** The phases after reading, run by the sink's finish so their rejects and failures land in the run's report. */
class BulkLoad {
  readonly sink: BatchSink;
  private readonly staging: StagingSink;
  private readonly began = Date.now();
  private readonly stats: BulkStats = {
    phasesMs: { read: 0, fold: 0, importer: 0, restart: 0 },
    importerPeakRssBytes: 0,
    imported: { accounts: 0, sessions: 0, attributes: 0, links: 0 },
  };
  private readonly smallSorts: ExternalSort[] = [];

  constructor(
    private readonly files: readonly InputFile[],
    private readonly workDir: string,
    report: IngestReport,
    private readonly onPhase: (message: string) => void,
  ) {
    report.bulk = this.stats;
    this.staging = new StagingSink(files, workDir);
    this.sink = {
      writeAccounts: (rows) => this.staging.writeAccounts(rows),
      writeSessions: (rows) => this.staging.writeSessions(rows),
      finish: (reject) => this.finish(report, reject),
    };
  }

  abort(): void {
    this.staging.abort();
    for (const sort of this.smallSorts) sort.abort();
  }

  private async finish(report: IngestReport, reject: (rejection: LateRejection) => Promise<void>): Promise<void> {
    this.stats.phasesMs.read = Date.now() - this.began;
    this.onPhase("Sorting and folding the rows into import files…");
    const tables = await this.writeImportFiles(report, reject);
    this.stats.phasesMs.fold = Date.now() - this.began - this.stats.phasesMs.read;
    this.onPhase("Running neo4j-admin database import (the server is stopped for it)…");
    await this.importAndRestart(tables);
  }

  private async writeImportFiles(report: IngestReport, reject: (rejection: LateRejection) => Promise<void>): Promise<ImportTables> {
    const conflicts = this.smallSort(2, false);
    const conflictRejects = this.smallSort(2, true);
    await findOwnerConflicts(this.staging.owners.sorted(), conflicts, conflictRejects);
    await rejectWithRawText(conflictRejects.sorted(), this.files, reject);
    const tables = new ImportTables(this.workDir, this.staging.extraSessionProperties);
    const attributeLinks = this.smallSort(1, false);
    const folded = await foldAccounts({
      mainLines: this.staging.main.sorted(),
      conflictLines: conflicts.sorted(),
      tables,
      attributeLinks,
      updatedAt: report.startedAt,
    });
    const attributes = await totalAttributes(attributeLinks.sorted(), tables);
    await tables.close();
    this.stats.imported = { ...folded, attributes };
    return tables;
  }

  /** Stops the server for the importer and always starts it again, also when the import fails. */
  private async importAndRestart(tables: ImportTables): Promise<void> {
    const instance = localInstanceOptions();
    const importStarted = Date.now();
    await closeDriver();
    await stopInstance(instance);
    try {
      const importer = await runImporter({ home: instance.home, layout: serverLayout(), database: localDatabase, tables, workDir: this.workDir }).finally(() => {
        this.stats.phasesMs.importer = Date.now() - importStarted;
      });
      this.stats.importerPeakRssBytes = importer.peakRssBytes;
    } catch (error) {
      this.onPhase("Starting Neo4j again…");
      await startInstance(instance);
      throw error;
    }
    this.onPhase("Starting Neo4j and applying the schema…");
    try {
      await startInstance(instance);
      await applySchema({ timeoutMs: schemaBuildTimeoutMs });
    } catch (error) {
      throw unfinishedAfterImport(error);
    }
    this.stats.phasesMs.restart = Date.now() - importStarted - this.stats.phasesMs.importer;
  }

  private smallSort(keyFields: number, isNumeric: boolean): ExternalSort {
    const sort = new ExternalSort({ keyFields, isNumeric, tempDir: this.workDir, memory: smallSortMemory });
    this.smallSorts.push(sort);
    return sort;
  }
}

/**
 * Past the importer the graph is on disk, and rerunning --bulk would refuse
 * the non-empty database: the reason must say how to finish instead.
 */
function unfinishedAfterImport(error: unknown): AppError {
  return new AppError(
    isAppError(error) ? error.code : "INTERNAL",
    `The import finished, but starting Neo4j and applying the schema failed: ${errorMessage(error)} Finish the load with "npx ringscope db start" and then "npx ringscope db schema" (the run will not be recorded in the graph).`,
    { cause: error },
  );
}
