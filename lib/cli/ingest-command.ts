import { parseArgs } from "node:util";
import { describeRefresh, refreshWorklist, WORKLIST_MIN_SIZE } from "@/lib/campaign/worklist";
import { bulkIngestFolder } from "@/lib/ingest/bulk/bulk-ingest";
import { ingestFolder, type IngestProgress, type IngestReport } from "@/lib/ingest/run-ingest";
import { formatBulkPhases, formatDuration, formatProgressBar, formatProgressLine, formatSummaryTable } from "./ingest-progress";
import { userPath } from "./output";

export const ingestUsage =
  "ringscope ingest <folder> [--report-dir DIR] [--dry-run] [--batch-size N] [--no-worklist] | --bulk <folder> [--report-dir DIR] [--no-worklist]";

const terminalRefreshMs = 250;
const logIntervalMs = 5_000;

/** `ringscope ingest`: parses arguments, shows progress, prints the summary. The work is lib/ingest's. */
export async function runIngestCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "report-dir": { type: "string" },
      "dry-run": { type: "boolean", default: false },
      "batch-size": { type: "string" },
      bulk: { type: "boolean", default: false },
      "no-worklist": { type: "boolean", default: false },
    },
  });
  const [folder, ...extra] = positionals;
  // A bulk load writes no batches and cannot be dry: the flags would mean nothing.
  const isBulkMisused = values.bulk && (values["dry-run"] || values["batch-size"] !== undefined);
  if (folder === undefined || extra.length > 0 || isBulkMisused) {
    console.error(`Usage: ${ingestUsage}`);
    return 1;
  }
  const progress = createProgressReporter();
  const common = {
    folder: userPath(folder),
    reportDir: values["report-dir"] === undefined ? undefined : userPath(values["report-dir"]),
    onProgress: progress.update,
  };
  const report = values.bulk
    ? await bulkIngestFolder({ ...common, onPhase: (message) => progress.note(message) })
    : await ingestFolder({ ...common, dryRun: values["dry-run"], batchSize: parseBatchSize(values["batch-size"]) });
  progress.end();
  printSummary(report);
  const status = exitCodeOf(report);
  if (status === 0 && !report.dryRun && !values["no-worklist"]) await refreshWorklistAfterLoad();
  return status;
}

/** New accounts may have joined or formed campaigns: the worklist searches where they linked (worklist.ts). */
async function refreshWorklistAfterLoad(): Promise<void> {
  const started = Date.now();
  console.error("Refreshing the campaign worklist (--no-worklist skips this)…");
  const refreshed = await refreshWorklist({ minSize: WORKLIST_MIN_SIZE, incremental: true });
  console.log(`Worklist: ${describeRefresh(refreshed)} in ${formatDuration(Date.now() - started)}.`);
}

function parseBatchSize(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const size = Number(text);
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`--batch-size must be a positive integer, got "${text}"`);
  return size;
}

/** A redrawn bar on a terminal; a plain line every few seconds when output goes to a log. */
function createProgressReporter(): { update: (progress: IngestProgress) => void; note: (message: string) => void; end: () => void } {
  const isTerminal = process.stderr.isTTY === true;
  let lastShown = 0;
  let hasBar = false;
  return {
    update(progress) {
      const now = Date.now();
      if (now - lastShown < (isTerminal ? terminalRefreshMs : logIntervalMs)) return;
      lastShown = now;
      if (isTerminal) {
        process.stderr.write(`\r\x1b[2K${formatProgressBar(progress, process.stderr.columns || 100)}`);
        hasBar = true;
      } else {
        console.error(formatProgressLine(progress));
      }
    },
    /** A line that stays (a bulk load's next phase), below the bar. */
    note(message) {
      if (hasBar) process.stderr.write("\r\x1b[2K");
      hasBar = false;
      console.error(message);
    },
    end() {
      if (hasBar) process.stderr.write("\r\x1b[2K");
    },
  };
}

function printSummary(report: IngestReport): void {
  const took = formatDuration(Date.parse(report.finishedAt) - Date.parse(report.startedAt));
  const what = report.dryRun ? "Dry run (nothing written)" : `Loaded into ${report.database.uri}`;
  console.log(`${what}: run ${report.runId}, ${took}.`);
  if (report.dryRun && !report.database.isChecked) console.log("The database was not reachable: accounts were checked against this input only.");
  if (report.bulk) console.log(formatBulkPhases(report.bulk));
  console.log(formatSummaryTable(report.files));
  for (const ignored of report.ignoredFiles) console.log(`Ignored ${ignored.name}: ${ignored.reason}`);
  console.log(`Report:  ${report.reportFile}`);
  console.log(`Rejects: ${report.rejectsFile}`);
}

/** Non-zero, with one line saying why, when the run failed or nothing could be loaded. */
function exitCodeOf(report: IngestReport): number {
  if (report.status === "failed") {
    console.error(`ringscope ingest: the load stopped early: ${report.error ?? "unknown error"}`);
    return 1;
  }
  if (report.totals.loaded === 0) {
    console.error(`ringscope ingest: nothing could be loaded (${report.totals.rejected.toLocaleString("en-US")} rows rejected; see ${report.rejectsFile}).`);
    return 1;
  }
  return 0;
}
