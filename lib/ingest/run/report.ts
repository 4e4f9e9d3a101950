import { writeFile } from "node:fs/promises";
import type { IgnoredFile } from "@/lib/ingest/read/discover-files";
import type { EntityKind } from "@/lib/ingest/records";

/** Counts for one input file. read = loaded + rejected. */
export interface FileSummary {
  name: string;
  path: string;
  entity: EntityKind;
  read: number;
  /** Rows written (in a dry run: rows that would be). */
  loaded: number;
  rejected: number;
  /** Set when the file could not be read to its end (truncated gzip, unreadable header); counted as one reject. */
  fileError: string | null;
}

/** report.json: what a run did, for people and for scripts. */
export interface IngestReport {
  runId: string;
  input: string;
  startedAt: string;
  finishedAt: string;
  status: "completed" | "failed";
  /** Why the run stopped early, when it did. */
  error: string | null;
  dryRun: boolean;
  database: {
    uri: string | null;
    /** False in a dry run that could not reach the database: accounts were checked against the input only. */
    isChecked: boolean;
  };
  batchSize: number;
  files: FileSummary[];
  ignoredFiles: IgnoredFile[];
  totals: { read: number; loaded: number; rejected: number };
  reportFile: string;
  rejectsFile: string;
  /** Only for `ingest --bulk`: where the time went, and what the importer was given. */
  bulk?: BulkStats;
}

export interface BulkStats {
  /** Wall time per phase: read and validate (feeding the sorts), sort and fold into import files, importer (with the server stop), restart and schema. */
  phasesMs: { read: number; fold: number; importer: number; restart: number };
  importerPeakRssBytes: number;
  imported: { accounts: number; sessions: number; attributes: number; links: number };
}

export function totalsOf(files: readonly FileSummary[]): IngestReport["totals"] {
  return files.reduce(
    (sum, file) => ({ read: sum.read + file.read, loaded: sum.loaded + file.loaded, rejected: sum.rejected + file.rejected }),
    { read: 0, loaded: 0, rejected: 0 },
  );
}

export async function writeReport(report: IngestReport): Promise<void> {
  await writeFile(report.reportFile, `${JSON.stringify(report, null, 2)}\n`, "utf8");
}
