import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { closeDriver, readQuery } from "@/lib/neo4j";
import { resetDatabase } from "@/lib/testing/reset-database";
import { ingestFolder } from "./run-ingest";
import { countGraph, dumpDataGraph } from "./testing/dump-graph";
import { gzipText, jsonLines, removeInputFolders, writeInputFolder } from "./testing/input-folder";

beforeEach(resetDatabase);
afterAll(async () => {
  removeInputFolders();
  await closeDriver();
});

/** CSV, JSONL and gzip; two files of each kind; account and session attributes sharing values. */
function firstLoadFolder(): string {
  return writeInputFolder({
    "accounts.csv": [
      "account_id,created_at,email,phone,card_fp,country,status,attr_payout_wallet",
      "a1,2026-01-01T00:00:00Z,Alice@Example.com,+1 415 555 0100,card1,us,active,w1",
      "a2,2026-01-02T00:00:00+02:00,bob@example.com,,card1,DE,,w1",
    ].join("\n"),
    "accounts-2.jsonl": jsonLines([
      { account_id: "a3", created_at: "2026-01-03T00:00:00Z", email: "carol@other.org", status: "banned" },
      { account_id: 42, created_at: "2026-01-04T00:00:00Z" },
    ]),
    "sessions.jsonl": jsonLines([
      {
        session_id: "s1",
        account_id: "a1",
        started_at: "2026-02-01T10:00:00Z",
        ended_at: "2026-02-01T10:30:00Z",
        ip: "10.0.0.1",
        device_id: "d1",
        prompt_fp: "p1",
        request_count: 5,
        asn: 64500,
        ip_class: "residential",
        user_agent: "curl/8",
      },
      { session_id: "s2", account_id: "a1", started_at: "2026-02-02T10:00:00Z", ip: "10.0.0.1", device_id: "d2" },
      { session_id: "s3", account_id: "a2", started_at: "2026-02-03T10:00:00Z", ip: "10.0.0.1", prompt_fp: "p1", attr_api_org: "org1" },
    ]),
    "sessions-2.csv.gz": gzipText(
      [
        "session_id,account_id,started_at,ended_at,ip,device_id",
        "s4,a3,2026-02-04T10:00:00Z,2026-02-04T11:00:00Z,::ffff:10.0.0.1,d1",
        "s5,42,2026-02-05T10:00:00Z,,10.0.0.9,",
      ].join("\n"),
    ),
  });
}

interface AttributeRow {
  key: string;
  labels: string[];
  accountCount: number;
  countType: string;
  [key: string]: string | number | string[];
}

async function attributes(): Promise<Record<string, AttributeRow>> {
  const rows = await readQuery<AttributeRow>(`
    MATCH (t:Attribute)
    RETURN t.key AS key, labels(t) AS labels, t.account_count AS accountCount, valueType(t.account_count) AS countType,
      toString(t.first_seen) AS firstSeen, toString(t.last_seen) AS lastSeen`);
  return Object.fromEntries(rows.map((row) => [row.key, row]));
}

async function links(): Promise<Record<string, { sessionCount: number; firstSeen: string; lastSeen: string; countType: string }>> {
  const rows = await readQuery<{ pair: string; sessionCount: number; firstSeen: string; lastSeen: string; countType: string }>(`
    MATCH (a:Account)-[u:USES]->(t:Attribute)
    RETURN a.account_id + ' ' + t.key AS pair, u.session_count AS sessionCount, valueType(u.session_count) AS countType,
      toString(u.first_seen) AS firstSeen, toString(u.last_seen) AS lastSeen`);
  return Object.fromEntries(rows.map(({ pair, ...rest }) => [pair, rest]));
}

