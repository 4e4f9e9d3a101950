import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDriver, readQuery } from "@/lib/neo4j";
import { resetDatabase } from "@/lib/testing/reset-database";
import { ingestFolder } from "./run-ingest";
import { jsonLines, removeInputFolders, truncatedGzip, writeInputFolder } from "./testing/input-folder";

beforeEach(resetDatabase);
afterAll(async () => {
  removeInputFolders();
  await closeDriver();
});

interface RejectLine {
  file: string;
  line: number;
  reason: string;
  raw: string;
}

function readRejects(file: string): RejectLine[] {
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as RejectLine);
}

/** Enough varied rows that a cut in the compressed stream leaves complete lines before it. */
function manySessions(count: number): string {
  return jsonLines(
    Array.from({ length: count }, (_, index) => ({
      session_id: `gz-${index}`,
      account_id: "a1",
      started_at: `2026-02-01T10:${String(index % 60).padStart(2, "0")}:00Z`,
      device_id: `device-${(index * 7919) % 1000}-${index}`,
    })),
  );
}

describe("ingestFolder: bad rows", () => {
  it("rejects every kind of bad row with its file, line and reason while the good rows around it load", async () => {
    const folder = writeInputFolder({
      "accounts.csv": Buffer.concat([
        Buffer.from(
          [
            "account_id,created_at,email,status",
            "a1,2026-01-01T00:00:00Z,one@example.com,active",
            ",2026-01-01T00:00:00Z,,",
            "a3,yesterday,,",
            'a4,2026-01-01T00:00:00Z,"x@example.com,active',
            "",
          ].join("\n"),
        ),
        Buffer.from("a5,2026-01-01T00:00:00Z,\xff@example.com,\n", "latin1"),
        Buffer.from("a6,2026-01-01T00:00:00Z,six@example.com,\n"),
      ]),
      "accounts-2.jsonl": jsonLines([
        { account_id: { nested: true }, created_at: "2026-01-01T00:00:00Z" },
        { account_id: "a7", created_at: "2026-01-01T00:00:00Z" },
        { account_id: "a8", created_at: "2026-01-01T00:00:00" },
      ]),
      "sessions.jsonl": jsonLines([
        { session_id: "s1", account_id: "a1", started_at: "2026-02-01T10:00:00Z", ip: "10.0.0.1" },
        { session_id: "s2", account_id: "ghost", started_at: "2026-02-01T10:00:00Z" },
        { session_id: "s3", account_id: "a1", started_at: "2026-02-01T10:00:00Z", ip: "999.1.1.1" },
        { session_id: "s4", account_id: "a1", started_at: "2026-02-01T10:00:00Z", request_count: -3 },
        { session_id: "s5", account_id: "a1", started_at: "2026-02-01T10:00:00Z", request_count: "5" },
        { session_id: "s6", account_id: "a6", started_at: "2026-02-01T10:00:00Z", ip: "10.0.0.1" },
      ]),
      "sessions-2.jsonl.gz": truncatedGzip(manySessions(600), 0.6),
    });

    const report = await ingestFolder({ folder, batchSize: 40 });

    expect(report.status).toBe("completed");
    const rejects = readRejects(report.rejectsFile);
    const where = rejects.map(({ file, line, reason }) => [file, line, reason]);
    expect(where).toEqual(
      expect.arrayContaining([
        ["accounts.csv", 3, expect.stringContaining("missing required field account_id")],
        ["accounts.csv", 4, expect.stringContaining("unparsable timestamp")],
        ["accounts.csv", 5, expect.stringContaining("unterminated quote")],
        ["accounts.csv", 6, "invalid UTF-8"],
        ["accounts-2.jsonl", 1, expect.stringContaining("wrong type for account_id")],
        ["accounts-2.jsonl", 3, expect.stringContaining("timestamp without a zone")],
        ["sessions.jsonl", 2, "unknown account ghost"],
        ["sessions.jsonl", 3, expect.stringContaining("malformed IP")],
        ["sessions.jsonl", 4, expect.stringContaining("negative request_count")],
        ["sessions.jsonl", 5, expect.stringContaining("wrong type for request_count")],
        ["sessions-2.jsonl.gz", expect.any(Number), expect.stringContaining("gzip stream truncated")],
      ]),
    );
    expect(rejects).toHaveLength(11);
    expect(rejects.find((reject) => reject.line === 2 && reject.file === "sessions.jsonl")?.raw).toContain('"session_id":"s2"');

    const byName = Object.fromEntries(report.files.map((file) => [file.name, file]));
    expect(byName["accounts.csv"]).toMatchObject({ read: 6, loaded: 2, rejected: 4, fileError: null });
    expect(byName["accounts-2.jsonl"]).toMatchObject({ read: 3, loaded: 1, rejected: 2 });
    expect(byName["sessions.jsonl"]).toMatchObject({ read: 6, loaded: 2, rejected: 4 });
    const truncated = byName["sessions-2.jsonl.gz"];
    expect(truncated?.fileError).toContain("gzip stream truncated");
    expect(truncated?.rejected).toBe(1);
    expect(truncated?.loaded).toBeGreaterThan(50);
    expect(truncated?.loaded).toBeLessThan(600);

    const accounts = await readQuery<{ id: string }>("MATCH (a:Account) RETURN a.account_id AS id ORDER BY id");
    expect(accounts.map((row) => row.id)).toEqual(["a1", "a6", "a7"]);
    const [sessions] = await readQuery<{ count: number }>("MATCH (:Account)-[:HAS_SESSION]->(s:Session) RETURN count(s) AS count");
    expect(sessions?.count).toBe(2 + (truncated?.loaded ?? 0));

    const saved = JSON.parse(readFileSync(report.reportFile, "utf8")) as typeof report;
    expect(saved).toMatchObject({ runId: report.runId, totals: report.totals, dryRun: false, rejectsFile: report.rejectsFile });
    expect(saved.database.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
  });

  it("puts the report beside the input by default and records the run in the graph", async () => {
    const folder = writeInputFolder({ "accounts.csv": "account_id,created_at\na1,2026-01-01T00:00:00Z\n" }, "feb");
    const report = await ingestFolder({ folder });
    expect(report.reportFile).toBe(`${folder}.ringscope-runs/${report.runId}/report.json`);
    const [run] = await readQuery<Record<string, string | number | string[]>>(
      "MATCH (r:IngestRun) RETURN r.run_id AS id, r.status AS status, r.loaded AS loaded, r.rejected AS rejected, r.files AS files, r.input AS input, r.finished_at IS NOT NULL AS isFinished",
    );
    expect(run).toEqual({ id: report.runId, status: "completed", loaded: 1, rejected: 0, files: ["accounts.csv"], input: folder, isFinished: true });
  });
});
