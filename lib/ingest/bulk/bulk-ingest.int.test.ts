import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnv } from "@/lib/env";
import { generateScenario } from "@/lib/generate";
import { checkDatabaseHealth, closeDriver, readQuery } from "@/lib/neo4j";
import { resetDatabase } from "@/lib/testing/reset-database";
import { createThrowawayServer, startThrowawayServer, type ThrowawayServer } from "@/lib/testing/throwaway-neo4j";
import { ingestFolder, type IngestReport } from "../run-ingest";
import { dumpDataGraph } from "../testing/dump-graph";
import { jsonLines, removeInputFolders, writeInputFolder } from "../testing/input-folder";
import { bulkIngestFolder, isUnwrittenLocalStore } from "./bulk-ingest";

/*
 * The bulk path against the online path: the same input loaded online into
 * one server and with --bulk into another must give the same graph (but for
 * updated_at, the time of the load), the same rejects and the same counts.
 */

/** Each test loads twice and the bulk path restarts a server: minutes on a busy 2-CPU machine. */
const loadTimeoutMs = 900_000;

let online: ThrowawayServer;
let bulk: ThrowawayServer;
const suiteEnv = { ...process.env };

beforeAll(async () => {
  online = await startThrowawayServer("bulk-online");
  bulk = await startThrowawayServer("bulk-bulk");
  for (const server of [online, bulk]) await warmUp(server);
}, loadTimeoutMs);

afterAll(async () => {
  await closeDriver();
  await Promise.all([online.stop(), bulk.stop()]);
  process.env = suiteEnv;
  resetEnv();
  removeInputFolders();
});

/** Points lib/neo4j (and the bulk path's server lifecycle) at one server. */
async function useServer(server: ThrowawayServer): Promise<void> {
  await closeDriver();
  Object.assign(process.env, server.env);
  resetEnv();
}

/** A fresh server's first queries can miss the health check's 5 s on a busy machine; the loads under test should not. */
async function warmUp(server: ThrowawayServer): Promise<void> {
  await useServer(server);
  for (let attempt = 1; attempt <= 12; attempt++) {
    if ((await checkDatabaseHealth()).status === "up") return;
  }
  throw new Error("the test server does not answer");
}

interface Loaded {
  graph: string[];
  rejects: string[];
  report: IngestReport;
}

async function loadWith(server: ThrowawayServer, load: () => Promise<IngestReport>): Promise<Loaded> {
  await useServer(server);
  const report = await load();
  const graph = await dumpDataGraph({ ignoreProperties: ["updated_at"] });
  // Both paths write rejects as they find them; the order differs, the set must not.
  const rejects = readFileSync(report.rejectsFile, "utf8").split("\n").filter(Boolean).sort();
  return { graph, rejects, report };
}

async function expectSameLoad(folder: string, bulkServer: ThrowawayServer = bulk): Promise<Loaded> {
  const viaOnline = await loadWith(online, () => ingestFolder({ folder }));
  const viaBulk = await loadWith(bulkServer, () => bulkIngestFolder({ folder }));
  expect(viaBulk.report.status).toBe("completed");
  expect(viaBulk.graph.length).toBe(viaOnline.graph.length);
  expect(viaBulk.graph).toEqual(viaOnline.graph);
  expect(viaBulk.rejects).toEqual(viaOnline.rejects);
  const counts = (report: IngestReport) => report.files.map(({ name, read, loaded, rejected, fileError }) => ({ name, read, loaded, rejected, fileError }));
  expect(counts(viaBulk.report)).toEqual(counts(viaOnline.report));
  const [run] = await readQuery<{ status: string; loaded: number; rejected: number }>(
    "MATCH (r:IngestRun {run_id: $runId}) RETURN r.status AS status, r.loaded AS loaded, r.rejected AS rejected",
    { runId: viaBulk.report.runId },
  );
  expect(run).toEqual({ status: "completed", loaded: viaOnline.report.totals.loaded, rejected: viaOnline.report.totals.rejected });
  return viaBulk;
}

