import type { FileSummary, IngestProgress } from "@/lib/ingest/run-ingest";
import type { BulkStats } from "@/lib/ingest/run/report";

const barWidth = 24;

/** One line for a terminal: bar, percentage, rows, rate and ETA (all estimated from bytes read). */
export function formatProgressBar(progress: IngestProgress, columns: number): string {
  const fraction = progress.bytesTotal > 0 ? Math.min(1, progress.bytesRead / progress.bytesTotal) : 0;
  const filled = Math.round(fraction * barWidth);
  const bar = `[${"#".repeat(filled)}${".".repeat(barWidth - filled)}]`;
  const line = `${bar} ${(fraction * 100).toFixed(0).padStart(3)}% ${describeCounts(progress)}  ${progress.file}`;
  return line.length > columns ? line.slice(0, Math.max(0, columns - 1)) : line;
}

/** A plain line for logs (no carriage returns). */
export function formatProgressLine(progress: IngestProgress): string {
  const percent = progress.bytesTotal > 0 ? ((100 * progress.bytesRead) / progress.bytesTotal).toFixed(1) : "?";
  return `ingest ${percent}%: ${describeCounts(progress)} (${progress.file})`;
}

function describeCounts(progress: IngestProgress): string {
  const seconds = progress.elapsedMs / 1000;
  const rate = seconds > 0 ? progress.rowsRead / seconds : 0;
  return `${count(progress.rowsRead)} rows, ${count(progress.rowsRejected)} rejected, ${count(Math.round(rate))} rows/s, ETA ${formatEta(progress)}`;
}

/** Remaining time at the average speed so far; "?" until there is something to go on. */
export function formatEta(progress: Pick<IngestProgress, "bytesRead" | "bytesTotal" | "elapsedMs">): string {
  if (progress.bytesRead <= 0 || progress.elapsedMs <= 0) return "?";
  const remainingMs = ((progress.bytesTotal - progress.bytesRead) * progress.elapsedMs) / progress.bytesRead;
  return formatDuration(Math.max(0, remainingMs));
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h${String(minutes).padStart(2, "0")}m`;
  if (minutes > 0) return `${minutes}m${String(seconds).padStart(2, "0")}s`;
  return `${seconds}s`;
}

/** The per-file summary table, with a total row. */
export function formatSummaryTable(files: readonly FileSummary[]): string {
  const rows = files.map((file) => [file.fileError ? `${file.name} (${file.fileError})` : file.name, count(file.read), count(file.loaded), count(file.rejected)]);
  const sum = (pick: (file: FileSummary) => number) => count(files.reduce((total, file) => total + pick(file), 0));
  const totals = ["total", sum((file) => file.read), sum((file) => file.loaded), sum((file) => file.rejected)];
  const table = [["file", "read", "loaded", "rejected"], ...rows, totals];
  const widths = [0, 1, 2, 3].map((column) => Math.max(...table.map((row) => (row[column] ?? "").length)));
  return table
    .map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  "))
    .join("\n");
}

function count(value: number): string {
  return value.toLocaleString("en-US");
}

/** A bulk load's time per phase and the importer's peak memory, on one line. */
export function formatBulkPhases(bulk: BulkStats): string {
  const { read, fold, importer, restart } = bulk.phasesMs;
  const megabytes = Math.round(bulk.importerPeakRssBytes / 1024 ** 2);
  return `Phases: read and validate ${formatDuration(read)}, sort and fold ${formatDuration(fold)}, importer ${formatDuration(importer)} (peak RSS ${count(megabytes)} MB), restart and schema ${formatDuration(restart)}.`;
}