describe("ingestFolder: the graph model", () => {
  it("loads CSV, JSONL and gzip files, several of one kind, into the decided model", async () => {
    const report = await ingestFolder({ folder: firstLoadFolder() });
    expect(report.status).toBe("completed");
    expect(report.totals).toEqual({ read: 9, loaded: 9, rejected: 0 });
    expect(report.files.map((file) => [file.name, file.loaded])).toEqual([
      ["accounts-2.jsonl", 2],
      ["accounts.csv", 2],
      ["sessions-2.csv.gz", 2],
      ["sessions.jsonl", 3],
    ]);

    expect(await countGraph()).toMatchObject({ Account: 4, Session: 5, HAS_SESSION: 5, IngestRun: 1 });
    const byKey = await attributes();
    expect(Object.keys(byKey).sort()).toEqual([
      "api_org:org1",
      "card:card1",
      "device:d1",
      "device:d2",
      "email:alice@example.com",
      "email:bob@example.com",
      "email:carol@other.org",
      "email_domain:example.com",
      "email_domain:other.org",
      "ip:10.0.0.1",
      "ip:10.0.0.9",
      "payout_wallet:w1",
      "phone:+14155550100",
      "prompt:p1",
    ]);
    expect(byKey["ip:10.0.0.1"]).toMatchObject({ labels: ["Attribute", "IP"], accountCount: 3, countType: "INTEGER NOT NULL" });
    expect(byKey["ip:10.0.0.1"]).toMatchObject({ firstSeen: "2026-02-01T10:00:00Z", lastSeen: "2026-02-04T10:00:00Z" });
    expect(byKey["email_domain:example.com"]).toMatchObject({ labels: ["Attribute", "EmailDomain"], accountCount: 2 });
    expect(byKey["payout_wallet:w1"]).toMatchObject({ labels: ["Attribute"], accountCount: 2 });
    expect(byKey["api_org:org1"]).toMatchObject({ labels: ["Attribute"], accountCount: 1 });
    expect(byKey["device:d1"]).toMatchObject({ labels: ["Attribute", "Device"], accountCount: 2 });
    expect(byKey["prompt:p1"]).toMatchObject({ labels: ["Attribute", "Prompt"], accountCount: 2 });
    expect(byKey["card:card1"]).toMatchObject({ labels: ["Attribute", "Card"], accountCount: 2 });
    expect(byKey["phone:+14155550100"]).toMatchObject({ labels: ["Attribute", "Phone"], accountCount: 1 });

    const byPair = await links();
    expect(byPair["a1 ip:10.0.0.1"]).toEqual({
      sessionCount: 2,
      countType: "INTEGER NOT NULL",
      firstSeen: "2026-02-01T10:00:00Z",
      lastSeen: "2026-02-02T10:00:00Z",
    });
    expect(byPair["a3 ip:10.0.0.1"]).toMatchObject({ sessionCount: 1 });
    expect(byPair["a2 email_domain:example.com"]).toMatchObject({
      sessionCount: 0,
      firstSeen: "2026-01-02T00:00:00+02:00",
      lastSeen: "2026-01-02T00:00:00+02:00",
    });
    expect(byPair["a2 api_org:org1"]).toMatchObject({ sessionCount: 1 });
    expect(Object.keys(byPair)).toHaveLength(21);

    const [s1] = await readQuery<Record<string, string | number>>(`
      MATCH (owner:Account)-[:HAS_SESSION]->(s:Session {session_id: 's1'})
      RETURN owner.account_id AS account, toString(s.started_at) AS started, toString(s.ended_at) AS ended, s.ip AS ip,
        s.device_id AS device, s.prompt_fp AS prompt, s.request_count AS requests, valueType(s.request_count) AS requestsType,
        s.asn AS asn, s.ip_class AS ipClass, s.user_agent AS userAgent, valueType(s.started_at) AS startedType`);
    expect(s1).toEqual({
      account: "a1",
      started: "2026-02-01T10:00:00Z",
      ended: "2026-02-01T10:30:00Z",
      ip: "10.0.0.1",
      device: "d1",
      prompt: "p1",
      requests: 5,
      requestsType: "INTEGER NOT NULL",
      asn: 64500,
      ipClass: "residential",
      userAgent: "curl/8",
      startedType: "ZONED DATETIME NOT NULL",
    });
    const [s3] = await readQuery<{ org: string }>("MATCH (s:Session {session_id: 's3'}) RETURN s.attr_api_org AS org");
    expect(s3?.org).toBe("org1");
    const [a1] = await readQuery<Record<string, string>>(`
      MATCH (a:Account {account_id: 'a1'})
      RETURN a.email AS email, a.phone AS phone, a.card_fp AS card, a.country AS country, a.status AS status,
        valueType(a.updated_at) AS updatedType`);
    expect(a1).toEqual({
      email: "alice@example.com",
      phone: "+14155550100",
      card: "card1",
      country: "US",
      status: "active",
      updatedType: "ZONED DATETIME NOT NULL",
    });
  });

  it("leaves the graph exactly as it was when the same input is loaded again", async () => {
    const folder = firstLoadFolder();
    await ingestFolder({ folder });
    const once = await dumpDataGraph();
    const again = await ingestFolder({ folder, batchSize: 2 });
    expect(again.totals.loaded).toBe(9);
    expect(await dumpDataGraph()).toEqual(once);
    expect((await countGraph()).IngestRun).toBe(2);
  });

  it("links a later folder of new sessions into the existing accounts and attributes", async () => {
    await ingestFolder({ folder: firstLoadFolder() });
    const later = writeInputFolder({
      "sessions-2026-03.jsonl": jsonLines([
        { session_id: "s6", account_id: "a2", started_at: "2026-03-01T10:00:00Z", ip: "10.0.0.1", device_id: "d1" },
        { session_id: "s7", account_id: "a1", started_at: "2026-03-02T10:00:00Z", ip: "10.0.0.1" },
        { session_id: "s8", account_id: "nobody", started_at: "2026-03-02T10:00:00Z", ip: "10.0.0.1" },
      ]),
    });
    const report = await ingestFolder({ folder: later });
    expect(report.files[0]).toMatchObject({ read: 3, loaded: 2, rejected: 1 });
    const rejects = readFileSync(report.rejectsFile, "utf8").trim().split("\n").map((line) => JSON.parse(line) as object);
    expect(rejects).toEqual([expect.objectContaining({ file: "sessions-2026-03.jsonl", line: 3, reason: "unknown account nobody" })]);

    const byKey = await attributes();
    expect(byKey["ip:10.0.0.1"]).toMatchObject({ accountCount: 3, lastSeen: "2026-03-02T10:00:00Z" });
    expect(byKey["device:d1"]).toMatchObject({ accountCount: 3 });
    const byPair = await links();
    expect(byPair["a1 ip:10.0.0.1"]).toMatchObject({ sessionCount: 3, firstSeen: "2026-02-01T10:00:00Z", lastSeen: "2026-03-02T10:00:00Z" });
    expect(byPair["a2 ip:10.0.0.1"]).toMatchObject({ sessionCount: 2 });
    expect(byPair["a2 device:d1"]).toMatchObject({ sessionCount: 1, firstSeen: "2026-03-01T10:00:00Z" });
    expect((await countGraph()).Session).toBe(7);
  });

  it("counts a session's replaced value once, also when the rows are loaded again", async () => {
    const folder = writeInputFolder({
      "accounts.csv": "account_id,created_at\na1,2026-01-01T00:00:00Z\n",
      "sessions-1.jsonl": jsonLines([{ session_id: "s1", account_id: "a1", started_at: "2026-02-01T10:00:00Z", ip: "10.0.0.1" }]),
      "sessions-2.jsonl": jsonLines([{ session_id: "s1", account_id: "a1", started_at: "2026-02-01T10:00:00Z", ip: "10.0.0.2" }]),
    });
    await ingestFolder({ folder });
    const once = await dumpDataGraph();
    expect(await links()).toMatchObject({ "a1 ip:10.0.0.1": { sessionCount: 1 }, "a1 ip:10.0.0.2": { sessionCount: 1 } });
    const [session] = await readQuery<{ ip: string; past: string[] }>(
      "MATCH (s:Session {session_id: 's1'}) RETURN s.ip AS ip, s.past_attribute_keys AS past",
    );
    expect(session).toEqual({ ip: "10.0.0.2", past: ["ip:10.0.0.1"] });
    await ingestFolder({ folder });
    expect(await dumpDataGraph()).toEqual(once);
  });

  it("updates only the fields a later account row gives, and stamps updated_at only on change", async () => {
    await ingestFolder({ folder: firstLoadFolder() });
    const before = await readQuery<{ id: string; updated: string; status: string | null; email: string | null }>(
      "MATCH (a:Account) RETURN a.account_id AS id, toString(a.updated_at) AS updated, a.status AS status, a.email AS email ORDER BY id",
    );
    await ingestFolder({
      folder: writeInputFolder({ "accounts.jsonl": jsonLines([{ account_id: "a1", created_at: "2026-01-01T00:00:00Z", status: "banned" }]) }),
    });
    const after = await readQuery<{ id: string; updated: string; status: string | null; email: string | null }>(
      "MATCH (a:Account) RETURN a.account_id AS id, toString(a.updated_at) AS updated, a.status AS status, a.email AS email ORDER BY id",
    );
    const a1Before = before.find((row) => row.id === "a1");
    const a1After = after.find((row) => row.id === "a1");
    expect(a1After).toMatchObject({ status: "banned", email: "alice@example.com" });
    expect(a1After?.updated).not.toBe(a1Before?.updated);
    expect(after.filter((row) => row.id !== "a1")).toEqual(before.filter((row) => row.id !== "a1"));
  });

  it("checks everything in a dry run and writes nothing", async () => {
    await ingestFolder({
      folder: writeInputFolder({ "accounts.csv": "account_id,created_at\nold,2026-01-01T00:00:00Z\n" }),
    });
    const before = await dumpDataGraph();
    const folder = writeInputFolder({
      "accounts.csv": "account_id,created_at\nnew,2026-01-01T00:00:00Z\nbad,not-a-time\n",
      "sessions.jsonl": jsonLines([
        { session_id: "s1", account_id: "old", started_at: "2026-02-01T10:00:00Z" },
        { session_id: "s2", account_id: "new", started_at: "2026-02-01T10:00:00Z" },
        { session_id: "s3", account_id: "bad", started_at: "2026-02-01T10:00:00Z" },
      ]),
    });
    const report = await ingestFolder({ folder, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, database: { isChecked: true }, totals: { read: 5, loaded: 3, rejected: 2 } });
    const reasons = readFileSync(report.rejectsFile, "utf8").trim().split("\n").map((line) => (JSON.parse(line) as { reason: string }).reason);
    expect(reasons).toEqual([expect.stringContaining("unparsable timestamp"), "unknown account bad"]);
    expect(await dumpDataGraph()).toEqual(before);
    expect((await countGraph()).IngestRun).toBe(1);
  });
});
