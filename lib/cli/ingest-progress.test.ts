import { describe, expect, it } from "vitest";
import type { FileSummary, IngestProgress } from "@/lib/ingest/run-ingest";
import { formatDuration, formatEta, formatProgressBar, formatProgressLine, formatSummaryTable } from "./ingest-progress";

const progress: IngestProgress = {
  runId: "r1",
  file: "sessions-2026-02.jsonl.gz",
  rowsRead: 50_000,
  rowsLoaded: 45_000,
  rowsRejected: 12,
  bytesRead: 25,
  bytesTotal: 100,
  elapsedMs: 10_000,
};

describe("ingest progress", () => {
  it("draws a bar with percentage, counts, rate and ETA, cut to the terminal width", () => {
    const line = formatProgressBar(progress, 200);
    expect(line).toBe(
      "[######..................]  25% 50,000 rows, 12 rejected, 5,000 rows/s, ETA 30s  sessions-2026-02.jsonl.gz",
    );
    expect(formatProgressBar(progress, 40)).toHaveLength(39);
  });

  it("writes plain lines for logs", () => {
    expect(formatProgressLine(progress)).toBe("ingest 25.0%: 50,000 rows, 12 rejected, 5,000 rows/s, ETA 30s (sessions-2026-02.jsonl.gz)");
  });

  it("estimates the time left from the average speed so far", () => {
    expect(formatEta({ bytesRead: 0, bytesTotal: 100, elapsedMs: 1_000 })).toBe("?");
    expect(formatEta({ bytesRead: 10, bytesTotal: 100, elapsedMs: 60_000 })).toBe("9m00s");
    expect(formatDuration(2 * 3600 * 1000 + 5 * 60 * 1000)).toBe("2h05m");
  });

  it("sums the per-file table", () => {
    const files: FileSummary[] = [
      { name: "accounts.csv", path: "/in/accounts.csv", entity: "accounts", read: 1_000, loaded: 990, rejected: 10, fileError: null },
      { name: "sessions.jsonl.gz", path: "/in/sessions.jsonl.gz", entity: "sessions", read: 20, loaded: 19, rejected: 1, fileError: "gzip stream truncated" },
    ];
    expect(formatSummaryTable(files).split("\n")).toEqual([
      "file                                        read  loaded  rejected",
      "accounts.csv                               1,000     990        10",
      "sessions.jsonl.gz (gzip stream truncated)     20      19         1",
      "total                                      1,020   1,009        11",
    ]);
  });
});
