import { mkdir } from "node:fs/promises";
import path from "node:path";
import { discoverFiles, type DiscoveredFiles, type InputFile } from "@/lib/ingest/read/discover-files";
import { readRowBatches, type ReadRow } from "@/lib/ingest/read/read-rows";
import type { AccountRecord, SessionRecord } from "@/lib/ingest/records";
import { AppError, errorMessage } from "@/lib/errors/app-error";
import { applySchema, checkDatabaseHealth } from "@/lib/neo4j";
import { Batcher, defaultBatchSize } from "./batcher";
import { databaseSink, dryRunSink, type AcceptedRow, type BatchRejection, type BatchSink, type LateRejection } from "./run/batch-sink";
import { estimateUncompressedBytes } from "./run/input-size";
import { BatchesInFlight } from "./run/batches-in-flight";
import { RejectsFile } from "./run/rejects-file";
import { totalsOf, writeReport, type FileSummary, type IngestReport } from "./run/report";
import { defaultReportDir, newRunId } from "./run/run-id";
import { recordRunFinished, recordRunStarted } from "./write/write-ingest-run";

export type { FileSummary, IngestReport } from "./run/report";

export interface IngestOptions {
  folder: string;
  /** Default: beside the input, `<input>.ringscope-runs/<run-id>/` (see defaultReportDir). */
  reportDir?: string;
  /** Validate everything, check accounts against the database where reachable, write nothing. */
  dryRun?: boolean;
  batchSize?: number;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  runId: string;
  file: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Uncompressed bytes consumed and in all, both estimated (see estimateUncompressedBytes). */
  bytesRead: number;
  bytesTotal: number;
  elapsedMs: number;
}

/**
 * Loads an input folder: schema first, then every file (accounts before
 * sessions), streamed row by row, validated, batched, and written one batch
 * at a time as concurrent transactions split by account (run/write-lanes.ts).
 * Memory stays flat: rows live only in the batch being read
 * and the one being written; rejects go straight to rejects.jsonl. Throws
 * (before writing anything) when the folder has no input or the database is
 * unreachable; a failure mid-way still writes report.json with status "failed".
 */
export async function ingestFolder(options: IngestOptions): Promise<IngestReport> {
  const batchSize = checkedBatchSize(options.batchSize ?? defaultBatchSize);
  const input = path.resolve(options.folder);
  const discovered = await discoverFiles(input);
  const dryRun = options.dryRun ?? false;
  const database = dryRun ? await probeDatabase() : await prepareDatabase();
  const report = await startReport({ input, discovered, reportDir: options.reportDir, dryRun, database, batchSize });
  const sink = dryRun ? dryRunSink({ isDatabaseReachable: database.isChecked }) : databaseSink();
  await runLoad({ report, files: discovered.files, sink, onProgress: options.onProgress, isRunRecorded: !dryRun });
  return report;
}

/** A fresh report for a run starting now; creates its report folder. */
export async function startReport(run: {
  input: string;
  discovered: DiscoveredFiles;
  reportDir: string | undefined;
  dryRun: boolean;
  database: IngestReport["database"];
  batchSize: number;
}): Promise<IngestReport> {
  const startedAt = new Date();
  const runId = newRunId(startedAt);
  const reportDir = path.resolve(run.reportDir ?? defaultReportDir(run.input, runId));
  await mkdir(reportDir, { recursive: true });
  return {
    runId,
    input: run.input,
    startedAt: startedAt.toISOString(),
    finishedAt: startedAt.toISOString(),
    status: "completed",
    error: null,
    dryRun: run.dryRun,
    database: run.database,
    batchSize: run.batchSize,
    files: run.discovered.files.map(emptySummary),
    ignoredFiles: run.discovered.ignored,
    totals: { read: 0, loaded: 0, rejected: 0 },
    reportFile: path.join(reportDir, "report.json"),
    rejectsFile: path.join(reportDir, "rejects.jsonl"),
  };
}

function checkedBatchSize(size: number): number {
  if (!Number.isSafeInteger(size) || size < 1) throw new AppError("BAD_REQUEST", `The batch size must be a positive integer, got ${size}.`);
  return size;
}

/** Fails fast (seconds, not the driver's 30 s of retries) with one clear reason when the database is down. */
async function prepareDatabase(): Promise<IngestReport["database"]> {
  const health = await checkDatabaseHealth();
  if (health.status === "down") {
    throw new AppError("DATABASE_UNAVAILABLE", `${health.reason}${health.uri ? ` (${health.uri})` : ""}`);
  }
  await applySchema();
  return { uri: health.uri, isChecked: true };
}

/** A dry run works without a database; it says whether it could check accounts against one. */
async function probeDatabase(): Promise<IngestReport["database"]> {
  const health = await checkDatabaseHealth();
  return { uri: health.uri, isChecked: health.status === "up" };
}

function emptySummary(file: InputFile): FileSummary {
  return { name: file.name, path: file.path, entity: file.entity, read: 0, loaded: 0, rejected: 0, fileError: null };
}

export interface LoadContext {
  report: IngestReport;
  files: InputFile[];
  sink: BatchSink;
  onProgress: IngestOptions["onProgress"];
  /** Write the IngestRun node when the run starts and ends (not in a dry run, nor in a bulk load, which records it after the import). */
  isRunRecorded: boolean;
}

