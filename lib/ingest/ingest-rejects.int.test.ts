import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDriver, readQuery } from "@/lib/neo4j";
import { resetDatabase } from "@/lib/testing/reset-database";
import { ingestFolder } from "./run-ingest";
import { laneOfAccount, writeLaneCount } from "./run/write-lanes";
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

  it("keeps a session with its first account when another account, written by the other lane, names it in the same batch or a later one", async () => {
    // One account per write lane, so the two owners are written by concurrent transactions.
    const ids = Array.from({ length: 20 }, (_, i) => `acct_${i}`);
    const first = ids.find((id) => laneOfAccount(id, writeLaneCount) === 0) ?? "";
    const second = ids.find((id) => laneOfAccount(id, writeLaneCount) === 1) ?? "";
    const session = (id: string, account: string, minute: number) => ({ session_id: id, account_id: account, started_at: `2026-02-01T10:${String(minute).padStart(2, "0")}:00Z`, ip: `10.0.0.${minute}` });
    const folder = writeInputFolder({
      "accounts.csv": `account_id,created_at\n${first},2026-01-01T00:00:00Z\n${second},2026-01-01T00:00:00Z\n`,
      // Batches of two: [s1 x1] [s1 y1] [s2 s2] [x2 y2] [s1 y3].
      "sessions.jsonl": jsonLines([
        session("s1", first, 1),
        session("x1", first, 2),
        session("s1", second, 3),
        session("y1", second, 4),
        session("s2", first, 5),
        session("s2", second, 6),
        session("x2", first, 7),
        session("y2", second, 8),
        session("s1", second, 9),
        session("y3", second, 10),
      ]),
    });

    const report = await ingestFolder({ folder, batchSize: 2 });

    const moved = (id: string) => `session ${id} belongs to account ${first}, not ${second}`;
    expect(readRejects(report.rejectsFile).map(({ line, reason }) => [line, reason])).toEqual([
      [3, moved("s1")],
      [6, moved("s2")],
      [9, moved("s1")],
    ]);
    const owners = await readQuery<{ session: string; account: string }>(
      "MATCH (a:Account)-[:HAS_SESSION]->(s:Session) RETURN s.session_id AS session, a.account_id AS account ORDER BY session",
    );
    expect(owners).toEqual([
      { session: "s1", account: first },
      { session: "s2", account: first },
      { session: "x1", account: first },
      { session: "x2", account: first },
      { session: "y1", account: second },
      { session: "y2", account: second },
      { session: "y3", account: second },
    ]);
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
