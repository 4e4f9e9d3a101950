import { spawnSync } from "node:child_process";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { removeInputFolders, writeInputFolder } from "@/lib/ingest/testing/input-folder";
import { closeDriver } from "@/lib/neo4j";
import { resetDatabase } from "@/lib/testing/reset-database";

beforeEach(resetDatabase);
afterAll(async () => {
  removeInputFolders();
  await closeDriver();
});

function runCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, ["scripts/ringscope.mjs", ...args], { cwd: process.cwd(), env, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("ringscope ingest", () => {
  it("loads a folder and ends with the per-file table and the report paths", () => {
    const folder = writeInputFolder({ "accounts.csv": "account_id,created_at\na1,2026-01-01T00:00:00Z\na2,bad\n" });
    const result = runCli(["ingest", folder]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/accounts\.csv\s+2\s+1\s+1/);
    expect(result.stdout).toMatch(/Report: {2}.*\.ringscope-runs\/.*\/report\.json/);
    expect(result.stdout).toMatch(/Rejects: .*rejects\.jsonl/);
    expect(result.stdout).toMatch(/^Worklist: 0 campaigns stored from 0 searches/m);
  });

  it("leaves the worklist alone when told to", () => {
    const folder = writeInputFolder({ "accounts.csv": "account_id,created_at\na1,2026-01-01T00:00:00Z\n" });
    const result = runCli(["ingest", folder, "--no-worklist"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/Worklist:/);
  });

  it("fails with one line when nothing could be loaded", () => {
    const folder = writeInputFolder({ "accounts.csv": "account_id,created_at\na1,bad\n" });
    const result = runCli(["ingest", folder]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n").at(-1)).toMatch(/^ringscope ingest: nothing could be loaded \(1 rows rejected; see .*rejects\.jsonl\)\.$/);
  });

  it("fails with one line when the database cannot be reached", () => {
    const folder = writeInputFolder({ "accounts.csv": "account_id,created_at\na1,2026-01-01T00:00:00Z\n" });
    const result = runCli(["ingest", folder], { ...process.env, NEO4J_URI: "bolt://127.0.0.1:1", NEO4J_PASSWORD: "x" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^ringscope ingest: The graph database cannot be reached/)]);
  });

  it("explains its usage when the folder is missing", () => {
    const result = runCli(["ingest"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Usage: ringscope ingest <folder>");
  });
});