/** Runs the load and always finishes the report (and the IngestRun node), also when the load fails. */
export async function runLoad(context: LoadContext): Promise<void> {
  const { report } = context;
  const isRecorded = context.isRunRecorded;
  if (isRecorded) {
    await recordRunStarted({ runId: report.runId, startedAt: report.startedAt, input: report.input, files: context.files.map((file) => file.name) });
  }
  const loader = new FolderLoader(context, new RejectsFile(report.rejectsFile), await estimateTotal(context.files));
  try {
    await loader.loadAll();
  } catch (error) {
    report.status = "failed";
    report.error = errorMessage(error);
  } finally {
    await loader.close();
    report.finishedAt = new Date().toISOString();
    report.totals = totalsOf(report.files);
    await writeReport(report);
  }
  if (isRecorded) await recordFinish(report);
}

export async function recordFinish(report: IngestReport): Promise<void> {
  const finished = { runId: report.runId, finishedAt: report.finishedAt, loaded: report.totals.loaded, rejected: report.totals.rejected };
  // A failed run usually failed because the database went away; its report.json already says so.
  await recordRunFinished({ ...finished, status: report.status }).catch((error: unknown) => {
    if (report.status === "completed") throw error;
  });
}

async function estimateTotal(files: readonly InputFile[]): Promise<number[]> {
  return Promise.all(files.map(estimateUncompressedBytes));
}

type AnyRecord = AccountRecord | SessionRecord;

/** The state of one load: per-file counts, progress, the rejects file and the write in flight. */
class FolderLoader {
  private readonly writes: BatchesInFlight;
  private readonly began = Date.now();
  private bytesRead = 0;
  private readonly bytesTotal: number;

  constructor(
    private readonly context: LoadContext,
    private readonly rejects: RejectsFile,
    private readonly fileBytes: number[],
  ) {
    this.bytesTotal = fileBytes.reduce((sum, bytes) => sum + bytes, 0);
    this.writes = new BatchesInFlight(context.sink.batchesInFlight ?? 1);
  }

  async loadAll(): Promise<void> {
    const { files, report } = this.context;
    let bytesBefore = 0;
    for (const [index, file] of files.entries()) {
      const summary = report.files[index];
      if (summary === undefined) throw new Error(`no summary for ${file.name}`);
      await this.loadFile(file, summary);
      // Rows are counted in characters; snap to the estimate so the bar ends each file where it should.
      bytesBefore += this.fileBytes[index] ?? 0;
      this.bytesRead = bytesBefore;
    }
    await this.writes.drain();
    this.reportProgress(files.at(-1)?.name ?? "");
    await this.context.sink.finish?.((rejection) => this.rejectLate(rejection));
  }

  async close(): Promise<void> {
    // Let a write in flight finish (or fail) before the report is written; its error was already recorded.
    await this.writes.drain().catch(() => undefined);
    await this.rejects.close();
  }

  private async loadFile(file: InputFile, summary: FileSummary): Promise<void> {
    const batcher = new Batcher<AcceptedRow<AnyRecord>>(this.context.report.batchSize);
    for await (const rows of readRowBatches(file)) {
      for (const row of rows) {
        summary.read += 1;
        this.bytesRead += row.raw.length + 1;
        if (!row.ok) {
          await this.rejectUnreadable(row, summary);
          continue;
        }
        const batch = batcher.add({ record: row.record, file: row.file, line: row.line, raw: row.raw });
        if (batch) await this.submit(file, batch, summary);
      }
      this.reportProgress(file.name);
    }
    const rest = batcher.flush();
    if (rest) await this.submit(file, rest, summary);
  }

  /** A row that failed parsing or validation, or the file error that ends a file. */
  private async rejectUnreadable(row: ReadRow<AnyRecord> & { ok: false }, summary: FileSummary): Promise<void> {
    if (row.isFileError) summary.fileError = row.reason;
    await this.reject(summary, row, row.reason);
  }

  private async submit(file: InputFile, batch: Array<AcceptedRow<AnyRecord>>, summary: FileSummary): Promise<void> {
    await this.writes.submit(
      () => this.writeBatch(file, batch),
      async (rejected) => {
        summary.loaded += batch.length - rejected.length;
        for (const { row, reason } of rejected) await this.reject(summary, row, reason);
      },
    );
  }

  private writeBatch(file: InputFile, batch: Array<AcceptedRow<AnyRecord>>): Promise<Array<BatchRejection<AnyRecord>>> {
    // The file's entity decides the record type (readRows validated each row against it).
    return file.entity === "accounts"
      ? this.context.sink.writeAccounts(batch as Array<AcceptedRow<AccountRecord>>)
      : this.context.sink.writeSessions(batch as Array<AcceptedRow<SessionRecord>>);
  }

  /** A row counted as loaded when its batch went through, rejected by the sink at the end. */
  private async rejectLate(rejection: LateRejection): Promise<void> {
    const summary = this.context.report.files.find((file) => file.path === rejection.file);
    if (summary === undefined) throw new Error(`no summary for ${rejection.file}`);
    summary.loaded -= 1;
    await this.reject(summary, rejection, rejection.reason);
  }

  private async reject(summary: FileSummary, row: { line: number; raw: string }, reason: string): Promise<void> {
    summary.rejected += 1;
    await this.rejects.write({ file: summary.name, line: row.line, reason, raw: row.raw });
  }

  private reportProgress(file: string): void {
    const { onProgress, report } = this.context;
    if (!onProgress) return;
    const totals = totalsOf(report.files);
    onProgress({
      runId: report.runId,
      file,
      rowsRead: totals.read,
      rowsLoaded: totals.loaded,
      rowsRejected: totals.rejected,
      bytesRead: Math.min(this.bytesRead, this.bytesTotal),
      bytesTotal: this.bytesTotal,
      elapsedMs: Date.now() - this.began,
    });
  }
}