/** Duplicates, replaced values, owner conflicts, unknown accounts, bad rows, odd text: the folding rules' corner cases. */
function handcraftedFolder(): string {
  return writeInputFolder({
    "accounts.csv": [
      "account_id,created_at,email,phone,card_fp,country,status,attr_payout_wallet",
      "a1,2026-01-01T00:00:00Z,Alice@Example.com,+1 415 555 0100,card1,us,active,w1",
      "a2,2026-01-02T00:00:00+02:00,bob@example.com,,card1,DE,,w1",
      "a3,not-a-time,,,,,,",
      // a1 again: the later email wins, the phone it leaves out stays, both emails stay linked.
      "a1,2026-01-05T00:00:00Z,alice@new.example,,,,suspended,",
      'a4,2026-01-06T00:00:00-05:00,"quote""d@example.com",,"card,2",,,',
    ].join("\n"),
    "accounts-2.jsonl": jsonLines([
      { account_id: "ü-5", created_at: "2026-01-07T00:00:00Z", email: "five@example.com" },
      { account_id: 6, created_at: "2026-01-08T00:00:00.123456789Z" },
    ]),
    "sessions.jsonl": jsonLines([
      { session_id: "s1", account_id: "a1", started_at: "2026-02-01T10:00:00Z", ip: "10.0.0.1", device_id: "d1", request_count: 5 },
      { session_id: "s2", account_id: "ghost", started_at: "2026-02-01T10:00:00Z", ip: "10.0.0.1" },
      { session_id: "s3", account_id: "a2", started_at: "2026-02-01T11:00:00+01:00", ip: "10.0.0.1", attr_ip: "10.9.9.9", attr_wallet: "w1" },
      { session_id: "s4", account_id: "a2", started_at: "2026-02-01T10:00:00Z", ip: "999.1.1.1" },
      // s1 again: ip replaced (A stays linked, kept in past_attribute_keys), device kept, ended_at added.
      { session_id: "s1", account_id: "a1", started_at: "2026-02-01T09:00:00Z", ended_at: "2026-02-01T12:00:00Z", ip: "10.0.0.2" },
      // s1 under another account: rejected, the session belongs to a1.
      { session_id: "s1", account_id: "a2", started_at: "2026-02-01T10:00:00Z", ip: "10.0.0.3" },
      { session_id: "s5", account_id: "ü-5", started_at: "2026-02-02T10:00:00Z", user_agent: "Mozilla/5.0 (X11, Linux)\nsecond line", prompt_fp: "p;1" },
      { session_id: "s6", account_id: "6", started_at: "2026-02-03T10:00:00Z", device_id: "d1", asn: 64500, ip_class: "vpn" },
    ]),
    "sessions-2.csv": [
      "session_id,account_id,started_at,ip,device_id,prompt_fp",
      "s6,6,2026-02-04T10:00:00Z,10.0.0.1,,p2",
      "s7,a4,2026-02-05T10:00:00Z,,d1,",
      "s1,a1,2026-02-06T10:00:00Z,10.0.0.1,,",
      'broken,"a1,2026',
    ].join("\n"),
  });
}

describe("ingest --bulk", () => {
  it("gives the online path's graph, rejects and counts on the tiny preset", async () => {
    const folder = writeInputFolder({}, "tiny");
    await generateScenario({ preset: "tiny", outDir: folder, rng: 7 });
    const loaded = await expectSameLoad(folder);
    expect(loaded.report.bulk?.imported.sessions).toBe(15_000);
  }, loadTimeoutMs);

  it("refuses a database that holds data, and a server it does not manage", async () => {
    const folder = handcraftedFolder();
    await useServer(bulk);
    await expect(bulkIngestFolder({ folder })).rejects.toThrow(/only into an empty database.*delete .*neo4j, npm run db:start/);
    process.env.NEO4J_URI = "bolt://db.example.com:7687";
    resetEnv();
    try {
      await expect(bulkIngestFolder({ folder })).rejects.toThrow(/only into the locally managed server, but NEO4J_URI names bolt:\/\/db\.example\.com:7687/);
    } finally {
      delete process.env.NEO4J_URI;
      resetEnv();
    }
  }, loadTimeoutMs);

  it("folds duplicates, replaced values and bad rows as the online path does", async () => {
    for (const server of [online, bulk]) {
      await useServer(server);
      await resetDatabase();
    }
    const loaded = await expectSameLoad(handcraftedFolder());
    expect(loaded.rejects.map((line) => (JSON.parse(line) as { reason: string }).reason)).toEqual(
      expect.arrayContaining(["unknown account ghost", "session s1 belongs to account a1, not a2"]),
    );
    expect(loaded.graph.find((line) => line.includes('session_id="s1"'))).toContain('past_attribute_keys=["ip:10.0.0.1"]');
  }, loadTimeoutMs);

  it("fills a server that never started, then starts it with the same graph (npm run demo on a new machine)", async () => {
    await useServer(online);
    await resetDatabase();
    const neverStarted = await createThrowawayServer("bulk-unstarted");
    try {
      await useServer(neverStarted);
      expect(isUnwrittenLocalStore()).toBe(true);
      await expectSameLoad(handcraftedFolder(), neverStarted);
      expect(isUnwrittenLocalStore()).toBe(false);
      expect((await checkDatabaseHealth()).status).toBe("up");
    } finally {
      await closeDriver();
      await neverStarted.stop();
    }
  }, loadTimeoutMs);
});
